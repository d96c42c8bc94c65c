import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businesses } from "./businesses.ts";
import { id, timestamps } from "./columns.ts";

export const ALERT_RULE_TYPES = ["negative_spike", "rating_drop", "keyword"] as const;
export const DELIVERY_STATUSES = ["none", "pending", "delivered", "failed"] as const;

/** A business's alert rule; `params` are validated by the rule's zod schema (src/reports/alerts). */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: id(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    type: text({ enum: ALERT_RULE_TYPES }).notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull(),
    enabled: boolean().notNull().default(true),
    webhookUrl: text(),
    /** Shared secret for the HMAC signature; shown once at creation. */
    webhookSecret: text(),
    lastFiredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("alert_rules_business_idx").on(t.businessId)],
);

export const alerts = pgTable(
  "alerts",
  {
    id: id(),
    ruleId: uuid()
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    /** Rule id + window start: the same alert is never stored twice. */
    dedupeKey: text().notNull(),
    type: text({ enum: ALERT_RULE_TYPES }).notNull(),
    firedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    summary: text().notNull(),
    explanation: jsonb().$type<Record<string, unknown>>().notNull(),
    deliveryStatus: text({ enum: DELIVERY_STATUSES }).notNull().default("none"),
    deliveryAttempts: integer().notNull().default(0),
    deliveredAt: timestamp({ withTimezone: true }),
    lastDeliveryError: text(),
  },
  (t) => [uniqueIndex("alerts_dedupe_uq").on(t.dedupeKey), index("alerts_business_idx").on(t.businessId, t.firedAt)],
);
