/**
 * Text analysis: sentiment, emotions, customer-experience aspects and touchpoints of
 * a review or mention, in French or English. Pure and synchronous: lexicons are data
 * modules compiled at import, nothing is read at run time.
 *
 * Sentiment score: each sentence sums its lexicon hits after rules (negation,
 * intensity, contrast...); sentences are weighted by position (the verdict usually
 * opens or closes a review; a sentence opening with "mais"/"but" outweighs what came
 * before) and the weighted sum is divided by the weighted evidence mass + 2 (see
 * config.ts: combine), in [-1, 1]. Mixed reviews cancel out towards 0 instead of
 * averaging noise. |score| < the neutral band of the language is neutral.
 */

import { aspectsOf as aspectsOf_, touchpointsOf as touchpointsOf_ } from "./aspects.ts";
import {
  BEFORE_OPENER as BEFORE_OPENER_,
  CONTRAST_OPENER as CONTRAST_OPENER_,
  combine as combine_,
  FIRST_WEIGHT as FIRST_WEIGHT_,
  LAST_WEIGHT as LAST_WEIGHT_,
  MAX_CHARS as MAX_CHARS_,
  NARRATIVE_MIN_WORDS as NARRATIVE_MIN_WORDS_,
  NARRATIVE_PRIOR as NARRATIVE_PRIOR_,
  NEGATIVITY as NEGATIVITY_,
  neutralBand as neutralBand_,
} from "./config.ts";
import { CUE_INDEX as CUE_INDEX_, CueHits, matchCues as matchCues_ } from "./cues.ts";
import { emotionsOf as emotionsOf_ } from "./emotions.ts";
import { detectLang as detectLang_, loadDetector } from "./lang.ts";
import { LEXICONS as LEXICONS_ } from "./lexicon.ts";
import { type ScoredSentence, Scores, scoreSentences as scoreSentences_ } from "./sentiment.ts";
import { scan as scan_, TokenStream } from "./tokenize.ts";
import type { Analysis, AnalyzeOptions } from "./types.ts";
import { reserveVocab as reserveVocab_ } from "./vocab.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const aspectsOf = aspectsOf_;
const touchpointsOf = touchpointsOf_;
const BEFORE_OPENER = BEFORE_OPENER_;
const CONTRAST_OPENER = CONTRAST_OPENER_;
const combine = combine_;
const FIRST_WEIGHT = FIRST_WEIGHT_;
const LAST_WEIGHT = LAST_WEIGHT_;
const MAX_CHARS = MAX_CHARS_;
const NARRATIVE_MIN_WORDS = NARRATIVE_MIN_WORDS_;
const NARRATIVE_PRIOR = NARRATIVE_PRIOR_;
const NEGATIVITY = NEGATIVITY_;
const neutralBand = neutralBand_;
const CUE_INDEX = CUE_INDEX_;
const matchCues = matchCues_;
const emotionsOf = emotionsOf_;
const detectLang = detectLang_;
const LEXICONS = LEXICONS_;
const scoreSentences = scoreSentences_;
const scan = scan_;
const reserveVocab = reserveVocab_;

export type { Analysis, Evidence } from "./types.ts";

/** Stored with every analysis; bump on any lexicon or rule change so old mentions can be re-scored. */
export const ANALYZER_VERSION = "1.4.1+lex.2026-11-23.2";

/**
 * Loads the language detector's model now (150–300 ms, once per process) rather than on
 * the first text without a hint that needs it: a service calls it at boot so that no
 * request pays for it. Idempotent.
 */
export function warmLanguageDetector(): void {
  loadDetector();
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// Working memory reused from one text to the next (the analyser is synchronous and
// never calls out while it holds them): the token stream, the sentence hits and the
// cue hits. Only what the caller receives is allocated per text.
const stream = new TokenStream(512);
const scores = new Scores();
const hits = new CueHits();
let weights = new Float64Array(16);

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const input = typeof text === "string" ? text : "";
  reserveVocab(input.length > MAX_CHARS ? MAX_CHARS : input.length);
  const ts = scan(input, MAX_CHARS, stream);
  const words = ts.words;
  const lang = detectLang(input, ts, options.lang);
  const key = lang === "fr" ? "fr" : "en";
  const lex = key === "fr" ? LEXICONS.fr : LEXICONS.en;
  const shouting = words >= 3 && ts.capsWords > words * 0.6;
  const n = scoreSentences(lex, ts, shouting, scores);
  const sentences = scores.pool;

  if (weights.length < n) weights = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) weights[i] = 1;
  if (n > 1) {
    weights[0] = FIRST_WEIGHT;
    weights[n - 1] = LAST_WEIGHT;
  }
  for (let i = 1; i < n; i++) {
    if (!(sentences[i] as ScoredSentence).opensWithContrast) continue;
    weights[i] = (weights[i] as number) * CONTRAST_OPENER;
    for (let j = 0; j < i; j++) weights[j] = (weights[j] as number) * BEFORE_OPENER;
  }
  let raw = 0;
  let mass = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as ScoredSentence;
    const wi = weights[i] as number;
    // Negativity bias: in reviews praise is often politeness, a complaint rarely is.
    raw += wi * (s.sum - (NEGATIVITY - 1) * s.firmNeg);
    mass += s.pos + s.neg;
    weighted += wi * (s.pos + s.neg + (NEGATIVITY - 1) * s.firmNeg);
  }
  let score = round(combine(raw, weighted, words));
  // A review with no evaluative word at all is usually the story of a problem; a tiny
  // negative lean (well inside the neutral band) keeps the sign informative.
  if (score === 0 && words >= NARRATIVE_MIN_WORDS) score = NARRATIVE_PRIOR;
  const band = neutralBand(key);
  const label = score >= band ? "positive" : score <= -band ? "negative" : "neutral";
  const strength = 1 - Math.exp(-mass / 2);
  const confidence = round(
    label === "neutral" ? strength * (1 - Math.abs(score) / band / 2) : strength * (0.5 + Math.abs(score) / 2),
  );

  const cueIdx = key === "fr" ? CUE_INDEX.fr : CUE_INDEX.en;
  hits.n = 0;
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as ScoredSentence;
    s.hitFrom = hits.n;
    matchCues(cueIdx, ts, s.from, s.to, hits);
    s.hitTo = hits.n;
  }
  const aspects = aspectsOf(scores, hits.list);
  const outSentences: Analysis["sentences"] = [];
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as ScoredSentence;
    outSentences.push({
      text: input.slice(s.start, s.end),
      score: round(combine(s.sum, s.pos + s.neg)),
      aspects: aspects.bySentence[i] ?? [],
      evidence: s.evidence,
    });
  }
  const analysis: Analysis = {
    lang,
    sentiment: { score, label, confidence },
    emotions: emotionsOf(key, sentences, n, hits.list, ts, score, band),
    aspects: aspects.doc,
    touchpoints: touchpointsOf(hits.list, hits.n),
    sentences: outSentences,
    version: ANALYZER_VERSION,
  };
  if (options.rating !== undefined && options.rating.best > 0) {
    const r = options.rating.value / options.rating.best;
    const stars = r >= 0.7 ? "positive" : r <= 0.45 ? "negative" : "neutral";
    analysis.ratingMismatch =
      (stars === "positive" && label === "negative") || (stars === "negative" && label === "positive");
  }
  return analysis;
}
