/**
 * Time windows of a rule. The window end is `now` floored to the rule's step,
 * so a retried or duplicated evaluation inside one step sees exactly the same
 * window and yields the same alert id.
 */
import { createHash } from "node:crypto";
import type { AlertRule } from "./rules.ts";

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

export interface RuleWindows {
  windowStart: Date;
  windowEnd: Date;
  baselineStart: Date;
  /** Window-length slices of the baseline (at least one). */
  buckets: number;
}

export function ruleWindows(
  rule: Pick<AlertRule, "windowMinutes" | "stepMinutes" | "baselineDays">,
  now: Date,
): RuleWindows {
  const step = rule.stepMinutes * MINUTE;
  const window = rule.windowMinutes * MINUTE;
  const end = Math.floor(now.getTime() / step) * step;
  const start = end - window;
  const buckets = Math.max(1, Math.floor((rule.baselineDays * DAY) / window));
  return {
    windowStart: new Date(start),
    windowEnd: new Date(end),
    baselineStart: new Date(start - buckets * window),
    buckets,
  };
}

function compactIso(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

export function alertKeys(ruleId: string, windowStart: Date): { id: string; dedupeKey: string } {
  const dedupeKey = `${ruleId}/${compactIso(windowStart)}`;
  return { dedupeKey, id: `alt_${createHash("sha256").update(dedupeKey).digest("hex").slice(0, 24)}` };
}

export function floorTo(d: Date, stepMinutes: number): Date {
  const step = stepMinutes * MINUTE;
  return new Date(Math.floor(d.getTime() / step) * step);
}
