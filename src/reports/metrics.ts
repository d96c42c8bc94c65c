/**
 * One definition of each metric the reports show. Diagnostic and trends both
 * import from here so a number means the same thing on every page.
 * Every function is pure: data in, numbers out; anything about time takes `now`.
 * The user-facing explanation of each definition is in docs/SCORING.md.
 */
import type { RatingValue } from "../collect/types.ts";
import type { Aspect, Emotion, MentionRecord, SentimentLabel, Touchpoint } from "../domain.ts";
import { ASPECTS, EMOTIONS, TOUCHPOINTS } from "../domain.ts";

const DAY_MS = 86_400_000;

export type Stars = 1 | 2 | 3 | 4 | 5;
export const STAR_VALUES: readonly Stars[] = [1, 2, 3, 4, 5];

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
}

/** Any rating scale mapped linearly onto 1..5 (worst -> 1, best -> 5). Null when the scale is unusable. */
export function normaliseRating(rating: RatingValue | null | undefined): number | null {
  if (!rating) return null;
  const { value, best, worst } = rating;
  if (![value, best, worst].every(Number.isFinite) || best <= worst) return null;
  const clamped = Math.min(best, Math.max(worst, value));
  return 1 + (4 * (clamped - worst)) / (best - worst);
}

/** The star a normalised rating counts as (4.56 on a /10 scale converted -> 5 stars). */
export function starBucket(stars5: number): Stars {
  const r = Math.round(stars5 + 1e-9);
  return Math.min(5, Math.max(1, r)) as Stars;
}

export type NpsBucket = "promoter" | "passive" | "detractor";

/** 5 stars = promoter, 4 = passive, 1–3 = detractor (after scaling to 5). */
export function npsBucket(stars5: number): NpsBucket {
  const s = starBucket(stars5);
  return s === 5 ? "promoter" : s === 4 ? "passive" : "detractor";
}

export interface NpsResult {
  /** %promoters − %detractors, in [-100, 100], rounded; null without rated mentions. */
  value: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  rated: number;
  /** Mentions without a usable star rating: excluded from the NPS, counted here. */
  unrated: number;
}

export function computeNps(ratings: ReadonlyArray<RatingValue | null | undefined>): NpsResult {
  const out: NpsResult = { value: null, promoters: 0, passives: 0, detractors: 0, rated: 0, unrated: 0 };
  for (const r of ratings) {
    const s = normaliseRating(r);
    if (s === null) {
      out.unrated++;
      continue;
    }
    out.rated++;
    out[`${npsBucket(s)}s` as "promoters" | "passives" | "detractors"]++;
  }
  if (out.rated > 0) out.value = round((100 * (out.promoters - out.detractors)) / out.rated);
  return out;
}

/** Rating-side constants of the reputation score (documented in docs/SCORING.md). */
export const RATING_PRIOR_MEAN = 3.5;
export const RATING_PRIOR_WEIGHT = 5;
export const RATING_HALF_LIFE_DAYS = 365;
export const SENTIMENT_PRIOR_WEIGHT = 5;
export const SENTIMENT_HALF_LIFE_DAYS = 365;
/** An undated review weighs as much as a review one half-life old. */
export const UNDATED_WEIGHT = 0.5;

/** Exponential time decay: a review `halfLifeDays` old counts half as much as one from today. */
export function decayWeight(at: Date | null, now: Date, halfLifeDays: number): number {
  if (!at || Number.isNaN(at.getTime())) return UNDATED_WEIGHT;
  const ageDays = Math.max(0, (now.getTime() - at.getTime()) / DAY_MS);
  return 0.5 ** (ageDays / halfLifeDays);
}

export interface Observation {
  value: number;
  at: Date | null;
  /** How many identical observations this stands for (declared aggregates). Default 1. */
  count?: number;
}

export interface ShrunkMean {
  /** Posterior mean: (priorWeight·prior + Σ wᵢxᵢ) / (priorWeight + Σ wᵢ). */
  mean: number;
  /** Plain unweighted mean of the observations, null when there are none. */
  rawMean: number | null;
  /** Σ wᵢ: how many "fresh" observations the data is worth. */
  effectiveCount: number;
  count: number;
}

/** Time-decayed mean shrunk toward a prior: few or old observations stay close to the prior. */
export function shrunkDecayedMean(
  observations: readonly Observation[],
  opts: { now: Date; halfLifeDays: number; priorMean: number; priorWeight: number },
): ShrunkMean {
  let wsum = 0;
  let wxsum = 0;
  let rawSum = 0;
  let count = 0;
  for (const o of observations) {
    const n = o.count ?? 1;
    const w = decayWeight(o.at, opts.now, opts.halfLifeDays) * n;
    wsum += w;
    wxsum += w * o.value;
    rawSum += o.value * n;
    count += n;
  }
  return {
    mean: (opts.priorWeight * opts.priorMean + wxsum) / (opts.priorWeight + wsum),
    rawMean: count > 0 ? rawSum / count : null,
    effectiveCount: wsum,
    count,
  };
}

export function starsOf(m: MentionRecord): number | null {
  return normaliseRating(m.rating);
}

export interface RatingStats {
  average: number | null;
  count: number;
  distribution: Record<Stars, number>;
}

export function ratingStats(mentions: readonly MentionRecord[]): RatingStats {
  const distribution: Record<Stars, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const values: number[] = [];
  for (const m of mentions) {
    const s = starsOf(m);
    if (s === null) continue;
    values.push(s);
    distribution[starBucket(s)]++;
  }
  const avg = mean(values);
  return { average: avg === null ? null : round(avg, 2), count: values.length, distribution };
}

export interface SentimentSummary {
  analysed: number;
  counts: Record<SentimentLabel, number>;
  /** Shares in [0, 1] of analysed mentions; all 0 when nothing was analysed. */
  shares: Record<SentimentLabel, number>;
  /** Mean sentiment score in [-1, 1], null when nothing was analysed. */
  mean: number | null;
}

export function sentimentSummary(mentions: readonly MentionRecord[]): SentimentSummary {
  const counts: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  const scores: number[] = [];
  for (const m of mentions) {
    if (!m.analysis) continue;
    counts[m.analysis.sentimentLabel]++;
    scores.push(clamp(m.analysis.sentimentScore, -1, 1));
  }
  const n = scores.length;
  const share = (k: SentimentLabel) => (n === 0 ? 0 : round(counts[k] / n, 4));
  const avg = mean(scores);
  return {
    analysed: n,
    counts,
    shares: { negative: share("negative"), neutral: share("neutral"), positive: share("positive") },
    mean: avg === null ? null : round(avg, 3),
  };
}

/** An emotion counts as expressed in a mention from this intensity on. */
export const EMOTION_PRESENCE_THRESHOLD = 0.1;

export interface EmotionStat {
  emotion: Emotion;
  /** Mentions expressing it (intensity ≥ threshold). */
  count: number;
  /** count / analysed mentions. */
  share: number;
  /** Mean intensity over the mentions expressing it; null when none. */
  meanIntensity: number | null;
}

export function emotionProfile(mentions: readonly MentionRecord[]): { analysed: number; items: EmotionStat[] } {
  const analysed = mentions.filter((m) => m.analysis);
  const items = EMOTIONS.map((emotion) => {
    const intensities = analysed
      .map((m) => m.analysis!.emotions[emotion] ?? 0)
      .filter((v) => v >= EMOTION_PRESENCE_THRESHOLD);
    const avg = mean(intensities);
    return {
      emotion,
      count: intensities.length,
      share: analysed.length === 0 ? 0 : round(intensities.length / analysed.length, 4),
      meanIntensity: avg === null ? null : round(avg, 3),
    };
  });
  return { analysed: analysed.length, items };
}

/** Below this many mentions an aspect score is shown but flagged as thin. */
export const ASPECT_MIN_VOLUME = 3;

export interface AspectStat {
  aspect: Aspect;
  volume: number;
  positive: number;
  negative: number;
  mixed: number;
  /** Mean aspect score in [-1, 1]. */
  meanScore: number | null;
  /** 50 + 50 × meanScore, rounded: 0 = all negative, 100 = all positive. */
  score: number | null;
  polarity: "positive" | "negative" | "mixed" | "none";
  lowVolume: boolean;
}

export function aspectScores(mentions: readonly MentionRecord[]): AspectStat[] {
  return ASPECTS.map((aspect) => {
    const hits = mentions.flatMap((m) => (m.analysis?.aspects ?? []).filter((a) => a.aspect === aspect).slice(0, 1));
    const m = mean(hits.map((h) => clamp(h.score, -1, 1)));
    const polarity: AspectStat["polarity"] =
      m === null ? "none" : m >= 0.1 ? "positive" : m <= -0.1 ? "negative" : "mixed";
    return {
      aspect,
      volume: hits.length,
      positive: hits.filter((h) => h.polarity === "positive").length,
      negative: hits.filter((h) => h.polarity === "negative").length,
      mixed: hits.filter((h) => h.polarity === "mixed").length,
      meanScore: m === null ? null : round(m, 3),
      score: m === null ? null : round(50 + 50 * m),
      polarity,
      lowVolume: hits.length < ASPECT_MIN_VOLUME,
    };
  });
}

export interface TouchpointStat {
  touchpoint: Touchpoint;
  count: number;
  share: number;
  meanSentiment: number | null;
}

export function touchpointProfile(mentions: readonly MentionRecord[]): { analysed: number; items: TouchpointStat[] } {
  const analysed = mentions.filter((m) => m.analysis);
  const items = TOUCHPOINTS.map((touchpoint) => {
    const hits = analysed.filter((m) => m.analysis!.touchpoints.includes(touchpoint));
    const avg = mean(hits.map((m) => m.analysis!.sentimentScore));
    return {
      touchpoint,
      count: hits.length,
      share: analysed.length === 0 ? 0 : round(hits.length / analysed.length, 4),
      meanSentiment: avg === null ? null : round(avg, 3),
    };
  });
  return { analysed: analysed.length, items };
}

/** Negative = 1–2 stars; an unrated mention counts when its text is negative. */
export function isNegativeMention(m: MentionRecord): boolean {
  const s = starsOf(m);
  if (s !== null) return starBucket(s) <= 2;
  return m.analysis?.sentimentLabel === "negative";
}

export function isPositiveMention(m: MentionRecord): boolean {
  const s = starsOf(m);
  if (s !== null) return starBucket(s) >= 4;
  return m.analysis?.sentimentLabel === "positive";
}

export interface ResponseStats {
  /** 'not_visible': no owner reply seen on any source, so replies cannot be measured. */
  status: "ok" | "not_visible";
  /** Sources where at least one owner reply was seen: only their mentions are counted. */
  visibleSourceIds: string[];
  considered: number;
  replied: number;
  rate: number | null;
  negativeConsidered: number;
  negativeReplied: number;
  negativeRate: number | null;
  /** Median hours between publication and the owner's reply, where both dates are known. */
  medianFirstResponseHours: number | null;
  timed: number;
}

export function responseStats(mentions: readonly MentionRecord[]): ResponseStats {
  const visible = new Set(mentions.filter((m) => m.reply).map((m) => m.sourceId));
  const pool = mentions.filter((m) => visible.has(m.sourceId));
  const negatives = pool.filter(isNegativeMention);
  const delays = pool
    .filter((m) => m.reply?.at && m.publishedAt)
    .map((m) => (m.reply!.at!.getTime() - m.publishedAt!.getTime()) / 3_600_000)
    .filter((h) => h >= 0);
  const replied = pool.filter((m) => m.reply).length;
  const negativeReplied = negatives.filter((m) => m.reply).length;
  const med = median(delays);
  return {
    status: visible.size === 0 ? "not_visible" : "ok",
    visibleSourceIds: [...visible].sort(),
    considered: pool.length,
    replied,
    rate: pool.length === 0 ? null : round(replied / pool.length, 4),
    negativeConsidered: negatives.length,
    negativeReplied,
    negativeRate: negatives.length === 0 ? null : round(negativeReplied / negatives.length, 4),
    medianFirstResponseHours: med === null ? null : round(med, 1),
    timed: delays.length,
  };
}

export type Grade = "A" | "B" | "C" | "D" | "E";

/** Lower bound (inclusive) of each grade on the 0–100 score. */
export const GRADE_THRESHOLDS: ReadonlyArray<readonly [Grade, number]> = [
  ["A", 80],
  ["B", 65],
  ["C", 50],
  ["D", 35],
  ["E", 0],
];

export function gradeFromScore(score: number): Grade {
  for (const [grade, min] of GRADE_THRESHOLDS) if (score >= min) return grade;
  return "E";
}

/** Calendar month in UTC, "YYYY-MM": the bucket trends and diagnostics share. */
export function monthKey(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The `count` month keys ending with the month of `now`, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    out.push(monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  }
  return out;
}

/** An invalid Date (from a bad upstream parse) is treated as no date at all. */
export function validDate(d: Date | null | undefined): Date | null {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d : null;
}

export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

export function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : 0;
}
