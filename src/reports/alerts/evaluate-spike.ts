/**
 * negative_spike: negative mentions in the window against the baseline's
 * per-window distribution.
 */
import type { MentionRecord } from "../../domain.ts";
import { effectiveDate, inRange, isNegativeMention } from "../highlights/mention-signals.ts";
import type { BaselineView } from "./baseline.ts";
import { mean, stdDev } from "./baseline.ts";
import { sampleIds, topAspects, topSources, topTerms } from "./explain.ts";
import { duration, lastWindow, num } from "./messages.ts";
import type { NegativeSpikeRule } from "./rules.ts";
import type { AlertExplanation } from "./types.ts";
import type { RuleWindows } from "./windows.ts";

export interface RuleOutcome {
  severity: "info" | "warning" | "critical";
  explanation: AlertExplanation;
}

export function evaluateSpike(
  rule: NegativeSpikeRule,
  current: readonly MentionRecord[],
  base: BaselineView,
  w: RuleWindows,
): RuleOutcome | null {
  const negatives = current.filter(
    (m) =>
      m.businessId === rule.businessId && inRange(effectiveDate(m), w.windowStart, w.windowEnd) && isNegativeMention(m),
  );
  const observed = negatives.length;
  const expected = mean(base.negativeCounts);
  const std = stdDev(base.negativeCounts);
  // Poisson floor: a flat baseline (0 every day) must not turn one extra review into an infinite z.
  const spread = Math.max(std, Math.sqrt(Math.max(expected, 1)));
  const zScore = (observed - expected) / spread;
  const ratio = observed / Math.max(expected, 1);
  const { method, threshold } = rule.sensitivity;
  const stat = method === "zscore" ? zScore : ratio;
  if (observed < rule.minCount || stat < threshold) return null;

  const win = (l: "fr" | "en") => duration(l, rule.windowMinutes);
  const test = (l: "fr" | "en") =>
    method === "zscore"
      ? `z = ${num(l, zScore)}, ${l === "fr" ? "seuil" : "threshold"} ${num(l, threshold)}`
      : `× ${num(l, ratio)}, ${l === "fr" ? "seuil" : "threshold"} × ${num(l, threshold)}`;
  return {
    severity: stat >= 2 * threshold ? "critical" : "warning",
    explanation: {
      metric: "negative_count",
      observed,
      expected: Math.round(expected * 100) / 100,
      threshold,
      stats: {
        zScore: Math.round(zScore * 100) / 100,
        ratio: Math.round(ratio * 100) / 100,
        baselineMean: Math.round(expected * 100) / 100,
        baselineStd: Math.round(std * 100) / 100,
        baselineBuckets: base.negativeCounts.length,
      },
      message: {
        en: `${observed} negative mentions in ${lastWindow("en", rule.windowMinutes)}, against ${num("en", expected)} ± ${num("en", std)} per ${win("en")} over the previous ${rule.baselineDays} days (${test("en")}).`,
        fr: `${observed} mentions négatives sur ${lastWindow("fr", rule.windowMinutes)}, contre ${num("fr", expected)} ± ${num("fr", std)} par tranche de ${win("fr")} sur les ${rule.baselineDays} jours précédents (${test("fr")}).`,
      },
      topTerms: topTerms(negatives, base.terms),
      topSources: topSources(negatives),
      topAspects: topAspects(negatives),
      sampleMentionIds: sampleIds(negatives),
    },
  };
}
