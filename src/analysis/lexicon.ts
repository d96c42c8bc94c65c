/**
 * Compiles a language's lexicon once at import: base list + neutral overrides +
 * curated words, folded keys, phrases indexed by their first token. Word lookups go
 * through exact form, elongation-squeezed form, inflection suffixes, then natural's
 * Porter stemmer, and are memoised so a word is resolved once per process.
 */

import { createRequire } from "node:module";
import { foldToken, squeezeToOne } from "./fold.ts";
import { EN_BASE } from "./lexicons/en-base.ts";
import { EN } from "./lexicons/en-sentiment.ts";
import { FR_BASE } from "./lexicons/fr-base.ts";
import { FR } from "./lexicons/fr-sentiment.ts";
import type { LangRules } from "./lexicons/types.ts";
import { EXCESS, LIKE_FORMS, MODALS, WISHES } from "./sentiment-rules.ts";
import { Kind, tokenize } from "./tokenize.ts";
import { bindToVocab, H_PHRASE_SECOND, hotBits, idOf } from "./vocab.ts";

// natural's stemmers are CommonJS: required on the first stem lookup, not at import
// (a text without an unknown word never needs them).
const requireCjs = createRequire(import.meta.url);
type Stemmer = { stem(token: string): string };
const STEMMERS = {
  en: "natural/lib/natural/stemmers/porter_stemmer.js",
  fr: "natural/lib/natural/stemmers/porter_stemmer_fr.js",
} as const;
const loadStemmer = (lang: "fr" | "en"): Stemmer => requireCjs(STEMMERS[lang]) as Stemmer;

// Words that have a rule of their own in sentiment.ts besides their valence.
const SPECIAL_WORDS = new Set([...EXCESS, ...LIKE_FORMS, ...MODALS, ...WISHES]);

export type PhraseKind = "value" | "contrast" | "concession";
export interface Phrase {
  toks: string[];
  /** word ids of toks (see vocab.ts: bindToVocab) */
  ids: Int32Array;
  text: string;
  value: number;
  kind: PhraseKind;
  /** holds its own negation ("pas mal", "would not recommend"): never negated again */
  immune: boolean;
}

/** Flags of a word in one lexicon, resolved once per word (see Lexicon.info). */
export const F_NEGATOR = 1;
export const F_FILLER = 2;
export const F_FLIP = 4;
export const F_ABSENCE = 8;
/** reverser, booster, modal or another word with its own rule: take the slow path */
export const F_SPECIAL = 16;

/** A phrase or a cue: its words, and their ids once bound (see bindIds). */
export type Entry = { toks: string[]; ids: Int32Array };

/**
 * Entries (phrases, cues) laid out flat for matching by word ids: per entry its number
 * of words (`len`), where its ids start in `ids` (`at`), and the entry itself, read
 * only once it matches. `bind` copies the entries' ids in, after bindIds.
 */
export class EntryTable<T extends Entry> {
  readonly entries: T[];
  readonly len: Int32Array;
  readonly at: Int32Array;
  readonly ids: Int32Array;

  constructor(entries: T[]) {
    this.entries = entries;
    this.len = Int32Array.from(entries, (e) => e.toks.length);
    this.at = new Int32Array(entries.length);
    let words = 0;
    for (let e = 0; e < entries.length; e++) {
      this.at[e] = words;
      words += this.len[e] as number;
    }
    this.ids = new Int32Array(words);
    this.bind();
  }

  bind(): void {
    for (let e = 0; e < this.entries.length; e++) this.ids.set((this.entries[e] as T).ids, this.at[e] as number);
  }

  /**
   * Entry e goes on at token i of `tokenIds` (a token stream's ids) and ends before
   * token `to`; its first word is token i's (the caller found it by that word). Tokens
   * that are not words never match an entry's word: punctuation has id -1, and no word
   * is spelt like an emoji or an emoticon.
   */
  matches(e: number, tokenIds: Int32Array, i: number, to: number): boolean {
    const len = this.len[e] as number;
    if (i + len > to) return false;
    const ids = this.ids;
    const at = this.at[e] as number;
    let k = 1;
    while (k < len && tokenIds[i + k] === ids[at + k]) k++;
    return k === len;
  }
}

/**
 * The pairs (first word id, second word id) that open some entry of two words or more
 * (phrases, cues), each with a number (for phrases: the range of entries to try
 * there, see PhraseTable). Most words that start entries are common ones ("je", "pas",
 * "the", "not") and start none at a given place: one probe here tells, where the entry
 * lists would take a map read and a loop. Open addressing over [first, second, value]
 * int triples, at most a quarter full so that a probe reads one or two slots; refilled
 * by bindIds.
 */
export class IdPairs {
  slots = new Int32Array(192).fill(-1);
  mask = 63;
  count = 0;

  clear(): void {
    this.slots = new Int32Array(192).fill(-1);
    this.mask = 63;
    this.count = 0;
  }

  /** Adds the pair with `value` (≥ 0); a pair already held keeps its value. */
  add(a: number, b: number, value = 0): void {
    if (this.has(a, b)) return;
    if ((this.count + 1) * 4 > this.mask + 1) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2).fill(-1);
      this.mask = this.mask * 2 + 1;
      for (let k = 0; k < old.length; k += 3)
        if ((old[k] as number) >= 0) this.put(old[k] as number, old[k + 1] as number, old[k + 2] as number);
    }
    this.put(a, b, value);
    this.count++;
  }

  private put(a: number, b: number, value: number): void {
    const s = this.slots;
    let i = pairSlot(a, b) & this.mask;
    while ((s[i * 3] as number) >= 0) i = (i + 1) & this.mask;
    s[i * 3] = a;
    s[i * 3 + 1] = b;
    s[i * 3 + 2] = value;
  }

  /** The value of the pair, -1 when it is not held. */
  get(a: number, b: number): number {
    const s = this.slots;
    const m = this.mask;
    let i = pairSlot(a, b) & m;
    for (;;) {
      const k = i * 3;
      const x = s[k] as number;
      if (x < 0) return -1;
      if (x === a && s[k + 1] === b) return s[k + 2] as number;
      i = (i + 1) & m;
    }
  }

  has(a: number, b: number): boolean {
    return this.get(a, b) >= 0;
  }
}

const pairSlot = (a: number, b: number): number => {
  const h = Math.imul(a ^ Math.imul(b, 0x5bd1e995 | 0), 0x9e3779b1 | 0);
  return h ^ (h >>> 15);
};

/**
 * Gives the entries of these lists the current ids of their words, so that matching
 * compares ids, sets `secondBit` in the language's hot bits of every second word and
 * fills `pairs` with the first two ids of every entry of two words or more: run
 * through bindToVocab, again whenever the vocabulary is emptied.
 */
export function bindIds<T extends Entry>(
  lists: Iterable<T[]>,
  lang: "fr" | "en",
  secondBit: number,
  pairs?: IdPairs,
): void {
  pairs?.clear();
  for (const list of lists) {
    for (const e of list) {
      e.ids = Int32Array.from(e.toks, (t) => idOf(t));
      // Read after interning: a new id can grow (replace) the arrays.
      const hot = hotBits(lang);
      const second = e.ids[1];
      if (second !== undefined) {
        hot[second] = (hot[second] as number) | secondBit;
        pairs?.add(e.ids[0] as number, second);
      }
    }
  }
}

/**
 * The phrases of a lexicon as flat tables, matched by word ids without reading a
 * word's record or a phrase object until one matches. `ranges` maps a first word and
 * the word after it (first two ids of some phrase) to the range of entries to try
 * there: the phrases of that first word that go on with that second word or are one
 * word long, in the order they are tried (longest first); the pair (first, -1) maps
 * to the first word's one-word phrases alone. The ranges index `table` (an entry can sit
 * in several ranges). Refilled by bindToVocab.
 */
export class PhraseTable {
  ranges = new IdPairs();
  rangeFrom = new Int32Array(0);
  rangeTo = new Int32Array(0);
  table = new EntryTable<Phrase>([]);

  /** Rebuilds the tables, `ranges` included, from the phrase lists by first word (their ids bound). */
  fill(lists: Iterable<Phrase[]>): void {
    const from: number[] = [];
    const to: number[] = [];
    const entries: Phrase[] = [];
    const ranges = new IdPairs();
    const range = (first: number, second: number, list: Phrase[]) => {
      ranges.add(first, second, from.length);
      from.push(entries.length);
      for (const p of list) entries.push(p);
      to.push(entries.length);
    };
    for (const list of lists) {
      const first = (list[0] as Phrase).ids[0] as number;
      const seconds = new Set<number>();
      for (const p of list) if (p.ids.length > 1) seconds.add(p.ids[1] as number);
      for (const second of seconds)
        range(
          first,
          second,
          list.filter((p) => p.ids.length === 1 || p.ids[1] === second),
        );
      const one = list.filter((p) => p.ids.length === 1);
      if (one.length > 0) range(first, -1, one);
    }
    this.ranges = ranges;
    this.rangeFrom = Int32Array.from(from);
    this.rangeTo = Int32Array.from(to);
    this.table = new EntryTable(entries);
  }
}

export interface WordInfo {
  value: number;
  flags: number;
  /** some phrase starts with this word; some one-word phrase is this word */
  startsPhrase: boolean;
  oneWordPhrase: boolean;
}

export interface Lexicon {
  lang: "fr" | "en";
  words: Map<string, number>;
  phrases: Map<string, Phrase[]>;
  flip: Set<string>;
  absence: Set<string>;
  negators: Set<string>;
  reversers: Map<string, number>;
  boosters: Map<string, number>;
  fillers: Set<string>;
  /** valence of a positive word under negation (negative words use weaker, fixed factors) */
  negFactor: number;
  negScope: number;
  /** the phrases as flat tables, by word ids */
  phraseTable: PhraseTable;
  resolve(word: string): number;
  /** value, rule flags and phrases starting with this word, in one memoised lookup */
  info(word: string): WordInfo;
}

const SUFFIXES = { fr: ["s", "x", "e", "es"], en: ["s", "es", "ed", "d", "ing", "ly", "'s"] } as const;
const CACHE_MAX = 200_000;
const MAX_WORD = 40;

function phraseTokens(text: string): string[] {
  return tokenize(text, 200)
    .tokens.filter((t) => t.kind === Kind.Word)
    .map((t) => t.w);
}

function compile(lang: "fr" | "en", base: Record<string, number>, rules: LangRules): Lexicon {
  const words = new Map<string, number>();
  for (const [k, v] of Object.entries(base)) words.set(k, v);
  for (const k of rules.neutral) words.set(foldToken(k), 0);
  for (const [k, v] of Object.entries(rules.words)) words.set(foldToken(k.toLowerCase()), v);
  const negators = new Set(Object.keys(rules.negators).map(foldToken));

  const phrases = new Map<string, Phrase[]>();
  const add = (text: string, value: number, kind: PhraseKind) => {
    const toks = phraseTokens(text);
    const first = toks[0];
    if (first === undefined) return;
    const immune = toks.some((t) => negators.has(t) || t.endsWith("n't"));
    const list = phrases.get(first) ?? [];
    list.push({ toks, ids: new Int32Array(0), text, value, kind, immune });
    list.sort((a, b) => b.toks.length - a.toks.length);
    phrases.set(first, list);
  };
  for (const [t, v] of rules.phrases) add(t, v, "value");
  for (const t of rules.contrast) add(t, 0, "contrast");
  for (const t of rules.concession) add(t, 0, "concession");

  let stemmer: Stemmer | null = null;
  let stems: Map<string, number> | null = null;
  const stemIndex = () => {
    if (stems !== null) return stems;
    stemmer = loadStemmer(lang === "fr" ? "fr" : "en");
    stems = new Map();
    // Curated entries first so that they win a shared stem over base-list entries.
    const curated = new Set(Object.keys(rules.words).map((k) => foldToken(k.toLowerCase())));
    const ordered = [...curated, ...words.keys()];
    for (const k of ordered) {
      if (k.length < 5 || !/^[a-z]+$/.test(k)) continue;
      const s = stemmer.stem(k);
      if (!stems.has(s)) stems.set(s, words.get(k) ?? 0);
    }
    return stems;
  };

  const cache = new Map<string, number>();
  const suffixes = SUFFIXES[lang];
  const lookup = (w: string): number | undefined => {
    const exact = words.get(w);
    if (exact !== undefined) return exact;
    if (w.length > 3) {
      for (const suf of suffixes) {
        if (w.length - suf.length >= 3 && w.endsWith(suf)) {
          const stem = w.slice(0, -suf.length);
          const v = words.get(stem) ?? (lang === "en" && suf === "ed" ? words.get(`${stem}e`) : undefined);
          if (v !== undefined) return v;
        }
      }
    }
    return undefined;
  };
  const resolve = (w: string): number => {
    const hit = cache.get(w);
    if (hit !== undefined) return hit;
    // No word of either language is this long: URLs, hashes and keyboard mashing.
    if (w.length > MAX_WORD) return 0;
    if (w.startsWith("rating:")) {
      // A written rating: 3/5 is lukewarm, 1/5 as bad as "awful", 5/5 as good as "excellent".
      const r = Number(w.slice(7));
      return Math.max(-3.5, Math.min(3, (r - 0.6) * 7));
    }
    let v = lookup(w);
    // Only a run of three marks elongation: squeezing plain double letters turns
    // "smoother" into "smother" and "good" into "god".
    if (v === undefined && /([a-z])\1\1/.test(w)) {
      const one = squeezeToOne(w);
      v = lookup(one);
      if (v === undefined) {
        const two = w.replace(/([a-z])\1+/g, "$1$1");
        if (two !== w) v = lookup(two);
      }
    }
    if (v === undefined && w.length >= 6 && /^[a-z]+$/.test(w)) {
      const index = stemIndex(); // loads the stemmer
      v = index.get((stemmer as Stemmer).stem(w));
    }
    const out = v ?? 0;
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(w, out);
    return out;
  };

  const flip = new Set(rules.flipOnNegation.map(foldToken));
  const absence = new Set(rules.absence.map(foldToken));
  const reversers = new Map(Object.entries(rules.reversers).map(([k, v]) => [foldToken(k), v]));
  const boosters = new Map(Object.entries(rules.boosters).map(([k, v]) => [foldToken(k), v]));
  const fillers = new Set(rules.fillers.map(foldToken));
  const table = new PhraseTable();
  bindToVocab(() => {
    bindIds(phrases.values(), lang, H_PHRASE_SECOND);
    table.fill(phrases.values());
  });
  const infos = new Map<string, WordInfo>();
  const info = (w: string): WordInfo => {
    const hit = infos.get(w);
    if (hit !== undefined) return hit;
    let flags = 0;
    if (negators.has(w) || (lang === "en" && w.endsWith("n't"))) flags |= F_NEGATOR;
    if (fillers.has(w)) flags |= F_FILLER;
    if (flip.has(w)) flags |= F_FLIP;
    if (absence.has(w)) flags |= F_ABSENCE;
    if (reversers.has(w) || boosters.has(w) || SPECIAL_WORDS.has(w)) flags |= F_SPECIAL;
    const starting = phrases.get(w);
    const out: WordInfo = {
      value: resolve(w),
      flags,
      startsPhrase: starting !== undefined,
      oneWordPhrase: starting?.some((p) => p.toks.length === 1) === true,
    };
    if (infos.size >= CACHE_MAX) infos.clear();
    infos.set(w, out);
    return out;
  };

  return {
    lang,
    words,
    phrases,
    flip,
    absence,
    negators,
    reversers,
    boosters,
    fillers,
    negFactor: lang === "fr" ? -0.9 : -0.75,
    negScope: 3,
    phraseTable: table,
    resolve,
    info,
  };
}

// Compiled on first use, per language: importing the analyser stays cheap, and a
// deployment that only sees one language never builds the other.
let fr: Lexicon | null = null;
let en: Lexicon | null = null;
export const LEXICONS = {
  get fr(): Lexicon {
    if (fr === null) fr = compile("fr", FR_BASE, FR);
    return fr;
  },
  get en(): Lexicon {
    if (en === null) en = compile("en", EN_BASE, EN);
    return en;
  },
};
