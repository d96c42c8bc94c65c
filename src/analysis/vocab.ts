/**
 * One id per distinct word, with function-word bits for language detection, bits
 * that the sentiment and cue stages fill on first sight with what their tables say
 * about the word, and a record (an object) for what the rarer paths need. The
 * tokeniser writes the id of each token, so the stages after it do no hash lookups
 * of their own and, for most words, read no object.
 */
import type { WordInfo } from "./lexicon.ts";
import { grown } from "./typed.ts";

export const FN_FR = 1;
export const FN_EN = 2;

const FR_WORDS = new Set(
  (
    "le la les de des du un une et est je il elle nous vous ils elles pas ne n que qui pour dans avec sur au aux " +
    "ce cette ces mon ma mes son sa ses tres tout mais ou donc car ete suis sont avoir fait j l d c qu s m " +
    "leur leurs votre vos notre nos meme aussi bien tres plus moins avait ai etait sans chez apres depuis " +
    "rien jamais toujours merci bonjour encore ca cela assurance tres vraiment"
  ).split(" "),
);
const EN_WORDS = new Set(
  (
    "the and is are was were i you he she it we they not to of in for with this that my your but " +
    "have has had be been very so just it's i'm don't at if them their our what when there from " +
    "would will can all out up get got one about no do did does like really good great time thanks " +
    "love because only than too"
  ).split(" "),
);

/** `VOCAB.fn` bit: the word is one letter (a French function word only as an elision) */
export const FN_LETTER = 4;
/** `VOCAB.fn` bit: an English function word that no other language of Latin script writes alike */
export const FN_EN_ONLY = 8;
// Unlike "no", "in", "so", "is", "was", "of", "to", "for" or "my" of the list above,
// these are not common words of Spanish, Italian, German, Dutch, the Nordic or the
// Slavic languages as well.
const EN_ONLY_WORDS = new Set(
  (
    "the and you are were this that with it's i'm don't they have been would what there from really because " +
    "just very your our their them she it not but"
  ).split(" "),
);

export interface Vocab {
  /** the word itself (folded, lower-case), shared by every token of it */
  w: string;
  /** the word with runs of 3+ letters cut to two ("sooo" -> "soo"), null when it has none; filled on first need */
  sq: string | null | undefined;
  fr: WordInfo | undefined;
  en: WordInfo | undefined;
}

/**
 * `VOCAB.hotFr` / `VOCAB.hotEn` bits, per word id and language: what the sentiment and
 * cue stages need to know to pass over a word without reading its record. 0 means
 * nothing is known yet; each stage fills its own bits on first sight of the word.
 */
export const H_KNOWN = 1;
/** the lexicon's F_* flags of the word, shifted left by one */
export const H_FLAG_SHIFT = 1;
export const H_VALUE = 1 << 6;
export const H_PHRASES = 1 << 7;
export const H_CUE_KNOWN = 1 << 8;
export const H_CUES = 1 << 9;
/** a negator for the cue stage ("pas", "never", "don't") */
export const H_CUE_NEG = 1 << 10;
/** the word starts a one-word phrase / cue */
export const H_PHRASE_ONE = 1 << 11;
export const H_CUE_ONE = 1 << 12;
/**
 * the word is the second word of some phrase / cue: set for every such word when the
 * tables are bound (see lexicon.ts: bindIds), before the word is first seen. A word
 * that starts only longer phrases, followed by a word without this bit, starts none.
 */
export const H_PHRASE_SECOND = 1 << 13;
export const H_CUE_SECOND = 1 << 14;
/** bits from this one up hold the word's cue slot, 0 for none (see cues.ts: CueIndex) */
export const H_CUE_SLOT_SHIFT = 16;

// Word ids and what hangs off them. A word is interned once and known by its id, in
// order of first sight (the frequent words, seen early, share a few cache lines). The
// token stream holds ids; the stages read the small typed arrays below by id and open
// the word's record (an object) only for the few words that have something to say.
//
// Open-addressing table keyed by the word's UTF-16 codes: the tokeniser hashes the
// folded codes while it scans, so a word already seen costs no string allocation and
// no second pass over its characters. A slot is 32 bytes (hash, id + 1, length, offset
// of the codes in the pool, first codes), so that a lookup of a short word reads one
// slot, most often one cache line, and nothing else. It starts small and doubles (a
// table sized for the worst case from the start costs a cache miss per lookup), and
// is bounded: an adversarial stream of unique words cannot grow it without limit. It
// is emptied only between texts (reserveVocab), never while ids of a text are in use.
// No cache of the frequent words sits in front of it: one of up to 16,384 entries
// (82 % of the words of the evaluation texts found there) only added a read that
// missed for the other words, and took its share of the processor's caches; the scan
// was 4-8 % faster without it.
const MAX = 200_000;
/** bound on the stored codes (16 MB), for streams of very long unique words */
const POOL_MAX = 1 << 23;
const MIN_SIZE = 1 << 12;
let size = MIN_SIZE;
let mask = size - 1;
/** SLOT ints per slot (see remember); id + 1 = 0 marks an empty slot */
const SLOT = 8;
/** codes of a word held in its slot (longer words are compared in the pool) */
const SLOT_CODES = 8;
let keys = new Int32Array(size * SLOT);
let keyCodes = new Uint16Array(keys.buffer);
let count = 0;
/** codes of word id are pool[offsets[id], offsets[id + 1]) */
let offsets = new Int32Array(MIN_SIZE + 1);
let pool = new Uint16Array(MIN_SIZE * 8);

/**
 * Per-id data, read by the stages after the tokeniser. The arrays are replaced when
 * they grow: read them from here once per text, after the text is scanned.
 */
export const VOCAB = {
  records: [] as Vocab[],
  /** the word of each id (= records[id].w), read without opening the record */
  words: [] as string[],
  /** function-word bits (FN_FR, FN_EN, FN_LETTER, FN_EN_ONLY) */
  fn: new Uint8Array(MIN_SIZE),
  hotFr: new Int32Array(MIN_SIZE),
  hotEn: new Int32Array(MIN_SIZE),
  /**
   * lexicon vote of the word plus 2, 0 until the language stage asks (see lang.ts): the
   * vote is +1 when only the French lexicon scores the word, -1 when only the English one
   */
  vote: new Int8Array(MIN_SIZE),
  /** the word's valence in each lexicon, filled with its hot bits (see sentiment.ts) */
  valueFr: new Float64Array(MIN_SIZE),
  valueEn: new Float64Array(MIN_SIZE),
};

/** The hot bits of one language's stages (read once per text: the arrays are replaced when they grow). */
export const hotBits = (lang: "fr" | "en"): Int32Array => (lang === "fr" ? VOCAB.hotFr : VOCAB.hotEn);
/** The valences in one language's lexicon, by id (see hotBits). */
export const valences = (lang: "fr" | "en"): Float64Array => (lang === "fr" ? VOCAB.valueFr : VOCAB.valueEn);

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 16777619;

function rehash(newSize: number): void {
  const oldKeys = keys;
  size = newSize;
  mask = size - 1;
  keys = new Int32Array(size * SLOT);
  keyCodes = new Uint16Array(keys.buffer);
  for (let k = 0; k < oldKeys.length; k += SLOT) {
    if ((oldKeys[k + 1] as number) === 0) continue;
    let i = (oldKeys[k] as number) & mask;
    while ((keys[i * SLOT + 1] as number) !== 0) i = (i + 1) & mask;
    keys.set(oldKeys.subarray(k, k + SLOT), i * SLOT);
  }
}

function growIds(): void {
  const cap = VOCAB.fn.length * 2;
  VOCAB.fn = grown(VOCAB.fn, cap);
  VOCAB.hotFr = grown(VOCAB.hotFr, cap);
  VOCAB.hotEn = grown(VOCAB.hotEn, cap);
  VOCAB.vote = grown(VOCAB.vote, cap);
  VOCAB.valueFr = grown(VOCAB.valueFr, cap);
  VOCAB.valueEn = grown(VOCAB.valueEn, cap);
}

/**
 * Makes room for the words of a text of `chars` characters (at most one new word per
 * two characters), emptying the vocabulary when it would pass its bound. Called
 * before a text is scanned, so that no id of the text being analysed goes stale.
 */
const resetHooks: Array<() => void> = [];
let resets = 0;

/** Words interned now, and how many times the vocabulary was emptied (tests, diagnostics). */
export function vocabStats(): { words: number; resets: number } {
  return { words: count, resets };
}

/**
 * Runs `bind` now and again each time the vocabulary is emptied: compiled tables that
 * hold word ids (phrases, cues) re-intern their words there.
 */
export function bindToVocab(bind: () => void): void {
  bind();
  resetHooks.push(bind);
}

export function reserveVocab(chars: number): void {
  if (count + (chars >> 1) + 1 <= MAX && (offsets[count] as number) + chars <= POOL_MAX) return;
  size = MIN_SIZE;
  mask = size - 1;
  keys = new Int32Array(size * SLOT);
  keyCodes = new Uint16Array(keys.buffer);
  VOCAB.fn.fill(0);
  VOCAB.hotFr.fill(0);
  VOCAB.hotEn.fill(0);
  VOCAB.vote.fill(0);
  VOCAB.records.length = 0;
  VOCAB.words.length = 0;
  count = 0;
  offsets[0] = 0;
  resets++;
  for (const bind of resetHooks) bind();
}

/** Writes slot e of the table: [hash, id + 1, len, from, codes...]. */
function remember(e: number, hash: number, id1: number, len: number, from: number, codes: Uint16Array): void {
  const ints = keys;
  const u16 = keyCodes;
  const f = e << 3;
  ints[f] = hash;
  ints[f + 1] = id1;
  ints[f + 2] = len;
  ints[f + 3] = from;
  if (len <= SLOT_CODES) {
    const c = (e << 4) + 8;
    for (let k = 0; k < len; k++) u16[c + k] = codes[k] as number;
    // An odd length leaves half an int: zero, as in the key (see holds).
    if ((len & 1) !== 0 && len < SLOT_CODES) u16[c + len] = 0;
  }
}

/**
 * Slot e of `ints` (see remember), an occupied one, holds the word spelt by
 * codes[0, len), `key` being an int view of `codes`: a short word (most) is compared
 * two codes at a time.
 */
function holds(ints: Int32Array, e: number, codes: Uint16Array, key: Int32Array, len: number, hash: number): boolean {
  const f = e << 3;
  if (ints[f] !== hash || ints[f + 2] !== len) return false;
  if (len <= SLOT_CODES) {
    const w = (len + 1) >> 1;
    return (
      ints[f + 4] === key[0] &&
      (w < 2 || (ints[f + 5] === key[1] && (w < 3 || (ints[f + 6] === key[2] && (w < 4 || ints[f + 7] === key[3])))))
    );
  }
  const pl = pool;
  const from = ints[f + 3] as number;
  let k = 0;
  while (k < len && pl[from + k] === codes[k]) k++;
  return k === len;
}

/**
 * The id of the word spelt by codes[0, len), whose FNV-1a hash the caller computed;
 * `key` is an Int32Array over the same memory as `codes` (codes[len] may be
 * overwritten: it pads an odd length with a zero).
 */
export function internCodes(codes: Uint16Array, key: Int32Array, len: number, hash: number): number {
  if ((len & 1) !== 0) codes[len] = 0;
  // Module-level bindings as locals (see tokenize.ts: scan).
  const ks = keys;
  const m = mask | 0;
  let i = hash & m;
  for (;;) {
    const id1 = ks[(i << 3) + 1] as number;
    if (id1 === 0) break;
    if (holds(ks, i, codes, key, len, hash)) return id1 - 1;
    i = (i + 1) & m;
  }
  return added(codes, len, hash, i);
}

/**
 * A new word, codes[0, len): its id, the word taking slot `i` (empty) unless the table
 * grows. Apart from the lookup so that the lookup is small enough for the compiler to
 * inline it into the tokeniser's loop: with this path inside it, it was not inlined,
 * and the scan was 3-8 % slower.
 */
function added(codes: Uint16Array, len: number, hash: number, i: number): number {
  if (count * 2 >= size) {
    rehash(size * 2);
    i = hash & mask;
    while ((keys[i * SLOT + 1] as number) !== 0) i = (i + 1) & mask;
  }
  const w = String.fromCharCode.apply(null, codes.subarray(0, len) as unknown as number[]);
  const id = count;
  if (offsets.length < id + 2) offsets = grown(offsets, offsets.length * 2);
  if (VOCAB.fn.length <= id) growIds();
  const from = offsets[id] as number;
  if (pool.length < from + len) pool = grown(pool, Math.max(pool.length * 2, from + len));
  pool.set(codes.subarray(0, len), from);
  offsets[id + 1] = from + len;
  VOCAB.records.push({
    w,
    sq: undefined,
    fr: undefined,
    en: undefined,
  });
  VOCAB.words.push(w);
  VOCAB.fn[id] =
    (FR_WORDS.has(w) ? FN_FR : 0) |
    (EN_WORDS.has(w) ? FN_EN : 0) |
    (EN_ONLY_WORDS.has(w) ? FN_EN_ONLY : 0) |
    (len === 1 ? FN_LETTER : 0);
  remember(i, hash, id + 1, len, from, codes);
  count++;
  return id;
}

let scratch = new Uint16Array(64);
let scratchKey = new Int32Array(scratch.buffer);

/** The id of a word given as a string (already folded). */
export function idOf(w: string): number {
  if (scratch.length <= w.length) {
    scratch = new Uint16Array(w.length * 2);
    scratchKey = new Int32Array(scratch.buffer);
  }
  let h = HASH_SEED;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    scratch[k] = c;
    h = Math.imul(h ^ c, HASH_PRIME);
  }
  return internCodes(scratch, scratchKey, w.length, h);
}
