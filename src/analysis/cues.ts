/**
 * Matches emotion, aspect and touchpoint cues over the token stream in one pass.
 * Cues are compiled once into a first-token index, like sentiment phrases.
 */
import { ASPECTS, type Aspect, EMOTIONS, type Emotion, type Touchpoint } from "../domain.ts";
import { bindIds, type FirstWordIndex, IdPairs, indexBySecond as indexBySecond_ } from "./lexicon.ts";
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
  H_CUES as H_CUES_,
  hotBits,
  VOCAB as VOCAB_,
  type Vocab,
} from "./vocab.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const CUES_EN = CUES_EN_;
const CUES_FR = CUES_FR_;
const Kind = Kind_;
const tokenize = tokenize_;
const indexBySecond = indexBySecond_;
const H_CUE_KNOWN = H_CUE_KNOWN_;
const H_CUES = H_CUES_;
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

export interface CueIndex {
  lang: "fr" | "en";
  byFirst: Map<string, FirstWordIndex<Cue>>;
  negators: Set<string>;
  /** first two word ids of every cue of two words or more */
  pairs: IdPairs;
}

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
  const byFirst = new Map<string, FirstWordIndex<Cue>>();
  for (const [first, list] of lists) byFirst.set(first, indexBySecond(list));
  const pairs = new IdPairs();
  bindToVocab(() => bindIds(byFirst.values(), lang, H_CUE_SECOND__, pairs));
  return { lang, byFirst, negators: new Set(negators), pairs };
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
      if (((hot[id] as number) & H_CUE_KNOWN) === 0) cuesOf(idx, id, hot);
      if (((hot[id] as number) & H_CUE_NEG) !== 0) return true;
    }
  }
  return false;
}

/** The cues starting with a word, cached on its record, and its H_CUE bits set. */
function cuesOf(idx: CueIndex, id: number, hot: Int32Array): FirstWordIndex<Cue> | null {
  const v = VOCAB.records[id] as Vocab;
  let c = idx.lang === "fr" ? v.cueFr : v.cueEn;
  if (c === undefined) {
    c = idx.byFirst.get(v.w) ?? null;
    if (idx.lang === "fr") v.cueFr = c;
    else v.cueEn = c;
    const neg = idx.negators.has(v.w) || v.w.endsWith("n't");
    const one = c?.oneWord ? H_CUE_ONE : 0;
    hot[id] = (hot[id] as number) | H_CUE_KNOWN | (c === null ? 0 : H_CUES) | (neg ? H_CUE_NEG : 0) | one;
  }
  return c;
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
  for (let i = from; i < to; i++) {
    const kind = kinds[i];
    if (kind !== kWord && kind !== kEmoji) continue;
    const id = ids[i] as number;
    // Most words start no cue, or only cues of two words or more that the next token
    // does not continue: known from the ids' bits and pairs, without opening the record.
    const bits = hot[id] as number;
    if ((bits & hKnown) !== 0) {
      if ((bits & hCues) === 0) continue;
      if ((bits & hOne) === 0) {
        const next = i + 1 < to ? (ids[i + 1] as number) : -1;
        if (next < 0 || ((hot[next] as number) & hSecond) === 0 || !pairs.has(id, next)) continue;
      }
    }
    // First sight in this language: fills the bits (negatedAt reads them for the words before a cue).
    const ix = cuesOf(idx, id, hot);
    if (ix === null) continue;
    const second = i + 1 < to ? (ids[i + 1] as number) : -1;
    const list = ix.indexed && second >= 0 && pairs.has(id, second) ? (ix.nextId.get(second) ?? ix.single) : ix.single;
    let blockedUntil = -1;
    for (let c = 0; c < list.length; c++) {
      const cue = list[c] as Cue;
      const toks = cue.ids;
      if (i + toks.length > to) continue;
      let ok = true;
      for (let k = 1; k < toks.length; k++) {
        if (ids[i + k] !== toks[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (cue.blocked) {
        blockedUntil = i + toks.length - 1;
        break;
      }
      const negated = negatedAt(idx, ts, hot, i, from);
      for (const target of cue.targets) out.add(i, toks.length, cue.text, target, negated);
    }
    if (blockedUntil > i) i = blockedUntil;
  }
}
