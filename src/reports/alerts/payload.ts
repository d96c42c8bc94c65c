/**
 * The body of an alert webhook. Versioned and flat enough for no-code tools
 * (Zapier, n8n, Slack workflows) to map fields without a script.
 */
import type { AlertDecision } from "./types.ts";

export const ALERT_WEBHOOK_VERSION = 1;

export interface AlertWebhookContext {
  businessName?: string;
  ruleName?: string;
  /** Link to the dashboard page of the alert, if the API serves one. */
  url?: string;
}

export function alertWebhookPayload(d: AlertDecision, ctx: AlertWebhookContext = {}) {
  return {
    event: "alert.fired" as const,
    version: ALERT_WEBHOOK_VERSION,
    id: d.id,
    dedupeKey: d.dedupeKey,
    rule: { id: d.ruleId, type: d.type, ...(ctx.ruleName ? { name: ctx.ruleName } : {}) },
    business: { id: d.businessId, ...(ctx.businessName ? { name: ctx.businessName } : {}) },
    severity: d.severity,
    firedAt: d.firedAt.toISOString(),
    window: { start: d.windowStart.toISOString(), end: d.windowEnd.toISOString() },
    baselineStart: d.baselineStart.toISOString(),
    ...(ctx.url ? { url: ctx.url } : {}),
    explanation: d.explanation,
  };
}
export type AlertWebhookPayload = ReturnType<typeof alertWebhookPayload>;

/** The exact string to sign and send; sign this string, not a re-serialisation of it. */
export function alertWebhookBody(d: AlertDecision, ctx: AlertWebhookContext = {}): string {
  return JSON.stringify(alertWebhookPayload(d, ctx));
}
