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
import { Kind as Kind_, type Token } from "./tokenize.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const EMOJI = EMOJI_;
const Kind = Kind_;

const POSITIVE = new Set<Emotion>(["joy", "trust", "gratitude"]);
const NEGATIVE = new Set<Emotion>(["anger", "fear", "sadness", "disgust", "disappointment", "frustration"]);
const MIN_WEIGHT = 0.5;

export function emotionsOf(
  lang: "fr" | "en",
  sentences: ScoredSentence[],
  hits: CueHit[][],
  tokens: Token[],
  docScore: number,
  band: number,
): Partial<Record<Emotion, number>> {
  const w = new Map<Emotion, number>();
  const add = (e: Emotion, x: number) => w.set(e, (w.get(e) ?? 0) + x);
  let positiveMass = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as ScoredSentence;
    const sum = s.sum;
    for (const h of hits[i] ?? []) {
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
    for (let k = s.from; k < s.to; k++) {
      const t = tokens[k] as Token;
      if (t.kind !== Kind.Emoji) continue;
      const em = EMOJI[t.w];
      if (em?.[1]) add(em[1], 1);
    }
    if (s.bangs >= 3 && sum < -1) add("anger", 1);
    if (sum > 0) positiveMass += sum;
  }
  const hasPositive = (w.get("joy") ?? 0) + (w.get("trust") ?? 0) + (w.get("gratitude") ?? 0) > 0;
  if (!hasPositive && docScore >= band && positiveMass >= 1.5) add("joy", 0.6);
  let negative = 0;
  for (const e of NEGATIVE) negative += w.get(e) ?? 0;
  if (negative === 0 && docScore <= -band) add(lang === "fr" ? "disappointment" : "anger", 0.6);

  const out: Partial<Record<Emotion, number>> = {};
  for (const [e, x] of w) {
    if (x < MIN_WEIGHT) continue;
    out[e] = Math.round((1 - Math.exp(-0.9 * x)) * 1000) / 1000;
  }
  return out;
}
