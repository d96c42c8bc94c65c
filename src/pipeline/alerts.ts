import type { Fetcher } from "../collect/types.ts";
import type { Db } from "../db/client.ts";
import { getAlert, getAlertRule, listAlertRules, markDelivery, recordAlert } from "../db/queries/alerts.ts";
import { findBusiness } from "../db/queries/businesses.ts";
import { loadMentions } from "../db/queries/mentions.ts";
import type { Logger } from "../logger.ts";
import type { JobQueue } from "../queue/types.ts";
import { type AlertDecision, AlertRule, alertWebhookBody, evaluateRule, ruleWindows } from "../reports/alerts/index.ts";
import { webhookHeaders } from "../reports/webhook.ts";

const DAY = 86_400_000;
/** Delivery tries (exponential backoff from 5 s: the last one about 10 minutes after the first). */
export const WEBHOOK_ATTEMPTS = 8;

/**
 * Evaluate every enabled rule of a business after an ingest. A decision is stored
 * once per rule and window (unique dedupe key); a rule inside its cool-down
 * does not fire. Webhook delivery is a job of its own, retried with backoff.
 */
export async function evaluateAlerts(
  deps: { db: Db; queue?: JobQueue; log: Logger },
  params: { businessId: string; now: Date },
): Promise<AlertDecision[]> {
  const rules = await listAlertRules(deps.db, { businessId: params.businessId, enabledOnly: true });
  const fired: AlertDecision[] = [];
  // Rules of one business often share windows: each range is read once per evaluation.
  const loaded = new Map<string, ReturnType<typeof loadMentions>>();
  const mentionsIn = (from: Date, to: Date, max: number) => {
    const key = `${from.getTime()}-${to.getTime()}-${max}`;
    let p = loaded.get(key);
    if (!p) {
      p = loadMentions(deps.db, { businessId: params.businessId, from, to, max });
      loaded.set(key, p);
    }
    return p;
  };
  for (const row of rules) {
    const parsed = AlertRule.safeParse({ ...row.params, type: row.type, id: row.id, businessId: row.businessId });
    if (!parsed.success) {
      deps.log.warn({ ruleId: row.id }, "stored alert rule no longer validates; skipped");
      continue;
    }
    const rule = parsed.data;
    const w = ruleWindows(rule, params.now);
    // Keyword rules look at collection time; a mention published long ago but collected now still counts.
    const current = await mentionsIn(
      rule.type === "keyword" ? new Date(w.windowStart.getTime() - 30 * DAY) : w.windowStart,
      new Date(params.now.getTime() + 1),
      20_000,
    );
    const baseline = await mentionsIn(w.baselineStart, w.windowStart, 50_000);
    const decision = evaluateRule(rule, { now: params.now, current, baseline, lastFiredAt: row.lastFiredAt });
    if (!decision) continue;
    const stored = await recordAlert(deps.db, {
      ruleId: row.id,
      businessId: row.businessId,
      dedupeKey: decision.dedupeKey,
      type: row.type,
      firedAt: decision.firedAt,
      summary: decision.explanation.message.en,
      decision: decision as unknown as Record<string, unknown>,
      deliver: Boolean(row.webhookUrl),
    });
    if (!stored) continue;
    fired.push(decision);
    deps.log.info({ ruleId: row.id, alertId: stored.id, type: row.type }, "alert fired");
    if (row.webhookUrl && deps.queue) {
      await deps.queue.enqueue(
        "deliver-webhook",
        { alertId: stored.id },
        { jobId: decision.id, attempts: WEBHOOK_ATTEMPTS },
      );
    }
  }
  return fired;
}

function reviveDecision(raw: Record<string, unknown>): AlertDecision {
  const d = raw as unknown as AlertDecision;
  return {
    ...d,
    firedAt: new Date(d.firedAt),
    windowStart: new Date(d.windowStart),
    windowEnd: new Date(d.windowEnd),
    baselineStart: new Date(d.baselineStart),
  };
}

/** POST the signed alert to the rule's webhook through the guarded fetch layer; throws to retry. */
export async function deliverAlert(
  deps: { db: Db; fetcher: Fetcher; log: Logger; now?: () => Date; publicBaseUrl?: string },
  params: { alertId: string; attempt: number; maxAttempts: number },
): Promise<"delivered" | "skipped"> {
  const alert = await getAlert(deps.db, params.alertId);
  if (alert.deliveryStatus === "delivered") return "skipped";
  const rule = await getAlertRule(deps.db, alert.ruleId);
  if (!rule.webhookUrl || !rule.webhookSecret) return "skipped";
  const business = await findBusiness(deps.db, alert.businessId);
  const body = alertWebhookBody(reviveDecision(alert.explanation), {
    businessName: business?.name,
    ruleName: typeof rule.params.name === "string" ? rule.params.name : undefined,
    url: deps.publicBaseUrl ? `${deps.publicBaseUrl}/v1/businesses/${alert.businessId}/alerts` : undefined,
  });
  const headers = webhookHeaders(rule.webhookSecret, deps.now?.() ?? new Date(), body, alert.id);
  try {
    const res = await deps.fetcher.fetch({
      url: rule.webhookUrl,
      method: "POST",
      headers,
      body,
      ignoreRobots: true,
      maxBytes: 64 * 1024,
    });
    if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered HTTP ${res.status}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await markDelivery(deps.db, alert.id, { ok: false, error: message, final: params.attempt >= params.maxAttempts });
    throw err;
  }
  await markDelivery(deps.db, alert.id, { ok: true });
  deps.log.info({ alertId: alert.id }, "webhook delivered");
  return "delivered";
}
