/**
 * One memoised record per distinct word: function-word bits for language detection,
 * and slots that the sentiment and cue stages fill on first use with what their
 * tables say about the word. The tokeniser attaches the record to each token, so the
 * stages after it do no hash lookups of their own on the hot path.
 */
import type { Cue } from "./cues.ts";
import type { FirstWordIndex, WordInfo } from "./lexicon.ts";

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

/** `Vocab.vote` before the language stage has asked (see lang.ts). */
export const VOTE_UNKNOWN = 9;

export interface Vocab {
  /** the word itself (folded, lower-case), shared by every token of it */
  w: string;
  fn: number;
  /** the word with runs of 3+ letters cut to two ("sooo" -> "soo"), null when it has none; filled on first need */
  sq: string | null | undefined;
  /** lexicon vote of the word (+1 only the French lexicon scores it, -1 only the English one, else 0) */
  vote: number;
  fr: WordInfo | undefined;
  en: WordInfo | undefined;
  /** cues starting with this word, per language (null: none) */
  cueFr: FirstWordIndex<Cue> | null | undefined;
  cueEn: FirstWordIndex<Cue> | null | undefined;
}

// Open-addressing table keyed by the word's UTF-16 codes: the tokeniser hashes the
// folded codes while it scans, so a word already seen costs no string allocation
// and no second pass over its characters. A slot holds only the hash and the
// record's id; records, and the codes they are checked against, are stored by id in
// order of first sight, so the frequent words (seen early) share a few cache lines
// instead of being scattered across the table. It starts small and doubles (a table
// sized for the worst case from the start costs a cache miss per lookup), and is
// bounded: an adversarial stream of unique words cannot grow it without limit (it is
// emptied at MAX and refills).
const MAX = 200_000;
/** bound on the stored codes (16 MB), for streams of very long unique words */
const POOL_MAX = 1 << 23;
const MIN_SIZE = 1 << 12;
let size = MIN_SIZE;
let mask = size - 1;
/** [hash, id + 1] per slot; 0 marks an empty slot */
let keys = new Int32Array(size * 2);
let count = 0;
let records: Vocab[] = [];
/** codes of record id are pool[offsets[id], offsets[id + 1]) */
let offsets = new Int32Array(MIN_SIZE + 1);
let pool = new Uint16Array(MIN_SIZE * 8);

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 16777619;

function rebuild(newSize: number, keep: boolean): void {
  const oldKeys = keys;
  size = newSize;
  mask = size - 1;
  keys = new Int32Array(size * 2);
  if (!keep) {
    front.fill(0);
    count = 0;
    records = [];
    offsets[0] = 0;
    return;
  }
  for (let k = 0; k < oldKeys.length; k += 2) {
    const id1 = oldKeys[k + 1] as number;
    if (id1 === 0) continue;
    const h = oldKeys[k] as number;
    let i = h & mask;
    while ((keys[2 * i + 1] as number) !== 0) i = (i + 1) & mask;
    keys[2 * i] = h;
    keys[2 * i + 1] = id1;
  }
}

// A direct-mapped cache in front of the table, by the hash's low bits: the frequent
// words ("le", "the", "de") are found there without touching the table. An entry is
// [hash, id + 1 (0 = empty), offset of the codes in the pool, length], in one cache
// line, so a hit reads neither the table nor `offsets`.
const FRONT = 8192;
const front = new Int32Array(FRONT * 4);

/** The record of the word spelt by codes[0, len), whose FNV-1a hash the caller computed. */
export function internCodes(codes: Uint16Array, len: number, hash: number): Vocab {
  const f = (hash & (FRONT - 1)) << 2;
  const fid = front[f + 1] as number;
  if (fid !== 0 && front[f] === hash && front[f + 3] === len) {
    const from = front[f + 2] as number;
    let k = 0;
    while (k < len && pool[from + k] === codes[k]) k++;
    if (k === len) return records[fid - 1] as Vocab;
  }
  let i = hash & mask;
  for (;;) {
    const id1 = keys[2 * i + 1] as number;
    if (id1 === 0) break;
    if (keys[2 * i] === hash) {
      const from = offsets[id1 - 1] as number;
      if ((offsets[id1] as number) - from === len) {
        let k = 0;
        while (k < len && pool[from + k] === codes[k]) k++;
        if (k === len) {
          front[f] = hash;
          front[f + 1] = id1;
          front[f + 2] = from;
          front[f + 3] = len;
          return records[id1 - 1] as Vocab;
        }
      }
    }
    i = (i + 1) & mask;
  }
  if (count >= MAX || (offsets[count] as number) + len > POOL_MAX) {
    rebuild(MIN_SIZE, false);
    i = hash & mask;
  } else if (count * 2 >= size) {
    rebuild(size * 2, true);
    i = hash & mask;
    while ((keys[2 * i + 1] as number) !== 0) i = (i + 1) & mask;
  }
  const w = String.fromCharCode.apply(null, codes.subarray(0, len) as unknown as number[]);
  const v: Vocab = {
    w,
    fn: (FR_WORDS.has(w) ? FN_FR : 0) | (EN_WORDS.has(w) ? FN_EN : 0),
    sq: undefined,
    vote: VOTE_UNKNOWN,
    fr: undefined,
    en: undefined,
    cueFr: undefined,
    cueEn: undefined,
  };
  const id = count;
  if (offsets.length < id + 2) {
    const o = new Int32Array(offsets.length * 2);
    o.set(offsets);
    offsets = o;
  }
  const from = offsets[id] as number;
  if (pool.length < from + len) {
    const p = new Uint16Array(Math.max(pool.length * 2, from + len));
    p.set(pool);
    pool = p;
  }
  pool.set(codes.subarray(0, len), from);
  offsets[id + 1] = from + len;
  records.push(v);
  keys[2 * i] = hash;
  keys[2 * i + 1] = id + 1;
  count++;
  return v;
}

let scratch = new Uint16Array(64);

export function vocabOf(w: string): Vocab {
  if (scratch.length < w.length) scratch = new Uint16Array(w.length * 2);
  let h = HASH_SEED;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    scratch[k] = c;
    h = Math.imul(h ^ c, HASH_PRIME);
  }
  return internCodes(scratch, w.length, h);
}
