import { boolean, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { StoredAnalysis } from "../../domain.ts";

/** 1:1 with mentions. `version` is the analyser version, so old rows can be re-scored. */
export const analyses = pgTable("analyses", {
  /** Deleted with its mention by a statement-level trigger (migration 0006), not a per-row key check. */
  mentionId: uuid().primaryKey(),
  version: text().notNull(),
  lang: text().notNull(),
  sentimentScore: real().notNull(),
  sentimentLabel: text({ enum: ["negative", "neutral", "positive"] }).notNull(),
  confidence: real().notNull(),
  emotions: jsonb().$type<StoredAnalysis["emotions"]>().notNull().default({}),
  aspects: jsonb().$type<StoredAnalysis["aspects"]>().notNull().default([]),
  touchpoints: jsonb().$type<StoredAnalysis["touchpoints"]>().notNull().default([]),
  ratingMismatch: boolean().notNull().default(false),
  analyzedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
