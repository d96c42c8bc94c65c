import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { SourceState } from "../../collect/types.ts";
import { businesses } from "./businesses.ts";
import { id, timestamps } from "./columns.ts";

export const SOURCE_HEALTH = ["unknown", "healthy", "degraded", "failing"] as const;
export const RUN_STATUSES = ["running", "ok", "not_modified", "error", "skipped"] as const;

/** Where mentions come from: a page, a feed, an API query. `state` is the adapter's cursor. */
export const sources = pgTable(
  "sources",
  {
    id: id(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    url: text(),
    query: text(),
    options: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Interval ("30m", "6h", "1d") or a 5-field cron pattern; null = manual only. */
    schedule: text(),
    enabled: boolean().notNull().default(true),
    state: jsonb().$type<SourceState>().notNull().default({}),
    lastRunAt: timestamp({ withTimezone: true }),
    lastStatus: text({ enum: RUN_STATUSES }),
    lastError: text(),
    consecutiveFailures: integer().notNull().default(0),
    health: text({ enum: SOURCE_HEALTH }).notNull().default("unknown"),
    /** Lease so that two workers never collect the same source at once. */
    leaseOwner: text(),
    leaseUntil: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("sources_business_idx").on(t.businessId)],
);
