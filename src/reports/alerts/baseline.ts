/**
 * One view of the baseline whether the caller passed raw mentions or a rollup,
 * so each rule reads the same numbers either way.
 */
import type { MentionRecord } from "../../domain.ts";
import { effectiveDate, inRange, isNegativeMention, ratingOn5 } from "../highlights/mention-signals.ts";
import { type TermDocs, termDocs } from "./explain.ts";
import type { AlertRule } from "./rules.ts";
import type { BaselineStats } from "./types.ts";
import { type RuleWindows, ruleWindows } from "./windows.ts";

export interface BaselineView extends BaselineStats {
  /** Term contrast for explanations; null when the rollup did not carry it. */
  terms: TermDocs | null;
  /** Raw mentions when available (keyword rules count past matches with them). */
  mentions: MentionRecord[] | null;
}

export function isBaselineStats(b: MentionRecord[] | BaselineStats): b is BaselineStats {
  return !Array.isArray(b);
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n − 1); 0 below two buckets. */
export function stdDev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export { mean };

/** Summarise raw baseline mentions the way a rollup would (exported so rollups can share it). */
export function computeBaselineStats(
  rule: Pick<AlertRule, "businessId" | "windowMinutes" | "stepMinutes" | "baselineDays">,
  now: Date,
  mentions: readonly MentionRecord[],
): BaselineStats & { windows: RuleWindows } {
  const windows = ruleWindows(rule, now);
  const span = rule.windowMinutes * 60_000;
  const counts = new Array<number>(windows.buckets).fill(0);
  const negatives: MentionRecord[] = [];
  let ratedCount = 0;
  let ratingSum = 0;
  for (const m of mentions) {
    if (m.businessId !== rule.businessId) continue;
    const d = effectiveDate(m);
    if (!inRange(d, windows.baselineStart, windows.windowStart)) continue;
    const r = ratingOn5(m);
    if (r !== null) {
      ratedCount += 1;
      ratingSum += r;
    }
    if (!isNegativeMention(m)) continue;
    negatives.push(m);
    const bucket = Math.floor((d.getTime() - windows.baselineStart.getTime()) / span);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  const terms = termDocs(negatives);
  return {
    windows,
    negativeCounts: counts,
    ratedCount,
    meanRating: ratedCount > 0 ? ratingSum / ratedCount : null,
    negativeTermDocs: Object.fromEntries(terms.df),
    negativeDocs: terms.docs,
  };
}

export function baselineView(rule: AlertRule, now: Date, baseline: MentionRecord[] | BaselineStats): BaselineView {
  if (isBaselineStats(baseline)) {
    const terms =
      baseline.negativeTermDocs && baseline.negativeDocs !== undefined
        ? { docs: baseline.negativeDocs, df: new Map(Object.entries(baseline.negativeTermDocs)) }
        : null;
    return { ...baseline, terms, mentions: null };
  }
  const stats = computeBaselineStats(rule, now, baseline);
  const { windows } = stats;
  return {
    ...stats,
    terms: { docs: stats.negativeDocs ?? 0, df: new Map(Object.entries(stats.negativeTermDocs ?? {})) },
    mentions: baseline.filter(
      (m) => m.businessId === rule.businessId && inRange(effectiveDate(m), windows.baselineStart, windows.windowStart),
    ),
  };
}
