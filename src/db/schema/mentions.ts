import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * One review, post, article or comment. Natural key: (source_id, external_id).
 * Reviewer identity is kept to what features need: an HMAC pseudonym (to count
 * distinct reviewers without knowing them) and a shortened display name
 * ("Marie D.") for quotes; never the raw author id.
 */
export const mentions = pgTable(
  "mentions",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The source's business, copied for per-business reads (the source ties them). */
    businessId: uuid().notNull(),
    /**
     * Deleting a source deletes its mentions through a statement-level trigger
     * (migration 0006), not a per-row foreign key: a key check per inserted row cost
     * the ingest path ~40 % of its database time. The writer (upsertMentions) locks
     * the source row for the batch, so a concurrent delete waits and then removes all.
     */
    sourceId: uuid().notNull(),
    kind: text({ enum: ["review", "post", "article", "comment"] }).notNull(),
    externalId: text().notNull(),
    contentHash: text().notNull(),
    url: text(),
    title: text(),
    text: text().notNull(),
    lang: text(),
    ratingValue: real(),
    ratingBest: real(),
    ratingWorst: real(),
    authorPseudonym: text(),
    authorDisplayName: text(),
    publishedAt: timestamp({ withTimezone: true }),
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    experiencedAt: timestamp({ withTimezone: true }),
    replyText: text(),
    replyAt: timestamp({ withTimezone: true }),
    engagement: jsonb().$type<{ likes?: number; shares?: number; replies?: number }>(),
    /** published_at when known, else when we first saw it: the time axis of every report. */
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    collectedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revision: integer().notNull().default(1),
    /**
     * What the highlight quote rules read, kept on the row so that ranking a period's
     * quotes is one range scan of this table (no join, no text read). The analysis's
     * score, label, confidence and rating mismatch (null without an analysis) and the
     * rating on 1–5 (null when unrated or its scale is unusable), as the numbers
     * JavaScript reads back from the stored float4 values; the text's length in UTF-16
     * units, whole and trimmed, as JavaScript counts them. Written with the mention
     * (queries/mentions.ts, functions of migration 0007); see queries/highlights.ts.
     */
    quoteScore: doublePrecision(),
    quoteLabel: text(),
    quoteConfidence: doublePrecision(),
    quoteMismatch: boolean(),
    quoteStars: doublePrecision(),
    textLength: integer(),
    trimmedLength: integer(),
  },
  (t) => [
    uniqueIndex("mentions_source_external_uq").on(t.sourceId, t.externalId),
    index("mentions_business_occurred_idx").on(t.businessId, t.occurredAt.desc(), t.id.desc()),
    // Cross-business periods (newsletter highlights of every business).
    index("mentions_occurred_idx").on(t.occurredAt),
  ],
);
