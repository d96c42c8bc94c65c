import type { Aspect, Emotion, Touchpoint } from "../domain.ts";

/** Why a sentence scored what it did: one matched entry and the rules applied to it. */
export interface Evidence {
  /** the matched word, phrase, emoji or rule word, as folded for lookup */
  term: string;
  /** valence in the lexicon (-4..+4) */
  base: number;
  /** contribution to the sentence after rules */
  value: number;
  /** e.g. "negated by 'pas'", "intensified by 'très' ×1.35", "after contrast 'mais' ×1.4" */
  rules: string[];
}

export interface Analysis {
  lang: string;
  sentiment: { score: number; label: "negative" | "neutral" | "positive"; confidence: number };
  emotions: Partial<Record<Emotion, number>>;
  aspects: Array<{ aspect: Aspect; polarity: "positive" | "negative" | "mixed"; score: number; evidence: string[] }>;
  touchpoints: Touchpoint[];
  sentences: Array<{ text: string; score: number; aspects: Aspect[]; evidence: Evidence[] }>;
  ratingMismatch?: boolean;
  version: string;
}

export interface AnalyzeOptions {
  lang?: "fr" | "en";
  rating?: { value: number; best: number };
}
