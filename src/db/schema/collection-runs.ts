import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Coverage } from "../../collect/types.ts";
import { id } from "./columns.ts";
import { RUN_STATUSES, sources } from "./sources.ts";

export const RUN_TRIGGERS = ["schedule", "manual", "diagnostic"] as const;

export const collectionRuns = pgTable(
  "collection_runs",
  {
    id: id(),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    jobId: text(),
    trigger: text({ enum: RUN_TRIGGERS }).notNull(),
    status: text({ enum: RUN_STATUSES }).notNull().default("running"),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    fetched: integer().notNull().default(0),
    inserted: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    errors: jsonb().$type<string[]>().notNull().default([]),
    coverage: jsonb().$type<Coverage>(),
  },
  (t) => [index("collection_runs_source_idx").on(t.sourceId, t.startedAt)],
);
