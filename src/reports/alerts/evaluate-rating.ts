/** rating_drop: mean rating (1–5) of the window against the baseline's. */
import type { MentionRecord } from "../../domain.ts";
import { effectiveDate, inRange, isNegativeMention, ratingOn5 } from "../highlights/mention-signals.ts";
import type { BaselineView } from "./baseline.ts";
import type { RuleOutcome } from "./evaluate-spike.ts";
import { sampleIds, topAspects, topSources, topTerms } from "./explain.ts";
import { lastWindow, num } from "./messages.ts";
import type { RatingDropRule } from "./rules.ts";
import type { RuleWindows } from "./windows.ts";

export function evaluateRatingDrop(
  rule: RatingDropRule,
  current: readonly MentionRecord[],
  base: BaselineView,
  w: RuleWindows,
): RuleOutcome | null {
  const inWindow = current.filter(
    (m) => m.businessId === rule.businessId && inRange(effectiveDate(m), w.windowStart, w.windowEnd),
  );
  const ratings = inWindow.map(ratingOn5).filter((r): r is number => r !== null);
  if (ratings.length < rule.minCount || base.ratedCount < rule.minCount || base.meanRating === null) return null;
  const currentMean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
  const drop = base.meanRating - currentMean;
  if (drop < rule.minDrop) return null;

  // The mentions that pulled the mean down: 3/5 or less, or negative in words.
  const focus = inWindow.filter((m) => {
    const r = ratingOn5(m);
    return (r !== null && r <= 3) || isNegativeMention(m);
  });
  return {
    severity: drop >= 2 * rule.minDrop ? "critical" : "warning",
    explanation: {
      metric: "mean_rating",
      observed: Math.round(currentMean * 100) / 100,
      expected: Math.round(base.meanRating * 100) / 100,
      threshold: rule.minDrop,
      stats: {
        drop: Math.round(drop * 100) / 100,
        currentCount: ratings.length,
        baselineCount: base.ratedCount,
      },
      message: {
        en: `Mean rating ${num("en", currentMean, 2)}/5 over ${lastWindow("en", rule.windowMinutes)} (${ratings.length} ratings), down ${num("en", drop, 2)} from ${num("en", base.meanRating, 2)}/5 over the previous ${rule.baselineDays} days (${base.ratedCount} ratings).`,
        fr: `Note moyenne de ${num("fr", currentMean, 2)}/5 sur ${lastWindow("fr", rule.windowMinutes)} (${ratings.length} notes), en baisse de ${num("fr", drop, 2)} par rapport à ${num("fr", base.meanRating, 2)}/5 sur les ${rule.baselineDays} jours précédents (${base.ratedCount} notes).`,
      },
      topTerms: topTerms(focus, base.terms),
      topSources: topSources(focus),
      topAspects: topAspects(focus),
      sampleMentionIds: sampleIds(focus),
    },
  };
}
