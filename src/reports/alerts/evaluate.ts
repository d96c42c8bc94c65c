/**
 * evaluateRule: pure. Same rule, same mentions, same `now` (to the step) and
 * same lastFiredAt give the same decision and the same alert id.
 */
import { baselineView } from "./baseline.ts";
import { evaluateKeyword } from "./evaluate-keyword.ts";
import { evaluateRatingDrop } from "./evaluate-rating.ts";
import { evaluateSpike, type RuleOutcome } from "./evaluate-spike.ts";
import type { AlertRule } from "./rules.ts";
import type { AlertDecision, EvaluateContext } from "./types.ts";
import { alertKeys, ruleWindows } from "./windows.ts";

/** True while the rule is cooling down after its last firing. */
export function inCooldown(rule: Pick<AlertRule, "cooldownMinutes">, now: Date, lastFiredAt?: Date | null): boolean {
  if (!lastFiredAt) return false;
  return now.getTime() - lastFiredAt.getTime() < rule.cooldownMinutes * 60_000;
}

export function evaluateRule(rule: AlertRule, ctx: EvaluateContext): AlertDecision | null {
  if (!rule.enabled || inCooldown(rule, ctx.now, ctx.lastFiredAt)) return null;
  const w = ruleWindows(rule, ctx.now);
  const base = baselineView(rule, ctx.now, ctx.baseline);
  let outcome: RuleOutcome | null;
  switch (rule.type) {
    case "negative_spike":
      outcome = evaluateSpike(rule, ctx.current, base, w);
      break;
    case "rating_drop":
      outcome = evaluateRatingDrop(rule, ctx.current, base, w);
      break;
    case "keyword":
      outcome = evaluateKeyword(rule, ctx.current, base, w, ctx.lastFiredAt ?? null);
      break;
  }
  if (!outcome) return null;
  return {
    ...alertKeys(rule.id, w.windowStart),
    ruleId: rule.id,
    businessId: rule.businessId,
    type: rule.type,
    severity: outcome.severity,
    firedAt: ctx.now,
    windowStart: w.windowStart,
    windowEnd: w.windowEnd,
    baselineStart: w.baselineStart,
    explanation: outcome.explanation,
  };
}
