import type { Bucket, TrendSums } from "../db/queries/trends.ts";
import { EMOTIONS } from "../domain.ts";
import { round } from "./metrics.ts";

export interface TrendPoint {
  t: string;
  count: number;
  sentiment: { mean: number | null; positive: number; neutral: number; negative: number };
  rating: { mean: number | null; count: number };
  /** Same definition as metrics.computeNps: 5★ promoter, 4★ passive, 1–3★ detractor; unrated excluded. */
  nps: number | null;
  emotions: Record<string, { count: number; share: number; meanIntensity: number }>;
}

export interface TrendTotals {
  count: number;
  sentimentMean: number | null;
  negativeShare: number | null;
  ratingMean: number | null;
  nps: number | null;
}

/** Bucket starts covering [from, to): days, ISO weeks (Monday) or months, as YYYY-MM-DD. */
export function bucketStarts(bucket: Bucket, from: string, to: string): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  if (bucket === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (bucket === "month") start.setUTCDate(1);
  const end = new Date(`${to}T00:00:00Z`);
  const out: string[] = [];
  for (const d = start; d < end; ) {
    out.push(d.toISOString().slice(0, 10));
    if (bucket === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (bucket === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

const empty = (t: string): TrendSums => ({
  businessId: "",
  t,
  count: 0,
  sentimentSum: 0,
  positive: 0,
  neutral: 0,
  negative: 0,
  ratingCount: 0,
  ratingSum: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  emotions: {},
});

function point(s: TrendSums): TrendPoint {
  const analysed = s.positive + s.neutral + s.negative;
  return {
    t: s.t,
    count: s.count,
    sentiment: {
      mean: analysed ? round(s.sentimentSum / analysed, 3) : null,
      positive: s.positive,
      neutral: s.neutral,
      negative: s.negative,
    },
    rating: { mean: s.ratingCount ? round(s.ratingSum / s.ratingCount, 2) : null, count: s.ratingCount },
    nps: s.ratingCount ? round((100 * (s.promoters - s.detractors)) / s.ratingCount) : null,
    emotions: Object.fromEntries(
      EMOTIONS.flatMap((e) => {
        const v = s.emotions[e];
        if (!v || v.n === 0) return [];
        return [[e, { count: v.n, share: round(v.n / Math.max(1, s.count), 3), meanIntensity: round(v.sum / v.n, 3) }]];
      }),
    ),
  };
}

/** A full series: every bucket of the window, zero-filled, from rollup sums of one business. */
export function buildSeries(rows: TrendSums[], bucket: Bucket, from: string, to: string): TrendPoint[] {
  const byT = new Map(rows.map((r) => [r.t, r]));
  return bucketStarts(bucket, from, to).map((t) => point(byT.get(t) ?? empty(t)));
}

export function totals(rows: TrendSums[]): TrendTotals {
  const sum = empty("");
  for (const r of rows) {
    sum.count += r.count;
    sum.sentimentSum += r.sentimentSum;
    sum.positive += r.positive;
    sum.neutral += r.neutral;
    sum.negative += r.negative;
    sum.ratingCount += r.ratingCount;
    sum.ratingSum += r.ratingSum;
    sum.promoters += r.promoters;
    sum.passives += r.passives;
    sum.detractors += r.detractors;
  }
  const p = point(sum);
  const analysed = sum.positive + sum.neutral + sum.negative;
  return {
    count: sum.count,
    sentimentMean: p.sentiment.mean,
    negativeShare: analysed ? round(sum.negative / analysed, 3) : null,
    ratingMean: p.rating.mean,
    nps: p.nps,
  };
}

const diff = (a: number | null, b: number | null, decimals: number) =>
  a === null || b === null ? null : round(a - b, decimals);

/** Period-over-period change of the totals (current − previous). */
export function delta(current: TrendTotals, previous: TrendTotals) {
  return {
    count: current.count - previous.count,
    countPct: previous.count ? round((100 * (current.count - previous.count)) / previous.count, 1) : null,
    sentimentMean: diff(current.sentimentMean, previous.sentimentMean, 3),
    negativeShare: diff(current.negativeShare, previous.negativeShare, 3),
    ratingMean: diff(current.ratingMean, previous.ratingMean, 2),
    nps: diff(current.nps, previous.nps, 0),
  };
}

/** The window of the same length just before [from, to). */
export function previousWindow(from: string, to: string): { from: string; to: string } {
  const f = Date.parse(`${from}T00:00:00Z`);
  const t = Date.parse(`${to}T00:00:00Z`);
  return { from: new Date(f - (t - f)).toISOString().slice(0, 10), to: from };
}
