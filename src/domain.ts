/**
 * Shapes shared by reports, API and workers: a stored mention with its analysis,
 * as the reports read it. Reviewer names are not part of it (pseudonym only).
 */
import type { MentionKind, RatingValue, SourceKind } from "./collect/types.ts";

export const EMOTIONS = [
  "joy",
  "trust",
  "surprise",
  "anticipation",
  "anger",
  "fear",
  "sadness",
  "disgust",
  "disappointment",
  "frustration",
  "gratitude",
] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** The seven components of customer experience (seed 003). */
export const ASPECTS = [
  "offer",
  "convenience",
  "sensations",
  "advice",
  "relationship",
  "personalisation",
  "identity",
] as const;
export type Aspect = (typeof ASPECTS)[number];

export const TOUCHPOINTS = ["digital", "physical", "remote"] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];

export const SENTIMENT_LABELS = ["negative", "neutral", "positive"] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export interface StoredAnalysis {
  version: string;
  lang: string;
  sentimentScore: number;
  sentimentLabel: SentimentLabel;
  confidence: number;
  emotions: Partial<Record<Emotion, number>>;
  aspects: Array<{ aspect: Aspect; polarity: "positive" | "negative" | "mixed"; score: number; evidence: string[] }>;
  touchpoints: Touchpoint[];
  ratingMismatch: boolean;
}

/** A mention as reports and the API read it. */
export interface MentionRecord {
  id: string;
  businessId: string;
  sourceId: string;
  sourceKind: SourceKind;
  sourceUrl: string | null;
  kind: MentionKind;
  externalId: string;
  url: string | null;
  title: string | null;
  text: string;
  lang: string | null;
  rating: RatingValue | null;
  authorPseudonym: string | null;
  publishedAt: Date | null;
  collectedAt: Date;
  reply: { text: string; at: Date | null } | null;
  analysis: StoredAnalysis | null;
}
