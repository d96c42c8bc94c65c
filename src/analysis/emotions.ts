/**
 * Emotions from cue hits, gated by the valence of the sentence they sit in: a
 * frustration cue ("relance", "mois") only counts in a negative sentence, a joy cue
 * only in a sentence that is not negative. A negated satisfaction cue ("pas
 * satisfait", "not happy") is disappointment. Plain positive evaluation with no cue
 * is joy; a negative text with no cue gets the language's default negative emotion.
 */
import { EMOTIONS, type Emotion } from "../domain.ts";
import type { CueHit } from "./cues.ts";
import { EMOJI as EMOJI_ } from "./lexicons/emoji.ts";
import type { ScoredSentence } from "./sentiment.ts";
import type { TokenStream } from "./tokenize.ts";
import { VOCAB as VOCAB_ } from "./vocab.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const EMOJI = EMOJI_;
const VOCAB = VOCAB_;

const POSITIVE = new Set<Emotion>(["joy", "trust", "gratitude"]);
const NEGATIVE = new Set<Emotion>(["anger", "fear", "sadness", "disgust", "disappointment", "frustration"]);
const MIN_WEIGHT = 0.5;
const EMOJI_KIND = 1;

/** emotion -> its index in EMOTIONS */
const INDEX = new Map<Emotion, number>(EMOTIONS.map((e, k) => [e, k]));
const at = (e: Emotion) => INDEX.get(e) as number;
/** by index: 1 positive, 2 negative, 0 neither (surprise, anticipation) */
const CLASS = Uint8Array.from(EMOTIONS, (e) => (POSITIVE.has(e) ? 1 : NEGATIVE.has(e) ? 2 : 0));
const NEGATIVE_AT = [...NEGATIVE].map(at);
const JOY = at("joy");
const TRUST = at("trust");
const GRATITUDE = at("gratitude");
const ANGER = at("anger");
const DISAPPOINTMENT = at("disappointment");

// Weights of the text being analysed, by emotion index, and the emotions in the order
// first added (the order of the output's keys). Module-level: the analyser is
// synchronous. Every weight added is positive, so 0 means "not added".
const weight = new Float64Array(EMOTIONS.length);
const order = new Uint8Array(EMOTIONS.length);
let nOrder = 0;

function add(e: number, x: number): void {
  if (weight[e] === 0) order[nOrder++] = e;
  weight[e] = (weight[e] as number) + x;
}

export function emotionsOf(
  lang: "fr" | "en",
  /** the text's sentences are sentences[0, nSentences) */
  sentences: ScoredSentence[],
  nSentences: number,
  hits: CueHit[],
  ts: TokenStream,
  docScore: number,
  band: number,
): Partial<Record<Emotion, number>> {
  for (let k = 0; k < nOrder; k++) weight[order[k] as number] = 0;
  nOrder = 0;
  let positiveMass = 0;
  for (let i = 0; i < nSentences; i++) {
    const s = sentences[i] as ScoredSentence;
    const sum = s.sum;
    for (let k = s.hitFrom; k < s.hitTo; k++) {
      const h = hits[k] as CueHit;
      if (h.target.t !== "e") continue;
      const e = h.target.k;
      const cls = CLASS[e];
      if (cls === 1) {
        if (h.negated) {
          if (e !== GRATITUDE) add(DISAPPOINTMENT, 1);
        } else if (sum > -0.5 || (e === GRATITUDE && docScore > -band)) add(e, 1);
      } else if (cls === 2) {
        if (!h.negated && (sum < 0 || docScore < -band)) add(e, 1);
      } else if (!h.negated) add(e, 0.8);
    }
    if (ts.emoji > 0) {
      for (let k = s.from; k < s.to; k++) {
        if (ts.kind[k] !== EMOJI_KIND) continue;
        const em = EMOJI[VOCAB.words[ts.id[k] as number] as string];
        if (em?.[1]) add(at(em[1]), 1);
      }
    }
    if (s.bangs >= 3 && sum < -1) add(ANGER, 1);
    if (sum > 0) positiveMass += sum;
  }
  const hasPositive = (weight[JOY] as number) + (weight[TRUST] as number) + (weight[GRATITUDE] as number) > 0;
  if (!hasPositive && docScore >= band && positiveMass >= 1.5) add(JOY, 0.6);
  let negative = 0;
  for (let k = 0; k < NEGATIVE_AT.length; k++) negative += weight[NEGATIVE_AT[k] as number] as number;
  if (negative === 0 && docScore <= -band) add(lang === "fr" ? DISAPPOINTMENT : ANGER, 0.6);

  const out: Partial<Record<Emotion, number>> = {};
  for (let k = 0; k < nOrder; k++) {
    const e = order[k] as number;
    const x = weight[e] as number;
    if (x < MIN_WEIGHT) continue;
    out[EMOTIONS[e] as Emotion] = Math.round((1 - Math.exp(-0.9 * x)) * 1000) / 1000;
  }
  return out;
}
