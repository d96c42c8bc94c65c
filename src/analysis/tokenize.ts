/**
 * One pass over the text: words (lower-cased, accent-folded, elisions split),
 * emoji, emoticons, and the punctuation that matters for scoring (sentence ends,
 * runs of ! and ?, clause commas). Offsets point into the original text so that
 * sentences can be quoted verbatim.
 */
import { foldToken, squeezeRuns } from "./fold.ts";
import { type Vocab, vocabOf } from "./vocab.ts";

export const Kind = { Word: 0, Emoji: 1, Bang: 2, End: 3, Clause: 4 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Token {
  kind: Kind;
  /** folded lower-case form (words), the symbol itself (emoji), or the punctuation run */
  w: string;
  /** elongated spelling ("sooo"): the form with runs cut to two letters, else null */
  squeezed: string | null;
  caps: boolean;
  start: number;
  end: number;
  /** the word's memoised record (words and emoji), null for punctuation */
  v: Vocab | null;
}

// A hand-written scanner rather than one big alternation regex: it allocates no match
// arrays and classifies most characters with a table lookup (see bench:analysis).
const RATING_RE = /\d{1,2}(?:[.,]\d{1,2})?\s?\/\s?(?:5|10|20)(?![\d.,]\d)/y;
const EMOTICON_RE = /(?:[:;=8][-'^o]?[)(\][dDpP/\\|*3oO@$]+)|<\/?3+|(?:[)(][-'^]?[:;=])/y;
const LETTER_RE = /[\p{L}\p{N}]/u;
const PICTO_RE = /\p{Extended_Pictographic}/u;
// 0 = not yet known, 1 = letter or digit, 2 = pictograph, 3 = other
const CLASS = new Uint8Array(65536);

function classOf(c: number): number {
  let k = CLASS[c] as number;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LETTER_RE.test(ch) ? 1 : PICTO_RE.test(ch) ? 2 : 3;
    CLASS[c] = k;
  }
  return k;
}
const astralPicto = new Map<number, boolean>();
function isAstralPicto(cp: number): boolean {
  let v = astralPicto.get(cp);
  if (v === undefined) {
    v = PICTO_RE.test(String.fromCodePoint(cp));
    if (astralPicto.size < 10_000) astralPicto.set(cp, v);
  }
  return v;
}
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2bc;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 12 || c === 11;
const isDigit = (c: number) => c >= 48 && c <= 57;
const EMOTICON_START = new Set([58, 59, 61, 60, 40, 41]); // : ; = < ( )
const CLAUSE = new Set([44, 59, 58, 40, 41, 0xab, 0xbb, 34]); // , ; : ( ) « » "
const DASHES = new Set([45, 0x2013, 0x2014]);

const ELISION = /^(l|d|j|m|t|s|c|n|qu|jusqu|lorsqu|puisqu|quoiqu)'(.+)$/;

export interface Tokenized {
  tokens: Token[];
  /** number of word tokens written in capitals (2+ letters) */
  capsWords: number;
  words: number;
}

/** Tokenises at most `limit` characters of `text`. */
export function tokenize(text: string, limit: number): Tokenized {
  const src = text.length > limit ? text.slice(0, limit) : text;
  const tokens: Token[] = [];
  let capsWords = 0;
  let words = 0;
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    const start = i;
    if (isDigit(c)) {
      RATING_RE.lastIndex = i;
      const r = RATING_RE.exec(src);
      if (r !== null) {
        // "4/5", "8,5/10": a rating written in the text, kept as one token "rating:0.8".
        const [num, den] = r[0].replace(",", ".").split("/");
        const v = Math.min(1, Math.max(0, Number(num) / Number(den)));
        i += r[0].length;
        const rw = `rating:${Math.round(v * 100) / 100}`;
        tokens.push({ kind: Kind.Word, w: rw, squeezed: null, caps: false, start, end: i, v: vocabOf(rw) });
        words++;
        continue;
      }
    }
    const cls = c < 128 ? ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) ? 1 : 3) : classOf(c);
    if (cls === 1) {
      let j = i + 1;
      for (;;) {
        while (j < n) {
          const d = src.charCodeAt(j);
          if (d < 128 ? (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || isDigit(d) : classOf(d) === 1) j++;
          else break;
        }
        // Apostrophes join letters ("l'assurance", "don't"), then the elision is split below.
        if (j + 1 < n && isApostrophe(src.charCodeAt(j))) {
          const d = src.charCodeAt(j + 1);
          if (d < 128 ? (d >= 97 && d <= 122) || (d >= 65 && d <= 90) : classOf(d) === 1 && !isDigit(d)) {
            j += 2;
            continue;
          }
        }
        break;
      }
      const raw = src.slice(i, j);
      i = j;
      const lower = raw.toLowerCase();
      const caps = raw.length > 1 && lower !== raw && raw === raw.toUpperCase();
      if (caps) capsWords++;
      let w = foldToken(lower);
      if (w.length > 1 && w.includes("'")) {
        const el = ELISION.exec(w);
        if (el !== null && el[1] !== undefined && el[2] !== undefined) {
          tokens.push({
            kind: Kind.Word,
            w: el[1],
            squeezed: null,
            caps,
            start,
            end: start + el[1].length,
            v: vocabOf(el[1]),
          });
          words++;
          w = el[2];
        }
      }
      words++;
      tokens.push({ kind: Kind.Word, w, squeezed: squeezeRuns(w), caps, start, end: i, v: vocabOf(w) });
      continue;
    }
    if (EMOTICON_START.has(c)) {
      EMOTICON_RE.lastIndex = i;
      const e = EMOTICON_RE.exec(src);
      if (e !== null) {
        i += e[0].length;
        tokens.push({ kind: Kind.Emoji, w: e[0], squeezed: null, caps: false, start, end: i, v: vocabOf(e[0]) });
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const cp = src.codePointAt(i) as number;
      if (isAstralPicto(cp)) {
        i += 2;
        const sym = src.slice(start, i);
        tokens.push({ kind: Kind.Emoji, w: sym, squeezed: null, caps: false, start, end: i, v: vocabOf(sym) });
        continue;
      }
      i += 2;
      continue;
    }
    if (cls === 2) {
      i++;
      tokens.push({
        kind: Kind.Emoji,
        w: src[start] as string,
        squeezed: null,
        caps: false,
        start,
        end: i,
        v: vocabOf(src[start] as string),
      });
      continue;
    }
    if (c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && (src.charCodeAt(j) === 33 || src.charCodeAt(j) === 63)) j++;
      i = j;
      tokens.push({ kind: Kind.Bang, w: src.slice(start, i), squeezed: null, caps: false, start, end: i, v: null });
      continue;
    }
    if (c === 46 || c === 0x2026) {
      let j = i + 1;
      while (j < n && (src.charCodeAt(j) === 46 || src.charCodeAt(j) === 0x2026)) j++;
      i = j;
      tokens.push({ kind: Kind.End, w: src.slice(start, i), squeezed: null, caps: false, start, end: i, v: null });
      continue;
    }
    if (c === 10) {
      let j = i + 1;
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      i = j;
      tokens.push({ kind: Kind.End, w: src.slice(start, i), squeezed: null, caps: false, start, end: i, v: null });
      continue;
    }
    if (CLAUSE.has(c)) {
      i++;
      tokens.push({ kind: Kind.Clause, w: src[start] as string, squeezed: null, caps: false, start, end: i, v: null });
      continue;
    }
    if (isSpace(c) && i + 2 < n && DASHES.has(src.charCodeAt(i + 1)) && isSpace(src.charCodeAt(i + 2))) {
      i += 3;
      tokens.push({ kind: Kind.Clause, w: src.slice(start, i), squeezed: null, caps: false, start, end: i, v: null });
      continue;
    }
    i++;
  }
  return { tokens, capsWords, words };
}
