/** Alert rules: schemas for the API, pure evaluation for the workers. */

export { computeBaselineStats } from "./baseline.ts";
export { evaluateRule, inCooldown } from "./evaluate.ts";
export {
  ALERT_WEBHOOK_VERSION,
  type AlertWebhookContext,
  type AlertWebhookPayload,
  alertWebhookBody,
  alertWebhookPayload,
} from "./payload.ts";
export {
  ALERT_RULE_TYPES,
  ALERT_SEVERITIES,
  AlertRule,
  AlertRuleConfig,
  type AlertRuleConfigInput,
  type AlertRuleInput,
  type AlertRuleType,
  type AlertSeverity,
  KeywordConfig,
  type KeywordRule,
  NegativeSpikeConfig,
  type NegativeSpikeRule,
  RatingDropConfig,
  type RatingDropRule,
  SPIKE_METHODS,
  type SpikeMethod,
} from "./rules.ts";
export { compileKeyword, fold } from "./text.ts";
export type {
  AlertDecision,
  AlertExplanation,
  AspectStat,
  BaselineStats,
  EvaluateContext,
  SourceStat,
  TermStat,
} from "./types.ts";
export { alertKeys, type RuleWindows, ruleWindows } from "./windows.ts";
