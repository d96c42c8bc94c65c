import {
  bigint,
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { EMOTIONS } from "../../domain.ts";
import { businesses } from "./businesses.ts";
import { sources } from "./sources.ts";

/** `all` rows carry every mention; `aspect` / `emotion` rows only the mentions that express that dimension. */
export const ROLLUP_DIMS = ["all", "aspect", "emotion"] as const;

const emotionColumns = Object.fromEntries(
  EMOTIONS.flatMap((e) => [
    [`e_${e}_n`, integer(`e_${e}_n`).notNull().default(0)],
    [`e_${e}_sum`, doublePrecision(`e_${e}_sum`).notNull().default(0)],
  ]),
) as Record<
  `e_${(typeof EMOTIONS)[number]}_${"n" | "sum"}`,
  ReturnType<typeof integer> | ReturnType<typeof doublePrecision>
>;

/**
 * Daily aggregates per (business, source, language, dimension), UTC days, on the
 * time axis `occurred_at`. Kept exact by the ingest path, which recomputes the
 * days a batch touched for that source (see queries/rollups.ts); trends read
 * only this table. Deleting a source deletes its rows (cascade), so totals stay exact.
 */
const rollupColumns = () => ({
  businessId: uuid()
    .notNull()
    .references(() => businesses.id, { onDelete: "cascade" }),
  dimKind: text({ enum: ROLLUP_DIMS }).notNull(),
  dimValue: text().notNull(),
  day: date({ mode: "string" }).notNull(),
  sourceId: uuid()
    .notNull()
    .references(() => sources.id, { onDelete: "cascade" }),
  lang: text().notNull(),
  count: integer().notNull(),
  sentimentSum: doublePrecision().notNull(),
  positive: integer().notNull(),
  neutral: integer().notNull(),
  negative: integer().notNull(),
  ratingCount: integer().notNull(),
  /** Ratings rescaled to 1–5 before summing. */
  ratingSum: doublePrecision().notNull(),
  promoters: integer().notNull(),
  passives: integer().notNull(),
  detractors: integer().notNull(),
  ...emotionColumns,
});

export const rollupsDaily = pgTable("rollups_daily", rollupColumns(), (t) => [
  primaryKey({ columns: [t.businessId, t.dimKind, t.dimValue, t.day, t.sourceId, t.lang] }),
]);

/**
 * The aspect / emotion rows, kept apart from the `all` rows so that the main
 * series (every trends request) reads a dense table.
 */
export const rollupDimsDaily = pgTable("rollup_dims_daily", rollupColumns(), (t) => [
  primaryKey({ columns: [t.businessId, t.dimKind, t.dimValue, t.day, t.sourceId, t.lang] }),
]);

/**
 * Monthly sums of the `all` rows (day = first of the month), rebuilt from the daily
 * rows of the months a write touched; monthly trends read ~12 rows per source
 * and language instead of ~365.
 */
export const rollupsMonthly = pgTable("rollups_monthly", rollupColumns(), (t) => [
  primaryKey({ columns: [t.businessId, t.dimKind, t.dimValue, t.day, t.sourceId, t.lang] }),
]);

/**
 * Aspect scores per (business, UTC day of occurred_at, aspect, source): the mentions
 * that score the aspect, the sum of their per-mention means in whole millionths
 * (integers: exact sums in any order, see reports/highlights aspectMicros) and the
 * latest such mention. Highlights compare two periods' mean aspect scores from these rows (plus
 * the raw mentions of the partial days at the periods' edges). Kept like the other
 * rollups: increments for new mentions, recomputation of edited days, cascades.
 */
export const rollupAspectsDaily = pgTable(
  "rollup_aspects_daily",
  {
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    aspect: text().notNull(),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    count: integer().notNull(),
    scoreMicros: bigint({ mode: "number" }).notNull(),
    latest: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.day, t.aspect, t.sourceId] })],
);
