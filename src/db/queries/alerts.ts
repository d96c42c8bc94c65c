import { randomBytes } from "node:crypto";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import type { Db } from "../client.ts";
import { alertRules, alerts } from "../schema/index.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

export type AlertRuleRow = typeof alertRules.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;

export async function createAlertRule(
  db: Db,
  params: {
    businessId: string;
    type: AlertRuleRow["type"];
    config: Record<string, unknown>;
    enabled: boolean;
    webhookUrl?: string | null;
  },
): Promise<AlertRuleRow> {
  const [row] = await db
    .insert(alertRules)
    .values({
      businessId: params.businessId,
      type: params.type,
      params: params.config,
      enabled: params.enabled,
      webhookUrl: params.webhookUrl ?? null,
      // The signing secret is generated here and shown once in the creation response.
      webhookSecret: params.webhookUrl ? `whsec_${randomBytes(24).toString("base64url")}` : null,
    })
    .returning();
  return row!;
}

export async function listAlertRules(
  db: Db,
  params: { businessId: string; enabledOnly?: boolean },
): Promise<AlertRuleRow[]> {
  const conds = [eq(alertRules.businessId, params.businessId)];
  if (params.enabledOnly) conds.push(eq(alertRules.enabled, true));
  return db
    .select()
    .from(alertRules)
    .where(and(...conds))
    .orderBy(alertRules.createdAt);
}

export async function getAlertRule(db: Db, id: string): Promise<AlertRuleRow> {
  const [row] = await db.select().from(alertRules).where(eq(alertRules.id, id));
  if (!row) throw notFound("alert rule");
  return row;
}

export async function deleteAlertRule(db: Db, id: string): Promise<void> {
  const rows = await db.delete(alertRules).where(eq(alertRules.id, id)).returning({ id: alertRules.id });
  if (rows.length === 0) throw notFound("alert rule");
}

/** Stores a fired alert once (dedupe key = rule + window) and moves the rule's cool-down clock. */
export async function recordAlert(
  db: Db,
  params: {
    ruleId: string;
    businessId: string;
    dedupeKey: string;
    type: AlertRow["type"];
    firedAt: Date;
    summary: string;
    decision: Record<string, unknown>;
    deliver: boolean;
  },
): Promise<AlertRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(alerts)
      .values({
        ruleId: params.ruleId,
        businessId: params.businessId,
        dedupeKey: params.dedupeKey,
        type: params.type,
        firedAt: params.firedAt,
        summary: params.summary,
        explanation: params.decision,
        deliveryStatus: params.deliver ? "pending" : "none",
      })
      .onConflictDoNothing({ target: alerts.dedupeKey })
      .returning();
    if (row) await tx.update(alertRules).set({ lastFiredAt: params.firedAt }).where(eq(alertRules.id, params.ruleId));
    return row;
  });
}

export async function getAlert(db: Db, id: string): Promise<AlertRow> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  if (!row) throw notFound("alert");
  return row;
}

export async function markDelivery(db: Db, id: string, outcome: { ok: boolean; error?: string; final?: boolean }) {
  await db
    .update(alerts)
    .set({
      deliveryAttempts: sql`${alerts.deliveryAttempts} + 1`,
      deliveryStatus: outcome.ok ? "delivered" : outcome.final ? "failed" : "pending",
      deliveredAt: outcome.ok ? sql`now()` : null,
      lastDeliveryError: outcome.ok ? null : (outcome.error ?? "delivery failed"),
    })
    .where(eq(alerts.id, id));
}

export async function listAlerts(db: Db, params: { businessId: string; limit: number; cursor?: string }) {
  const conds = [eq(alerts.businessId, params.businessId)];
  if (params.cursor) {
    const c = decodeCursor(params.cursor);
    conds.push(or(lt(alerts.firedAt, c.at), and(eq(alerts.firedAt, c.at), lt(alerts.id, c.id)))!);
  }
  const rows = await db
    .select()
    .from(alerts)
    .where(and(...conds))
    .orderBy(desc(alerts.firedAt), desc(alerts.id))
    .limit(params.limit + 1);
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > params.limit && last ? encodeCursor(last.firedAt, last.id) : null };
}
