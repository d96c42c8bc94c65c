/**
 * Matches emotion, aspect and touchpoint cues over the token stream in one pass.
 * Cues are compiled once into flat tables by first word (see CueIndex), like sentiment phrases.
 */
import { ASPECTS, type Aspect, EMOTIONS, type Emotion, type Touchpoint } from "../domain.ts";
import { bindIds, EntryTable, IdPairs } from "./lexicon.ts";
import type { CueSet } from "./lexicons/cue-types.ts";
import { CUES_EN as CUES_EN_ } from "./lexicons/cues-en.ts";
import { CUES_FR as CUES_FR_ } from "./lexicons/cues-fr.ts";
import { Kind as Kind_, type TokenStream, tokenize as tokenize_ } from "./tokenize.ts";
import {
  bindToVocab,
  H_CUE_KNOWN as H_CUE_KNOWN_,
  H_CUE_NEG as H_CUE_NEG_,
  H_CUE_ONE as H_CUE_ONE_,
  H_CUE_SECOND as H_CUE_SECOND__,
  H_CUE_SLOT_SHIFT as H_CUE_SLOT_SHIFT_,
  H_CUES as H_CUES_,
  hotBits,
  VOCAB as VOCAB_,
} from "./vocab.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const CUES_EN = CUES_EN_;
const CUES_FR = CUES_FR_;
const Kind = Kind_;
const tokenize = tokenize_;
const H_CUE_KNOWN = H_CUE_KNOWN_;
const H_CUES = H_CUES_;
const H_CUE_SLOT_SHIFT = H_CUE_SLOT_SHIFT_;
const H_CUE_NEG = H_CUE_NEG_;
const H_CUE_ONE = H_CUE_ONE_;
const H_CUE_SECOND_ = H_CUE_SECOND__;
const VOCAB = VOCAB_;
const WORD = Kind.Word;
const EMOJI = Kind.Emoji;
const CLAUSE = Kind.Clause;

/** k: the emotion's index in EMOTIONS, the aspect's in ASPECTS */
type Target =
  | { t: "e"; name: Emotion; k: number }
  | { t: "a"; name: Aspect; k: number }
  | { t: "p"; name: Touchpoint }
  | { t: "x" };

export interface Cue {
  toks: string[];
  /** word ids of toks (see vocab.ts: bindToVocab) */
  ids: Int32Array;
  text: string;
  targets: Target[];
  /** a blocking phrase ("merci de"): shorter cues inside it do not count */
  blocked: boolean;
}

export interface CueHit {
  tok: number;
  len: number;
  text: string;
  target: Target;
  negated: boolean;
}

/** The cue hits of one text; the hit records are reused from text to text (they are internal). */
export class CueHits {
  n = 0;
  list: CueHit[] = [];
  add(tok: number, len: number, text: string, target: Target, negated: boolean): void {
    const h = this.list[this.n];
    if (h === undefined) this.list.push({ tok, len, text, target, negated });
    else {
      h.tok = tok;
      h.len = len;
      h.text = text;
      h.target = target;
      h.negated = negated;
    }
    this.n++;
  }
}

/**
 * The cues of one language, as flat tables: the cues starting with one word are the
 * entries of one "slot" (its number is kept in the word's hot bits, from bit
 * H_CUE_SLOT_SHIFT up), longest first, so that its one-word cues are the last entries
 * of its slot. Matching reads these few small arrays, which stay in the processor's
 * caches from text to text, rather than the word's record, its index and the cue objects
 * (a chain of dependent reads, most of them cache misses for a word seen rarely).
 */
export interface CueIndex {
  lang: "fr" | "en";
  negators: Set<string>;
  /** first two word ids of every cue of two words or more */
  pairs: IdPairs;
  /** slot (≥ 1) of the cues starting with a word */
  slotOf: Map<string, number>;
  /** per slot: its first entry, its first one-word entry, the end of its entries */
  slotFrom: Int32Array;
  slotOne: Int32Array;
  slotTo: Int32Array;
  /** the cues, slot after slot */
  table: EntryTable<Cue>;
}

/** Slots a word's hot bits can hold (their sign bit stays clear). */
const MAX_SLOTS = 1 << (31 - H_CUE_SLOT_SHIFT);

function compile(lang: "fr" | "en", set: CueSet, negators: string[]): CueIndex {
  const byKey = new Map<string, Cue>();
  const add = (text: string, target: Target) => {
    const toks = tokenize(text, 200)
      .tokens.filter((t) => t.kind === Kind.Word || t.kind === Kind.Emoji)
      .map((t) => t.w);
    if (toks.length === 0) return;
    const key = toks.join(" ");
    const cue = byKey.get(key) ?? { toks, ids: new Int32Array(0), text, targets: [], blocked: false };
    cue.targets.push(target);
    if (target.t === "x") cue.blocked = true;
    byKey.set(key, cue);
  };
  for (const [name, list] of Object.entries(set.emotions))
    for (const c of list) add(c, { t: "e", name: name as Emotion, k: EMOTIONS.indexOf(name as Emotion) });
  for (const [name, list] of Object.entries(set.aspects))
    for (const c of list) add(c, { t: "a", name: name as Aspect, k: ASPECTS.indexOf(name as Aspect) });
  for (const [name, list] of Object.entries(set.touchpoints))
    for (const c of list) add(c, { t: "p", name: name as Touchpoint });
  for (const c of set.blocked) add(c, { t: "x" });
  const lists = new Map<string, Cue[]>();
  for (const cue of byKey.values()) {
    const first = cue.toks[0] as string;
    const list = lists.get(first) ?? [];
    list.push(cue);
    list.sort((a, b) => b.toks.length - a.toks.length);
    lists.set(first, list);
  }
  // The flat tables: slot 0 stays empty (0 in the hot bits means "no slot").
  const slots = lists.size + 1;
  if (slots > MAX_SLOTS) throw new Error(`too many cue words (${slots}) for the hot bits`);
  const slotOf = new Map<string, number>();
  const slotFrom = new Int32Array(slots);
  const slotOne = new Int32Array(slots);
  const slotTo = new Int32Array(slots);
  const entries: Cue[] = [];
  for (const [first, list] of lists) {
    const slot = slotOf.size + 1;
    slotOf.set(first, slot);
    slotFrom[slot] = entries.length;
    slotOne[slot] = entries.length + list.filter((c) => c.toks.length > 1).length;
    for (const cue of list) entries.push(cue);
    slotTo[slot] = entries.length;
  }
  const index: CueIndex = {
    lang,
    negators: new Set(negators),
    pairs: new IdPairs(),
    slotOf,
    slotFrom,
    slotOne,
    slotTo,
    table: new EntryTable(entries),
  };
  bindToVocab(() => {
    bindIds(lists.values(), lang, H_CUE_SECOND__, index.pairs);
    index.table.bind();
  });
  return index;
}

// Compiled on first use, like the lexicons.
let cueFr: CueIndex | null = null;
let cueEn: CueIndex | null = null;
export const CUE_INDEX = {
  get fr(): CueIndex {
    if (cueFr === null)
      cueFr = compile("fr", CUES_FR, [
        "ne",
        "n",
        "pas",
        "jamais",
        "aucun",
        "aucune",
        "sans",
        "ni",
        "non",
        "peu",
        "rien",
      ]);
    return cueFr;
  },
  get en(): CueIndex {
    if (cueEn === null)
      cueEn = compile("en", CUES_EN, [
        "not",
        "no",
        "never",
        "without",
        "nor",
        "neither",
        "dont",
        "cant",
        "didnt",
        "isnt",
        "wasnt",
      ]);
    return cueEn;
  },
};

/** A negator among the three tokens before token i (back to a clause mark), from the words' H_CUE_NEG bits. */
function negatedAt(idx: CueIndex, ts: TokenStream, hot: Int32Array, i: number, from: number): boolean {
  for (let k = i - 1; k >= from && k >= i - 3; k--) {
    const kind = ts.kind[k];
    if (kind === CLAUSE) return false;
    if (kind === WORD) {
      const id = ts.id[k] as number;
      // Words inside a blocking phrase were skipped by the scan: their bits may be unset.
      if ((cueBits(idx, id, hot) & H_CUE_NEG) !== 0) return true;
    }
  }
  return false;
}

/** The word's H_CUE bits and cue slot, set on first sight in this language. */
function cueBits(idx: CueIndex, id: number, hot: Int32Array): number {
  let bits = hot[id] as number;
  if ((bits & H_CUE_KNOWN) === 0) {
    const w = VOCAB.words[id] as string;
    const slot = idx.slotOf.get(w) ?? 0;
    const neg = idx.negators.has(w) || w.endsWith("n't");
    const one = slot !== 0 && (idx.slotOne[slot] as number) < (idx.slotTo[slot] as number) ? H_CUE_ONE : 0;
    bits |= H_CUE_KNOWN | (slot === 0 ? 0 : H_CUES | (slot << H_CUE_SLOT_SHIFT)) | (neg ? H_CUE_NEG : 0) | one;
    hot[id] = bits;
  }
  return bits;
}

/** All cue hits in tokens [from, to), appended to `out`. */
export function matchCues(idx: CueIndex, ts: TokenStream, from: number, to: number, out: CueHits): void {
  const kinds = ts.kind;
  const ids = ts.id;
  const hot = hotBits(idx.lang);
  // The constants of the per-token test as int32 locals (see tokenize.ts: scan).
  const kWord = WORD | 0;
  const kEmoji = EMOJI | 0;
  const hKnown = H_CUE_KNOWN | 0;
  const hCues = H_CUES | 0;
  const hOne = H_CUE_ONE | 0;
  const hSecond = H_CUE_SECOND_ | 0;
  const pairs = idx.pairs;
  const slotFrom = idx.slotFrom;
  const slotOne = idx.slotOne;
  const slotTo = idx.slotTo;
  const table = idx.table;
  const entryLen = table.len;
  const slotShift = H_CUE_SLOT_SHIFT | 0;
  for (let i = from; i < to; i++) {
    const kind = kinds[i];
    if (kind !== kWord && kind !== kEmoji) continue;
    const id = ids[i] as number;
    let bits = hot[id] as number;
    // First sight in this language: fills the bits (negatedAt reads them for the words before a cue).
    if ((bits & hKnown) === 0) bits = cueBits(idx, id, hot);
    // Most words start no cue, or only cues of two words or more that the next token
    // does not continue: known from the ids' bits and pairs, without reading a cue.
    if ((bits & hCues) === 0) continue;
    const next = i + 1 < to ? (ids[i + 1] as number) : -1;
    const paired = next >= 0 && ((hot[next] as number) & hSecond) !== 0 && pairs.has(id, next);
    if (!paired && (bits & hOne) === 0) continue;
    const slot = bits >> slotShift;
    const end = slotTo[slot] as number;
    let blockedUntil = -1;
    // Without a pair, only the one-word cues (the last of the slot) can match.
    for (let e = paired ? (slotFrom[slot] as number) : (slotOne[slot] as number); e < end; e++) {
      if (!table.matches(e, ids, i, to)) continue;
      const len = entryLen[e] as number;
      const cue = table.entries[e] as Cue;
      if (cue.blocked) {
        blockedUntil = i + len - 1;
        break;
      }
      const negated = negatedAt(idx, ts, hot, i, from);
      for (const target of cue.targets) out.add(i, len, cue.text, target, negated);
    }
    if (blockedUntil > i) i = blockedUntil;
  }
}
