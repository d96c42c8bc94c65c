/**
 * One memoised record per distinct word: function-word bits for language detection,
 * and slots that the sentiment and cue stages fill on first use with what their
 * tables say about the word. The tokeniser attaches the record to each token, so the
 * stages after it do no hash lookups of their own on the hot path.
 */
import type { Cue } from "./cues.ts";
import type { WordInfo } from "./lexicon.ts";

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

export interface Vocab {
  /** the word itself (folded, lower-case), shared by every token of it */
  w: string;
  fn: number;
  fr: WordInfo | undefined;
  en: WordInfo | undefined;
  /** cues starting with this word, per language (null: none) */
  cueFr: Cue[] | null | undefined;
  cueEn: Cue[] | null | undefined;
}

// Open-addressing table keyed by the word's UTF-16 codes: the tokeniser hashes the
// folded codes while it scans, so a word already seen costs no string allocation
// and no second pass over its characters. It starts small and doubles (a table sized
// for the worst case from the start costs a cache miss per lookup), and is bounded:
// an adversarial stream of unique words cannot grow it without limit (it is emptied
// at MAX and refills).
const MAX = 200_000;
const MIN_SIZE = 1 << 12;
let size = MIN_SIZE;
let mask = size - 1;
let slots: Array<Vocab | undefined> = new Array<Vocab | undefined>(size).fill(undefined);
let hashes = new Int32Array(size);
let count = 0;

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 16777619;

function rebuild(newSize: number, keep: boolean): void {
  const oldSlots = slots;
  const oldHashes = hashes;
  size = newSize;
  mask = size - 1;
  slots = new Array<Vocab | undefined>(size).fill(undefined);
  hashes = new Int32Array(size);
  count = 0;
  if (!keep) return;
  for (let k = 0; k < oldSlots.length; k++) {
    const v = oldSlots[k];
    if (v === undefined) continue;
    const h = oldHashes[k] as number;
    let i = h & mask;
    while (slots[i] !== undefined) i = (i + 1) & mask;
    slots[i] = v;
    hashes[i] = h;
    count++;
  }
}

/** The record of the word spelt by codes[0, len), whose FNV-1a hash the caller computed. */
export function internCodes(codes: Uint16Array, len: number, hash: number): Vocab {
  let i = hash & mask;
  for (;;) {
    const v = slots[i];
    if (v === undefined) break;
    if (hashes[i] === hash && v.w.length === len) {
      const w = v.w;
      let k = 0;
      while (k < len && w.charCodeAt(k) === codes[k]) k++;
      if (k === len) return v;
    }
    i = (i + 1) & mask;
  }
  if (count >= MAX) {
    rebuild(MIN_SIZE, false);
    i = hash & mask;
  } else if (count * 2 >= size) {
    rebuild(size * 2, true);
    i = hash & mask;
    while (slots[i] !== undefined) i = (i + 1) & mask;
  }
  const w = String.fromCharCode.apply(null, codes.subarray(0, len) as unknown as number[]);
  const v: Vocab = {
    w,
    fn: (FR_WORDS.has(w) ? FN_FR : 0) | (EN_WORDS.has(w) ? FN_EN : 0),
    fr: undefined,
    en: undefined,
    cueFr: undefined,
    cueEn: undefined,
  };
  slots[i] = v;
  hashes[i] = hash;
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
