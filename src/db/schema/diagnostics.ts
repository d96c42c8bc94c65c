import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { businesses } from "./businesses.ts";

export const DIAGNOSTIC_STATUSES = ["queued", "running", "done", "failed"] as const;

/**
 * A free diagnostic request. The id is a random 128-bit token (unguessable: the
 * report is public to whoever holds the link). The requester's email is not kept.
 */
export const diagnostics = pgTable(
  "diagnostics",
  {
    id: text().primaryKey(),
    requestHash: text().notNull(),
    clientHash: text(),
    businessId: uuid().references(() => businesses.id, { onDelete: "set null" }),
    businessName: text().notNull(),
    locale: text({ enum: ["fr", "en"] }).notNull(),
    request: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: DIAGNOSTIC_STATUSES }).notNull().default("queued"),
    report: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("diagnostics_request_hash_idx").on(t.requestHash, t.createdAt)],
);
