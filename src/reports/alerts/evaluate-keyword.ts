/** keyword: new mentions (by collection date) containing any of the rule's keywords. */
import type { MentionRecord } from "../../domain.ts";
import { effectiveDate, inRange, isNegativeMention } from "../highlights/mention-signals.ts";
import type { BaselineView } from "./baseline.ts";
import type { RuleOutcome } from "./evaluate-spike.ts";
import { sampleIds, topAspects, topSources, topTerms } from "./explain.ts";
import { lastWindow, num } from "./messages.ts";
import type { KeywordRule } from "./rules.ts";
import { compileKeyword, fold } from "./text.ts";
import { floorTo, type RuleWindows } from "./windows.ts";

export function evaluateKeyword(
  rule: KeywordRule,
  current: readonly MentionRecord[],
  base: BaselineView,
  w: RuleWindows,
  lastFiredAt: Date | null,
): RuleOutcome | null {
  // Mentions collected before the step of the last firing were already reported.
  const lower = lastFiredAt
    ? new Date(Math.max(w.windowStart.getTime(), floorTo(lastFiredAt, rule.stepMinutes).getTime()))
    : w.windowStart;
  const matchers = rule.keywords.map(compileKeyword);
  const perKeyword = new Map<string, number>(rule.keywords.map((k) => [k, 0]));
  const matchesOf = (m: MentionRecord) => {
    const text = fold(`${m.title ?? ""}\n${m.text}`);
    return matchers.filter((k) => k.test(text));
  };
  const matched: MentionRecord[] = [];
  for (const m of current) {
    if (m.businessId !== rule.businessId || !inRange(m.collectedAt, lower, w.windowEnd)) continue;
    const hits = matchesOf(m);
    if (hits.length === 0) continue;
    matched.push(m);
    for (const h of hits) perKeyword.set(h.keyword, (perKeyword.get(h.keyword) ?? 0) + 1);
  }
  if (matched.length < rule.minCount) return null;

  // Past matches per window, when raw baseline mentions are at hand: "3 today, usually 0.2".
  const expected = base.mentions
    ? base.mentions.filter((m) => inRange(effectiveDate(m), w.baselineStart, w.windowStart) && matchesOf(m).length > 0)
        .length / base.negativeCounts.length
    : null;
  const keywords = [...perKeyword.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([keyword, count]) => ({ keyword, count }));
  const list = keywords.map((k) => `« ${k.keyword} » (${k.count})`).join(", ");
  const listEn = keywords.map((k) => `"${k.keyword}" (${k.count})`).join(", ");
  const usual = (l: "fr" | "en") =>
    expected === null
      ? ""
      : l === "fr"
        ? `, contre ${num(l, expected)} en temps normal`
        : `, against ${num(l, expected)} usually`;
  return {
    severity: matched.some(isNegativeMention) ? "warning" : "info",
    explanation: {
      metric: "keyword_matches",
      observed: matched.length,
      expected: expected === null ? null : Math.round(expected * 100) / 100,
      threshold: rule.minCount,
      stats: { matchedMentions: matched.length },
      message: {
        en: `${matched.length} new mention${matched.length === 1 ? "" : "s"} in ${lastWindow("en", rule.windowMinutes)} contain ${listEn}${usual("en")}.`,
        fr: `${matched.length} nouvelle${matched.length > 1 ? "s" : ""} mention${matched.length > 1 ? "s" : ""} sur ${lastWindow("fr", rule.windowMinutes)} contien${matched.length > 1 ? "nent" : "t"} ${list}${usual("fr")}.`,
      },
      topTerms: topTerms(matched, base.terms),
      topSources: topSources(matched),
      topAspects: topAspects(matched),
      sampleMentionIds: sampleIds(matched),
      matchedKeywords: keywords,
      matchedMentionIds: matched.map((m) => m.id).sort(),
    },
  };
}
