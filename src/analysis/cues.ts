/**
 * Matches emotion, aspect and touchpoint cues over the token stream in one pass.
 * Cues are compiled once into a first-token index, like sentiment phrases.
 */
import type { Aspect, Emotion, Touchpoint } from "../domain.ts";
import type { CueSet } from "./lexicons/cue-types.ts";
import { CUES_EN as CUES_EN_ } from "./lexicons/cues-en.ts";
import { CUES_FR as CUES_FR_ } from "./lexicons/cues-fr.ts";
import { Kind as Kind_, type Token, tokenize as tokenize_ } from "./tokenize.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const CUES_EN = CUES_EN_;
const CUES_FR = CUES_FR_;
const Kind = Kind_;
const tokenize = tokenize_;

type Target = { t: "e"; name: Emotion } | { t: "a"; name: Aspect } | { t: "p"; name: Touchpoint } | { t: "x" };

export interface Cue {
  toks: string[];
  text: string;
  targets: Target[];
}

export interface CueHit {
  tok: number;
  len: number;
  text: string;
  target: Target;
  negated: boolean;
}

export interface CueIndex {
  lang: "fr" | "en";
  byFirst: Map<string, Cue[]>;
  negators: Set<string>;
}

function compile(lang: "fr" | "en", set: CueSet, negators: string[]): CueIndex {
  const byKey = new Map<string, Cue>();
  const add = (text: string, target: Target) => {
    const toks = tokenize(text, 200)
      .tokens.filter((t) => t.kind === Kind.Word || t.kind === Kind.Emoji)
      .map((t) => t.w);
    if (toks.length === 0) return;
    const key = toks.join(" ");
    const cue = byKey.get(key) ?? { toks, text, targets: [] };
    cue.targets.push(target);
    byKey.set(key, cue);
  };
  for (const [name, list] of Object.entries(set.emotions))
    for (const c of list) add(c, { t: "e", name: name as Emotion });
  for (const [name, list] of Object.entries(set.aspects))
    for (const c of list) add(c, { t: "a", name: name as Aspect });
  for (const [name, list] of Object.entries(set.touchpoints))
    for (const c of list) add(c, { t: "p", name: name as Touchpoint });
  for (const c of set.blocked) add(c, { t: "x" });
  const byFirst = new Map<string, Cue[]>();
  for (const cue of byKey.values()) {
    const first = cue.toks[0] as string;
    const list = byFirst.get(first) ?? [];
    list.push(cue);
    list.sort((a, b) => b.toks.length - a.toks.length);
    byFirst.set(first, list);
  }
  return { lang, byFirst, negators: new Set(negators) };
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

function negatedAt(idx: CueIndex, tokens: Token[], i: number, from: number): boolean {
  for (let k = i - 1; k >= from && k >= i - 3; k--) {
    const t = tokens[k] as Token;
    if (t.kind === Kind.Clause) return false;
    if (t.kind === Kind.Word && (idx.negators.has(t.w) || t.w.endsWith("n't"))) return true;
  }
  return false;
}

function cuesOf(idx: CueIndex, t: Token): Cue[] | null {
  const v = t.v;
  if (v === null) return idx.byFirst.get(t.w) ?? null;
  if (idx.lang === "fr") {
    if (v.cueFr === undefined) v.cueFr = idx.byFirst.get(t.w) ?? null;
    return v.cueFr;
  }
  if (v.cueEn === undefined) v.cueEn = idx.byFirst.get(t.w) ?? null;
  return v.cueEn;
}

/** All cue hits in tokens [from, to). */
export function matchCues(idx: CueIndex, tokens: Token[], from: number, to: number, out: CueHit[]): void {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== Kind.Word && t.kind !== Kind.Emoji) continue;
    const list = cuesOf(idx, t);
    if (list === null) continue;
    let blockedUntil = -1;
    for (const cue of list) {
      if (i + cue.toks.length > to) continue;
      let ok = true;
      for (let k = 1; k < cue.toks.length; k++) {
        if ((tokens[i + k] as Token).w !== cue.toks[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (cue.targets.some((x) => x.t === "x")) {
        blockedUntil = i + cue.toks.length - 1;
        break;
      }
      const negated = negatedAt(idx, tokens, i, from);
      for (const target of cue.targets) out.push({ tok: i, len: cue.toks.length, text: cue.text, target, negated });
    }
    if (blockedUntil > i) i = blockedUntil;
  }
}
