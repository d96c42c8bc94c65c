/**
 * One pass over the text: words (lower-cased, accent-folded, elisions split),
 * emoji, emoticons, and the punctuation that matters for scoring (sentence ends,
 * runs of ! and ?, clause commas). Offsets point into the original text so that
 * sentences can be quoted verbatim.
 */
import { Buffer } from "node:buffer";
import { foldToken as foldToken_, squeezeRuns as squeezeRuns_ } from "./fold.ts";
import { grown } from "./typed.ts";
import {
  FN_EN as FN_EN_,
  FN_EN_ONLY as FN_EN_ONLY_,
  FN_FR as FN_FR_,
  FN_LETTER as FN_LETTER_,
  HASH_PRIME as HASH_PRIME_,
  HASH_SEED as HASH_SEED_,
  idOf as idOf_,
  internCodes as internCodes_,
  VOCAB as VOCAB_,
  type Vocab,
} from "./vocab.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const foldToken = foldToken_;
const squeezeRuns = squeezeRuns_;
const HASH_PRIME = HASH_PRIME_;
const HASH_SEED = HASH_SEED_;
const internCodes = internCodes_;
const idOf = idOf_;
const VOCAB = VOCAB_;
const FN_EN = FN_EN_;
const FN_EN_ONLY = FN_EN_ONLY_;
const FN_FR = FN_FR_;
const FN_LETTER = FN_LETTER_;

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
  /** the word's record (words and emoji), null for punctuation */
  v: Vocab | null;
}

/** `TokenStream.flags` bits */
export const T_CAPS = 1;
/** elongated spelling: the record's `sq` holds the squeezed form */
export const T_LONG = 2;

/**
 * The token stream of one text, as parallel typed arrays that are reused from one
 * text to the next (the analyser allocates no object per token). Token i is
 * kind[i], start[i]..end[i] in the text, flags[i] (T_CAPS, T_LONG) and, for words and
 * emoji, the word's id (see vocab.ts: VOCAB.records[id].w is its form); punctuation
 * has id -1 (its characters are src.slice(start[i], end[i])).
 */
export class TokenStream {
  n = 0;
  words = 0;
  /** word tokens written in capitals (2+ letters) */
  capsWords = 0;
  /** emoji and emoticon tokens */
  emoji = 0;
  /** some word has a letter or digit outside ASCII ("é", "ư", "ß") */
  wide = false;
  /**
   * Function words among the first FN_WORDS words (see lang.ts), counted as the words
   * are read: French ones (a lone letter only as an elision, "l'", "j'"), English ones,
   * English-only ones, and the words counted.
   */
  fnFr = 0;
  fnEn = 0;
  fnEnOnly = 0;
  fnWords = 0;
  src = "";
  kind: Uint8Array;
  flags: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  id: Int32Array;
  constructor(capacity = 256) {
    this.kind = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.id = new Int32Array(capacity);
  }
  /** room for `n` tokens (a text of n characters never has more) */
  reserve(n: number): void {
    if (this.kind.length < n) this.grow(n);
  }
  grow(min = 0): void {
    let cap = this.kind.length * 2;
    while (cap < min) cap *= 2;
    this.kind = grown(this.kind, cap);
    this.flags = grown(this.flags, cap);
    this.start = grown(this.start, cap);
    this.end = grown(this.end, cap);
    this.id = grown(this.id, cap);
  }
}

/** Words read for the function-word counts: enough to tell a language, and bounded. */
export const FN_WORDS = 200;

/** Counts word `id` in the function-word tallies (see TokenStream.fnFr); `elision`: it is one ("l'", "qu'"). */
function countFn(ts: TokenStream, id: number, elision: boolean): void {
  if (ts.fnWords >= FN_WORDS) return;
  ts.fnWords++;
  const fn = VOCAB.fn[id] as number;
  if ((fn & FN_FR) !== 0 && (elision || (fn & FN_LETTER) === 0)) ts.fnFr++;
  if ((fn & FN_EN) !== 0) ts.fnEn++;
  if ((fn & FN_EN_ONLY) !== 0) ts.fnEnOnly++;
}

function push(ts: TokenStream, kind: number, start: number, end: number, flags: number, id: number): void {
  const i = ts.n;
  ts.kind[i] = kind;
  ts.start[i] = start;
  ts.end[i] = end;
  ts.flags[i] = flags;
  ts.id[i] = id;
  ts.n = i + 1;
  if (kind === EMOJI) ts.emoji++;
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
// Typed tables rather than Sets: these are asked about every non-letter character.
const EMOTICON_START = new Uint8Array(128);
for (const c of [58, 59, 61, 60, 40, 41]) EMOTICON_START[c] = 1; // : ; = < ( )
const CLAUSE = new Uint8Array(256);
for (const c of [44, 59, 58, 40, 41, 0xab, 0xbb, 34]) CLAUSE[c] = 1; // , ; : ( ) « » "
const isDash = (c: number) => c === 45 || c === 0x2013 || c === 0x2014;

const ELISION = /^(l|d|j|m|t|s|c|n|qu|jusqu|lorsqu|puisqu|quoiqu)'(.+)$/;

/** BUF[0, len) spells a French elision: l d j m t s c n qu jusqu lorsqu puisqu quoiqu (no string built). */
function isElision(len: number): boolean {
  const a = BUF[0] as number;
  if (len === 1)
    return a === 108 || a === 100 || a === 106 || a === 109 || a === 116 || a === 115 || a === 99 || a === 110;
  if (len === 2) return a === 113 && BUF[1] === 117;
  if (len < 5 || BUF[len - 2] !== 113 || BUF[len - 1] !== 117) return false;
  // jusqu lorsqu puisqu quoiqu
  if (len === 5) return a === 106 && BUF[1] === 117 && BUF[2] === 115;
  if (len !== 6) return false;
  const b = BUF[1] as number;
  const c = BUF[2] as number;
  const d = BUF[3] as number;
  if (a === 108) return b === 111 && c === 114 && d === 115;
  if (a === 112) return b === 117 && c === 105 && d === 115;
  return a === 113 && b === 117 && c === 111 && d === 105;
}
const WORD = Kind.Word;
const EMOJI = Kind.Emoji;
const BANG = Kind.Bang;
const END = Kind.End;
const CLAUSE_MARK = Kind.Clause;
// Words longer than this take the slow path (no lexicon word is anywhere near as long).
const BUF_LEN = 64;
const BUF = new Uint16Array(BUF_LEN);
/** BUF as ints, for comparing words two codes at a time (see vocab.ts: internCodes) */
const BUF_KEY = new Int32Array(BUF.buffer);
// The text being scanned, as UTF-16 code units copied by one native call (the code
// units as they are, lone surrogates included), plus a 0 after the last one. Reading a
// string's characters one by one in optimised code costs a dispatch on the string's
// layout at every read; reading a typed array costs a load. It grows to the longest
// text scanned: analyze() scans at most MAX_CHARS (config.ts), 40 KB of codes.
let CODES = new Uint16Array(1024);
let CODE_BYTES = Buffer.from(CODES.buffer);

/** The code units of `src` in a typed array reused from text to text, followed by a 0. */
function codesOf(src: string): Uint16Array {
  const n = src.length;
  if (CODES.length <= n) {
    CODES = new Uint16Array(Math.max(n + 1, CODES.length * 2));
    CODE_BYTES = Buffer.from(CODES.buffer);
  }
  CODE_BYTES.write(src, 0, "utf16le");
  CODES[n] = 0;
  return CODES;
}
// Per code unit, filled on first sight: its lower-case accent-folded form (a second
// unit for "œ" -> "oe"), and case bits 1 = upper, 2 = lower, 4 = needs the slow path.
const FOLDED = new Uint16Array(65536);
const FOLDED2 = new Uint16Array(65536);
const CASE = new Uint8Array(65536);
const CASE_KNOWN = 8;
/** An ASCII letter or digit (the letters' codes with bit 5 set are a-z). */
function isAsciiWord(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10;
}

function caseOf(c: number): number {
  let k = CASE[c] as number;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    k = CASE_KNOWN;
    if (lower !== ch) k |= 1;
    if (ch.toUpperCase() !== ch) k |= 2;
    // Context-dependent lower-casing (final sigma) or a change of length: whole-string path.
    if (lower.length !== 1 || c === 0x3a3) k |= 4;
    const f = foldToken(lower);
    FOLDED[c] = f.charCodeAt(0);
    FOLDED2[c] = f.length > 1 ? f.charCodeAt(1) : 0;
    if (f.length > 2) k |= 4;
    CASE[c] = k;
  }
  return k;
}

function capsOf(raw: string): boolean {
  return raw.length > 1 && raw.toLowerCase() !== raw && raw === raw.toUpperCase();
}

/** The squeezed form of an elongated word, memoised on its record. */
function squeezedOf(id: number): string | null {
  const v = VOCAB.records[id] as Vocab;
  let sq = v.sq;
  if (sq === undefined) {
    sq = squeezeRuns(v.w);
    v.sq = sq;
  }
  return sq;
}

/** Whole-string path for rare words (very long, or letters whose lower case is not one unit). */
function slowWord(raw: string, start: number, ts: TokenStream): void {
  const caps = capsOf(raw) ? T_CAPS : 0;
  let w = foldToken(raw.toLowerCase());
  const end = start + raw.length;
  if (w.length > 1 && w.includes("'")) {
    const el = ELISION.exec(w);
    if (el !== null && el[1] !== undefined && el[2] !== undefined) {
      const pid = idOf(el[1]);
      push(ts, WORD, start, start + el[1].length, caps, pid);
      countFn(ts, pid, true);
      ts.words++;
      w = el[2];
    }
  }
  ts.words++;
  const id = idOf(w);
  push(ts, WORD, start, end, squeezedOf(id) === null ? caps : caps | T_LONG, id);
  countFn(ts, id, false);
}

export interface Tokenized {
  tokens: Token[];
  /** number of word tokens written in capitals (2+ letters) */
  capsWords: number;
  words: number;
}

/** Tokenises at most `limit` characters of `text` into token objects (tests and lexicon compilation). */
export function tokenize(text: string, limit: number): Tokenized {
  const ts = scan(text, limit, new TokenStream(64));
  const tokens: Token[] = [];
  for (let i = 0; i < ts.n; i++) {
    const id = ts.id[i] as number;
    const v = id < 0 ? null : (VOCAB.records[id] as Vocab);
    const f = ts.flags[i] as number;
    tokens.push({
      kind: ts.kind[i] as Kind,
      w: v === null ? ts.src.slice(ts.start[i], ts.end[i]) : v.w,
      squeezed: (f & T_LONG) !== 0 ? ((v as Vocab).sq ?? null) : null,
      caps: (f & T_CAPS) !== 0,
      start: ts.start[i] as number,
      end: ts.end[i] as number,
      v,
    });
  }
  return { tokens, capsWords: ts.capsWords, words: ts.words };
}

/**
 * Emoji, emoticons, runs of ! and ?, sentence ends, clause marks: the token that starts
 * at src[i] (character c of class cls, not a letter or digit), written to ts. Returns the
 * index after it. Out of scan's loop, which these few tokens would only make larger.
 */
function other(ts: TokenStream, src: string, s: Uint16Array, i: number, n: number, c: number, cls: number): number {
  const start = i;
  if (c < 128 && EMOTICON_START[c] === 1) {
    EMOTICON_RE.lastIndex = i;
    const e = EMOTICON_RE.exec(src);
    if (e !== null) {
      i += e[0].length;
      push(ts, EMOJI, start, i, 0, idOf(e[0]));
      return i;
    }
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const cp = src.codePointAt(i) as number;
    if (isAstralPicto(cp)) {
      i += 2;
      push(ts, EMOJI, start, i, 0, idOf(src.slice(start, i)));
      return i;
    }
    return i + 2;
  }
  if (cls === 2) {
    i++;
    push(ts, EMOJI, start, i, 0, idOf(src[start] as string));
    return i;
  }
  if (c === 33 || c === 63) {
    i = runOf(s, i + 1, n, 33, 63);
    push(ts, BANG, start, i, 0, -1);
    return i;
  }
  if (c === 46 || c === 0x2026) {
    i = runOf(s, i + 1, n, 46, 0x2026);
    push(ts, END, start, i, 0, -1);
    return i;
  }
  if (c === 10) {
    let j = i + 1;
    while (j < n && isSpace(s[j] as number)) j++;
    i = j;
    push(ts, END, start, i, 0, -1);
    return i;
  }
  if (c < 256 && CLAUSE[c] === 1) {
    i++;
    push(ts, CLAUSE_MARK, start, i, 0, -1);
    return i;
  }
  if (isSpace(c) && i + 2 < n && isDash(s[i + 1] as number) && isSpace(s[i + 2] as number)) {
    i += 3;
    push(ts, CLAUSE_MARK, start, i, 0, -1);
    return i;
  }
  return i + 1;
}

/** The end of the run of characters a and b from src[j] ("!?!", "..."). */
function runOf(s: Uint16Array, j: number, n: number, a: number, b: number): number {
  let k = j;
  while (k < n && (s[k] === a || s[k] === b)) k++;
  return k;
}

/** A written rating ("4/5", "8,5/10") at src[i], kept as one token "rating:0.8": the index after it, or i. */
function rating(ts: TokenStream, src: string, i: number): number {
  RATING_RE.lastIndex = i;
  const r = RATING_RE.exec(src);
  if (r === null) return i;
  const [num, den] = r[0].replace(",", ".").split("/");
  const v = Math.min(1, Math.max(0, Number(num) / Number(den)));
  const id = idOf(`rating:${Math.round(v * 100) / 100}`);
  push(ts, WORD, i, i + r[0].length, 0, id);
  countFn(ts, id, false);
  ts.words++;
  return i + r[0].length;
}

/** Scans at most `limit` characters of `text` into `ts` (emptied first) and returns it. */
export function scan(text: string, limit: number, ts: TokenStream): TokenStream {
  const src = text.length > limit ? text.slice(0, limit) : text;
  ts.n = 0;
  ts.words = 0;
  ts.capsWords = 0;
  ts.emoji = 0;
  ts.wide = false;
  ts.fnFr = 0;
  ts.fnEn = 0;
  ts.fnEnOnly = 0;
  ts.fnWords = 0;
  ts.src = src;
  const n = src.length;
  const s = codesOf(src);
  // Every token takes at least one character: no capacity check per token, and the
  // arrays stay the same during the scan (the word path writes them directly: a call
  // to push() is not inlined into a function this large).
  ts.reserve(n + 1);
  // What the loops use, as locals: a module-level binding is a context slot that
  // optimised code reloads and re-checks at each use (and converts, for a number
  // whose type it cannot see: "| 0" makes the hash constants int32 once).
  const prime = HASH_PRIME | 0;
  const seed = HASH_SEED | 0;
  const buf = BUF;
  const key = BUF_KEY;
  const fnFr = FN_FR | 0;
  const fnEn = FN_EN | 0;
  const fnEnOnly = FN_EN_ONLY | 0;
  const fnLetter = FN_LETTER | 0;
  const fnMax = FN_WORDS | 0;
  const word = WORD | 0;
  const tCaps = T_CAPS | 0;
  const tLong = T_LONG | 0;
  const kindA = ts.kind;
  const startA = ts.start;
  const endA = ts.end;
  const flagsA = ts.flags;
  const idA = ts.id;
  let i = 0;
  while (i < n) {
    const c = s[i] as number;
    const start = i;
    if (c === 32 && (i + 1 >= n || !isDash(s[i + 1] as number))) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      const r = rating(ts, src, i);
      if (r > i) {
        i = r;
        continue;
      }
    }
    const cls = c < 128 ? (isAsciiWord(c) ? 1 : 3) : classOf(c);
    if (cls === 1) {
      // Fast path: lower-case, fold and hash in the same pass, then intern by codes.
      let len = 0;
      let h = seed;
      /** CASE bits seen: 1 an upper-case letter, 2 a lower-case one */
      let cases = 0;
      let slow = false;
      let run = false;
      let apostrophe = false;
      let prefix = -1;
      let prefixLen = 0;
      let j = i;
      for (;;) {
        // ASCII letters and digits: a loop with no call in it, which the compiler keeps tight.
        // The class and case come from comparisons, not a table: a typed-array read in
        // optimised code is a map check, two loads and a bound check (6 % of the scan).
        // Up to `stop` the buffer has room (BUF_LEN - 1 codes); a run of three of the
        // same letter (elongation) is told from the last two codes, kept in locals.
        let stop = j + (BUF_LEN - 1 - len);
        if (stop > n) stop = n;
        let last = len > 0 ? (buf[len - 1] as number) : -1;
        let before = len > 1 ? (buf[len - 2] as number) : -1;
        while (j < stop) {
          const d = s[j] as number;
          let f = d;
          if ((d - 97) >>> 0 < 26) cases |= 2;
          else if ((d - 65) >>> 0 < 26) {
            f = d + 32;
            cases |= 1;
          } else if ((d - 48) >>> 0 >= 10) break;
          j++;
          buf[len++] = f;
          h = Math.imul(h ^ f, prime);
          if (f === last && f === before && f >= 97) run = true;
          before = last;
          last = f;
        }
        if (j >= stop) {
          // The buffer is full: the rest of the word, if it goes on, takes the slow path.
          while (j < n) {
            const d = s[j] as number;
            if (!isAsciiWord(d)) break;
            j++;
            slow = true;
          }
        }
        if (j < n) {
          const d = s[j] as number;
          if (d >= 128 && classOf(d) === 1) {
            // A letter or digit beyond ASCII: the same steps with its folded form (one or
            // two codes), then back to the ASCII loop.
            const cf = caseOf(d);
            cases |= cf;
            if ((cf & 4) !== 0) slow = true;
            ts.wide = true;
            const f = FOLDED[d] as number;
            const f2 = FOLDED2[d] as number;
            j++;
            if (len + 2 > BUF_LEN) {
              slow = true;
              continue;
            }
            buf[len++] = f;
            h = Math.imul(h ^ f, prime);
            if (f2 !== 0) {
              buf[len++] = f2;
              h = Math.imul(h ^ f2, prime);
            }
            if (len >= 3 && f >= 97 && f <= 122 && buf[len - 2] === f && buf[len - 3] === f) run = true;
            continue;
          }
        }
        // Apostrophes join letters ("l'assurance", "don't"); a French elision before the
        // first one becomes a token of its own.
        if (j + 1 < n && isApostrophe(s[j] as number)) {
          const d = s[j + 1] as number;
          if (d < 128 ? (d >= 97 && d <= 122) || (d >= 65 && d <= 90) : classOf(d) === 1 && !isDigit(d)) {
            if (!apostrophe && !slow && len <= 6 && isElision(len)) {
              prefix = internCodes(buf, key, len, h) | 0;
              prefixLen = len;
              len = 0;
              h = seed;
              run = false;
            } else if (len < BUF_LEN) {
              buf[len++] = 39;
              h = Math.imul(h ^ 39, prime);
            } else slow = true;
            apostrophe = true;
            j += 1;
            continue;
          }
        }
        break;
      }
      i = j;
      if (slow) {
        const raw = src.slice(start, j);
        slowWord(raw, start, ts);
        if (capsOf(raw)) ts.capsWords++;
        continue;
      }
      const caps = j - start > 1 && (cases & 3) === 1 ? tCaps : 0;
      if (caps !== 0) ts.capsWords++;
      let t = ts.n;
      if (prefix >= 0) {
        kindA[t] = word;
        startA[t] = start;
        endA[t] = start + prefixLen;
        flagsA[t] = caps;
        idA[t] = prefix;
        t++;
      }
      // "| 0": an int; the two returns of internCodes merge into a number the compiler
      // otherwise converts through a double before storing it.
      const id = internCodes(buf, key, len, h) | 0;
      kindA[t] = word;
      startA[t] = start;
      endA[t] = i;
      flagsA[t] = run && squeezedOf(id) !== null ? caps | tLong : caps;
      idA[t] = id;
      ts.n = t + 1;
      ts.words += prefix >= 0 ? 2 : 1;
      // The function-word counts (see countFn), written out: a call is not inlined here.
      if (ts.fnWords < fnMax) {
        const fns = VOCAB.fn;
        if (prefix >= 0) {
          const pf = fns[prefix] as number;
          if ((pf & fnFr) !== 0) ts.fnFr++;
          if ((pf & fnEn) !== 0) ts.fnEn++;
          if ((pf & fnEnOnly) !== 0) ts.fnEnOnly++;
          ts.fnWords++;
        }
        if (ts.fnWords < fnMax) {
          const fn = fns[id] as number;
          if ((fn & fnFr) !== 0 && (fn & fnLetter) === 0) ts.fnFr++;
          if ((fn & fnEn) !== 0) ts.fnEn++;
          if ((fn & fnEnOnly) !== 0) ts.fnEnOnly++;
          ts.fnWords++;
        }
      }
      continue;
    }
    i = other(ts, src, s, i, n, c, cls);
  }
  return ts;
}
