/** What evaluateRule reads and what it returns. */
import type { SourceKind } from "../../collect/types.ts";
import type { Aspect, MentionRecord } from "../../domain.ts";
import type { AlertRuleType, AlertSeverity } from "./rules.ts";

/**
 * A baseline summarised by a rollup instead of raw mentions. Buckets are
 * window-length slices of [baselineStart, windowStart), oldest first.
 */
export interface BaselineStats {
  negativeCounts: number[];
  /** Rated mentions in the baseline range and their mean on the 1–5 scale. */
  ratedCount: number;
  meanRating: number | null;
  /** Optional term contrast: in how many baseline negative mentions each folded term appears. */
  negativeTermDocs?: Record<string, number>;
  negativeDocs?: number;
}

export interface EvaluateContext {
  now: Date;
  /**
   * Mentions of the business that may fall in the current window (a superset
   * is fine: each rule filters by its own window — published date for spikes
   * and rating drops, collection date for keywords).
   */
  current: MentionRecord[];
  /** Mentions of the baseline range, or their summary. */
  baseline: MentionRecord[] | BaselineStats;
  /** When this rule last fired (null/undefined: never). */
  lastFiredAt?: Date | null;
}

export interface TermStat {
  term: string;
  /** Focus mentions containing the term. */
  count: number;
  /** Baseline mentions containing it (null when the baseline has no term data). */
  baselineCount: number | null;
  /** How much more frequent it is now than in the baseline (smoothed). */
  lift: number;
}

export interface SourceStat {
  sourceId: string;
  sourceKind: SourceKind;
  sourceUrl: string | null;
  count: number;
}

export interface AspectStat {
  aspect: Aspect;
  count: number;
  meanScore: number;
}

export interface AlertExplanation {
  metric: "negative_count" | "mean_rating" | "keyword_matches";
  observed: number;
  /** What the baseline predicts for one window (null when there is no baseline to speak of). */
  expected: number | null;
  threshold: number;
  /** Numbers behind the decision, e.g. zScore, ratio, baselineStd, drop, currentCount, baselineCount. */
  stats: Record<string, number | null>;
  message: { en: string; fr: string };
  topTerms: TermStat[];
  topSources: SourceStat[];
  topAspects: AspectStat[];
  /** Up to 5 mentions that illustrate the alert, most negative first. */
  sampleMentionIds: string[];
  matchedKeywords?: Array<{ keyword: string; count: number }>;
  /** Keyword rules: every matched mention, so the receiver can link them all. */
  matchedMentionIds?: string[];
}

export interface AlertDecision {
  /** `alt_` + 24 hex chars of sha256(dedupeKey): safe as a BullMQ job id (no colon). */
  id: string;
  /** `${ruleId}/${windowStart as yyyymmddThhmmZ}`: one alert per rule and window. */
  dedupeKey: string;
  ruleId: string;
  businessId: string;
  type: AlertRuleType;
  severity: AlertSeverity;
  firedAt: Date;
  windowStart: Date;
  windowEnd: Date;
  baselineStart: Date;
  explanation: AlertExplanation;
}
