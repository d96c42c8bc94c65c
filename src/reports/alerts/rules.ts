/**
 * Alert rule definitions. The zod schemas are the API's validation and the
 * stored shape; defaults live here so a rule created with only its type is
 * already sensible.
 */
import { z } from "zod";

export const ALERT_RULE_TYPES = ["negative_spike", "rating_drop", "keyword"] as const;
export type AlertRuleType = (typeof ALERT_RULE_TYPES)[number];

export const SPIKE_METHODS = ["zscore", "ratio"] as const;
export type SpikeMethod = (typeof SPIKE_METHODS)[number];

export const ALERT_SEVERITIES = ["info", "warning", "critical"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

const DAY_MINUTES = 1440;

// Fields every rule has. `stepMinutes` aligns windows so that evaluations within
// one step see the same window (and produce the same alert id).
const common = {
  name: z.string().trim().max(200).optional(),
  enabled: z.boolean().default(true),
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * DAY_MINUTES)
    .default(360),
  stepMinutes: z.number().int().min(1).max(DAY_MINUTES).default(5),
  baselineDays: z.number().int().min(1).max(180).default(14),
};

export const NegativeSpikeConfig = z.object({
  type: z.literal("negative_spike"),
  ...common,
  windowMinutes: z
    .number()
    .int()
    .min(60)
    .max(7 * DAY_MINUTES)
    .default(DAY_MINUTES),
  sensitivity: z
    .object({ method: z.enum(SPIKE_METHODS), threshold: z.number().positive().max(100) })
    .default({ method: "zscore", threshold: 3 }),
  minCount: z.number().int().min(1).max(100_000).default(5),
});

export const RatingDropConfig = z.object({
  type: z.literal("rating_drop"),
  ...common,
  windowMinutes: z
    .number()
    .int()
    .min(60)
    .max(90 * DAY_MINUTES)
    .default(7 * DAY_MINUTES),
  baselineDays: z.number().int().min(1).max(365).default(90),
  /** Points on the 1–5 scale. */
  minDrop: z.number().min(0.1).max(4).default(0.5),
  /** Rated mentions needed in the window AND in the baseline. */
  minCount: z.number().int().min(1).max(100_000).default(5),
});

export const KeywordConfig = z.object({
  type: z.literal("keyword"),
  ...common,
  // Each match is news: no cool-down unless asked; already-reported mentions are skipped anyway.
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * DAY_MINUTES)
    .default(0),
  windowMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * DAY_MINUTES)
    .default(60),
  /** Matched accent- and case-insensitively on word boundaries; a trailing `*` matches a prefix ("rembours*"). */
  keywords: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        .max(100)
        .regex(/[\p{L}\p{N}]/u, "a keyword needs at least one letter or digit"),
    )
    .min(1)
    .max(50),
  minCount: z.number().int().min(1).max(10_000).default(1),
});

/** Body of a create/replace request: the rule without its identity. */
export const AlertRuleConfig = z
  .discriminatedUnion("type", [NegativeSpikeConfig, RatingDropConfig, KeywordConfig])
  .refine((r) => r.baselineDays * DAY_MINUTES >= r.windowMinutes, {
    message: "the baseline must be at least one window long",
    path: ["baselineDays"],
  });
export type AlertRuleConfigInput = z.input<typeof AlertRuleConfig>;

const identity = { id: z.string().min(1).max(100), businessId: z.string().min(1).max(100) };

/** A stored rule, as evaluateRule takes it. */
export const AlertRule = z
  .discriminatedUnion("type", [
    NegativeSpikeConfig.extend(identity),
    RatingDropConfig.extend(identity),
    KeywordConfig.extend(identity),
  ])
  .refine((r) => r.baselineDays * DAY_MINUTES >= r.windowMinutes, {
    message: "the baseline must be at least one window long",
    path: ["baselineDays"],
  });
export type AlertRule = z.output<typeof AlertRule>;
export type AlertRuleInput = z.input<typeof AlertRule>;
export type NegativeSpikeRule = Extract<AlertRule, { type: "negative_spike" }>;
export type RatingDropRule = Extract<AlertRule, { type: "rating_drop" }>;
export type KeywordRule = Extract<AlertRule, { type: "keyword" }>;
