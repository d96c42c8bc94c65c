/**
 * Emotions from cue hits, gated by the valence of the sentence they sit in: a
 * frustration cue ("relance", "mois") only counts in a negative sentence, a joy cue
 * only in a sentence that is not negative. A negated satisfaction cue ("pas
 * satisfait", "not happy") is disappointment. Plain positive evaluation with no cue
 * is joy; a negative text with no cue gets the language's default negative emotion.
 */
import type { Emotion } from "../domain.ts";
import type { CueHit } from "./cues.ts";
import { EMOJI as EMOJI_ } from "./lexicons/emoji.ts";
import type { ScoredSentence } from "./sentiment.ts";
import type { TokenStream } from "./tokenize.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const EMOJI = EMOJI_;

const POSITIVE = new Set<Emotion>(["joy", "trust", "gratitude"]);
const NEGATIVE = new Set<Emotion>(["anger", "fear", "sadness", "disgust", "disappointment", "frustration"]);
const MIN_WEIGHT = 0.5;
const EMOJI_KIND = 1;

// Weights of the text being analysed, by emotion, in the order first added (the
// order of the output's keys). Module-level: the analyser is synchronous.
const weight = new Map<Emotion, number>();

function add(e: Emotion, x: number): void {
  weight.set(e, (weight.get(e) ?? 0) + x);
}

export function emotionsOf(
  lang: "fr" | "en",
  sentences: ScoredSentence[],
  hits: CueHit[],
  ts: TokenStream,
  docScore: number,
  band: number,
): Partial<Record<Emotion, number>> {
  // Map.clear() allocates a fresh table even on an empty map: most texts add nothing.
  if (weight.size > 0) weight.clear();
  let positiveMass = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as ScoredSentence;
    const sum = s.sum;
    for (let k = s.hitFrom; k < s.hitTo; k++) {
      const h = hits[k] as CueHit;
      if (h.target.t !== "e") continue;
      const e = h.target.name;
      if (POSITIVE.has(e)) {
        if (h.negated) {
          if (e !== "gratitude") add("disappointment", 1);
        } else if (sum > -0.5 || (e === "gratitude" && docScore > -band)) add(e, 1);
      } else if (NEGATIVE.has(e)) {
        if (!h.negated && (sum < 0 || docScore < -band)) add(e, 1);
      } else if (!h.negated) add(e, 0.8);
    }
    if (ts.emoji > 0) {
      for (let k = s.from; k < s.to; k++) {
        if (ts.kind[k] !== EMOJI_KIND) continue;
        const em = EMOJI[ts.w[k] as string];
        if (em?.[1]) add(em[1], 1);
      }
    }
    if (s.bangs >= 3 && sum < -1) add("anger", 1);
    if (sum > 0) positiveMass += sum;
  }
  // Most texts have no cue: nothing to sum (every weight added is positive).
  const any = weight.size > 0;
  const hasPositive = any && (weight.get("joy") ?? 0) + (weight.get("trust") ?? 0) + (weight.get("gratitude") ?? 0) > 0;
  if (!hasPositive && docScore >= band && positiveMass >= 1.5) add("joy", 0.6);
  let negative = 0;
  if (any) for (const e of NEGATIVE) negative += weight.get(e) ?? 0;
  if (negative === 0 && docScore <= -band) add(lang === "fr" ? "disappointment" : "anger", 0.6);

  const out: Partial<Record<Emotion, number>> = {};
  if (weight.size === 0) return out;
  for (const [e, x] of weight) {
    if (x < MIN_WEIGHT) continue;
    out[e] = Math.round((1 - Math.exp(-0.9 * x)) * 1000) / 1000;
  }
  return out;
}
