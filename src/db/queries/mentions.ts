import { and, eq, type SQL, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { MentionKind, SourceKind } from "../../collect/types.ts";
import type { MentionRecord, StoredAnalysis } from "../../domain.ts";
import { notFound } from "../../errors.ts";
import type { Db } from "../client.ts";
import { mentions } from "../schema/index.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { type ArrayValue, pgArrayOf } from "./pg-array.ts";
import { executePrepared } from "./prepared.ts";
import { refreshRollups, rollupIncrementCtes, utcDay } from "./rollups.ts";
import { rowsOf } from "./rows.ts";

/** A mention ready to store: personal data already reduced, analysis already computed. */
export interface MentionInput {
  externalId: string;
  contentHash: string;
  kind: MentionKind;
  url?: string | null;
  title?: string | null;
  text: string;
  lang?: string | null;
  rating?: { value: number; best: number; worst: number } | null;
  authorPseudonym?: string | null;
  authorDisplayName?: string | null;
  publishedAt?: Date | null;
  sourceUpdatedAt?: Date | null;
  experiencedAt?: Date | null;
  replyText?: string | null;
  replyAt?: Date | null;
  engagement?: { likes?: number; shares?: number; replies?: number } | null;
  analysis: StoredAnalysis | null;
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** UTC days (YYYY-MM-DD) of changed rows, before and after the change. */
  editedDays: string[];
}

/**
 * Idempotent batch upsert on the natural key (source_id, external_id). A row whose
 * content hash did not change is left alone, so running a collection twice writes nothing.
 */
/** Rows per transaction: large enough to amortise the rollup refresh, small enough to keep locks short. */
const UPSERT_CHUNK = 5_000;

export async function upsertMentions(
  db: Db,
  params: { businessId: string; sourceId: string; rows: MentionInput[]; now?: Date },
): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, editedDays: [] };
  // The same external id twice in one batch would make ON CONFLICT touch a row twice.
  const unique = [...new Map(params.rows.map((r) => [r.externalId, r])).values()];
  const now = params.now ?? new Date();
  for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
    const chunk = unique.slice(i, i + UPSERT_CHUNK);
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      // synchronous_commit off: the commit does not wait for the WAL flush. A server crash can
      // lose the last few hundred milliseconds of batches, never half of one; the run's own
      // record (cursor, counts) commits synchronously afterwards, which flushes them first, so
      // a lost batch is a lost run that the next collection repeats (the upsert is idempotent).
      // (JIT, which the batch's inflated row estimates would trigger, is off for every
      // service session: db/client.ts.)
      await t.execute(sql`select set_config('synchronous_commit', 'off', true)`);
      // The source row is locked for the batch: it exists, and a concurrent delete waits for
      // this commit and then removes these mentions too (mentions have no per-row foreign key).
      const source = rowsOf(await t.execute(sql`select 1 from sources where id = ${params.sourceId} for key share`));
      if (source.length === 0) throw notFound("source");
      // One statement per batch: the mentions, their analyses and the rollup increments of
      // the new rows are written together from one array parameter per column (far cheaper
      // than thousands of bind parameters or a JSON document expanded row by row, and the
      // same statement on both drivers).
      const stamp = now.toISOString();
      const columns = INPUT_COLUMNS.map(
        ([, type, get]) => sql`${pgArrayOf(chunk, (r) => get(r, now))}::${sql.raw(type)}[]`,
      );
      const [summary] = rowsOf<{ inserted: number; updated: number; days: string | null }>(
        await t.execute(sql`
          with input as (
            select * from unnest(${sql.join(columns, sql`, `)})
              as x(${sql.raw(INPUT_COLUMNS.map(([name]) => name).join(", "))})
          ), previous as (
            select m.external_id, m.occurred_at from mentions m
            where m.source_id = ${params.sourceId} and m.external_id in (select external_id from input)
          ), upserted as (
            insert into mentions (id, business_id, source_id, kind, external_id, content_hash, url, title, text, lang,
              rating_value, rating_best, rating_worst, author_pseudonym, author_display_name, published_at,
              source_updated_at, experienced_at, reply_text, reply_at, engagement, occurred_at, collected_at, updated_at,
              text_length, trimmed_length, quote_score, quote_label, quote_confidence, quote_mismatch, quote_stars)
            select id, ${params.businessId}::uuid, ${params.sourceId}::uuid, kind, external_id, content_hash, url, title, text, lang,
              rating_value, rating_best, rating_worst, author_pseudonym, author_display_name, published_at,
              source_updated_at, experienced_at, reply_text, reply_at, engagement,
              coalesce(published_at, ${stamp}::timestamptz), ${stamp}::timestamptz, ${stamp}::timestamptz,
              text_length, trimmed_length, case when a_version is not null then js_number(a_score) end,
              case when a_version is not null then a_label end,
              case when a_version is not null then js_number(a_confidence) end,
              case when a_version is not null then coalesce(a_mismatch, false) end,
              rating_stars(js_number(rating_value), coalesce(js_number(rating_best), 5), coalesce(js_number(rating_worst), 1))
            from input
            on conflict (source_id, external_id) do update set
              content_hash = excluded.content_hash, url = excluded.url, title = excluded.title, text = excluded.text,
              lang = excluded.lang, rating_value = excluded.rating_value, rating_best = excluded.rating_best,
              rating_worst = excluded.rating_worst, author_pseudonym = excluded.author_pseudonym,
              author_display_name = excluded.author_display_name,
              published_at = coalesce(excluded.published_at, mentions.published_at),
              source_updated_at = excluded.source_updated_at, experienced_at = excluded.experienced_at,
              reply_text = excluded.reply_text, reply_at = excluded.reply_at, engagement = excluded.engagement,
              occurred_at = coalesce(excluded.published_at, mentions.occurred_at),
              updated_at = excluded.updated_at, revision = mentions.revision + 1,
              text_length = excluded.text_length, trimmed_length = excluded.trimmed_length,
              quote_stars = excluded.quote_stars,
              -- Without a new analysis the stored one stays (analysed below), and so do its copies.
              quote_score = case when excluded.quote_label is null then mentions.quote_score else excluded.quote_score end,
              quote_label = coalesce(excluded.quote_label, mentions.quote_label),
              quote_confidence = case when excluded.quote_label is null then mentions.quote_confidence
                else excluded.quote_confidence end,
              quote_mismatch = case when excluded.quote_label is null then mentions.quote_mismatch
                else excluded.quote_mismatch end
            where mentions.content_hash <> excluded.content_hash
            returning id, external_id, occurred_at, (xmax = 0) as inserted, business_id, source_id, lang,
              rating_value, rating_best, rating_worst
          ), written as (
            select u.*, i.a_version, i.a_lang, i.a_score, i.a_label, i.a_confidence, i.a_emotions, i.a_aspects,
              i.a_touchpoints, i.a_mismatch
            from upserted u join input i on i.external_id = u.external_id
          ), analysed as (
            insert into analyses (mention_id, version, lang, sentiment_score, sentiment_label, confidence, emotions,
              aspects, touchpoints, rating_mismatch, analyzed_at)
            select id, a_version, a_lang, a_score, a_label, a_confidence, a_emotions, a_aspects, a_touchpoints,
              a_mismatch, ${stamp}::timestamptz
            from written where a_version is not null
            on conflict (mention_id) do update set version = excluded.version, lang = excluded.lang,
              sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
              confidence = excluded.confidence, emotions = excluded.emotions, aspects = excluded.aspects,
              touchpoints = excluded.touchpoints, rating_mismatch = excluded.rating_mismatch, analyzed_at = excluded.analyzed_at
          ), ${rollupIncrementCtes(sql`
            select id, business_id, source_id, lang, occurred_at, rating_value, rating_best, rating_worst,
              a_score as sentiment_score, a_label as sentiment_label, a_emotions as emotions, a_aspects as aspects
            from written where inserted`)}
          select count(*) filter (where w.inserted)::int as inserted, count(*) filter (where not w.inserted)::int as updated,
            (select string_agg(distinct to_char(d at time zone 'UTC', 'YYYY-MM-DD'), ',')
             from unnest(array_agg(w.occurred_at) filter (where not w.inserted)
               || array_agg(p.occurred_at) filter (where not w.inserted and p.occurred_at is not null)) d) as days
          from written w left join previous p on p.external_id = w.external_id`),
      );
      // New rows were added to the rollups as increments; the days of edited rows (old and
      // new day) are recomputed now, which also covers new rows on those days.
      const inserted = Number(summary?.inserted ?? 0);
      const updated = Number(summary?.updated ?? 0);
      const editedDays = summary?.days ? summary.days.split(",") : [];
      result.inserted += inserted;
      result.updated += updated;
      result.unchanged += chunk.length - inserted - updated;
      result.editedDays.push(...editedDays);
      if (editedDays.length > 0) await refreshRollups(t, { sourceId: params.sourceId, days: editedDays });
    });
  }
  return result;
}

type Get = (r: MentionInput, now: Date) => ArrayValue;
const iso = (d?: Date | null) => (d ? d.toISOString() : null);
const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

/**
 * The batch's columns, in the order of the `input` CTE: name, SQL type, and how a
 * mention gives its value. Each column is written straight into its array literal.
 */
const INPUT_COLUMNS: ReadonlyArray<readonly [string, string, Get]> = [
  // Time-ordered ids (UUIDv7): new rows land at the right edge of the primary key indexes of
  // mentions and analyses instead of on random pages. An existing row keeps its id.
  ["id", "uuid", () => uuidv7()],
  ["external_id", "text", (r) => r.externalId],
  ["content_hash", "text", (r) => r.contentHash],
  ["kind", "text", (r) => r.kind],
  ["url", "text", (r) => r.url],
  ["title", "text", (r) => r.title],
  ["text", "text", (r) => r.text],
  // Lengths as the highlight rules measure them (UTF-16 units, String.prototype.trim).
  ["text_length", "int", (r) => r.text.length],
  ["trimmed_length", "int", (r) => r.text.trim().length],
  ["lang", "text", (r) => r.lang ?? r.analysis?.lang],
  ["rating_value", "real", (r) => r.rating?.value],
  ["rating_best", "real", (r) => r.rating?.best],
  ["rating_worst", "real", (r) => r.rating?.worst],
  ["author_pseudonym", "text", (r) => r.authorPseudonym],
  ["author_display_name", "text", (r) => r.authorDisplayName],
  // A date in the future is a source's error (or a time zone slip): it is capped at collection time.
  ["published_at", "timestamptz", (r, now) => iso(r.publishedAt && r.publishedAt > now ? now : r.publishedAt)],
  ["source_updated_at", "timestamptz", (r) => iso(r.sourceUpdatedAt)],
  ["experienced_at", "timestamptz", (r) => iso(r.experiencedAt)],
  ["reply_text", "text", (r) => r.replyText],
  ["reply_at", "timestamptz", (r) => iso(r.replyAt)],
  ["engagement", "jsonb", (r) => json(r.engagement)],
  ["a_version", "text", (r) => r.analysis?.version],
  ["a_lang", "text", (r) => r.analysis?.lang],
  ["a_score", "real", (r) => r.analysis?.sentimentScore],
  ["a_label", "text", (r) => r.analysis?.sentimentLabel],
  ["a_confidence", "real", (r) => r.analysis?.confidence],
  ["a_emotions", "jsonb", (r) => json(r.analysis?.emotions)],
  ["a_aspects", "jsonb", (r) => json(r.analysis?.aspects)],
  ["a_touchpoints", "jsonb", (r) => json(r.analysis?.touchpoints)],
  ["a_mismatch", "boolean", (r) => r.analysis?.ratingMismatch],
];

/** Columns of a mention with its source and analysis, as one raw select (the hot read path of three endpoints). */
const SELECT_MENTION = sql`
  select m.id, m.business_id, m.source_id, s.kind as source_kind, s.url as source_url, m.kind, m.external_id, m.url,
    m.title, m.text, m.lang, m.rating_value, m.rating_best, m.rating_worst, m.author_pseudonym, m.published_at,
    m.occurred_at, m.collected_at, m.reply_text, m.reply_at,
    a.version as a_version, a.lang as a_lang, a.sentiment_score, a.sentiment_label, a.confidence, a.emotions,
    a.aspects, a.touchpoints, a.rating_mismatch
  from mentions m
  join sources s on s.id = m.source_id
  left join analyses a on a.mention_id = m.id`;

type RawMentionRow = Record<string, unknown>;
const asDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const asJson = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

function toRecord(r: RawMentionRow): MentionRecord & { occurredAt: Date } {
  return {
    id: r.id as string,
    businessId: r.business_id as string,
    sourceId: r.source_id as string,
    sourceKind: r.source_kind as SourceKind,
    sourceUrl: (r.source_url as string | null) ?? null,
    kind: r.kind as MentionKind,
    externalId: r.external_id as string,
    url: (r.url as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    text: r.text as string,
    lang: (r.lang as string | null) ?? null,
    rating:
      r.rating_value == null
        ? null
        : { value: Number(r.rating_value), best: Number(r.rating_best ?? 5), worst: Number(r.rating_worst ?? 1) },
    authorPseudonym: (r.author_pseudonym as string | null) ?? null,
    publishedAt: asDate(r.published_at),
    occurredAt: asDate(r.occurred_at)!,
    collectedAt: asDate(r.collected_at)!,
    reply: r.reply_text ? { text: r.reply_text as string, at: asDate(r.reply_at) } : null,
    analysis:
      r.a_version == null
        ? null
        : {
            version: r.a_version as string,
            lang: r.a_lang as string,
            sentimentScore: Number(r.sentiment_score),
            sentimentLabel: r.sentiment_label as StoredAnalysis["sentimentLabel"],
            confidence: Number(r.confidence),
            emotions: asJson(r.emotions),
            aspects: asJson(r.aspects),
            touchpoints: asJson(r.touchpoints),
            ratingMismatch: r.rating_mismatch === true || r.rating_mismatch === "t",
          },
  };
}

function mentionFilters(params: { businessId: string | null; from?: Date; to?: Date; sourceIds?: string[] }) {
  const conds = [];
  if (params.businessId) conds.push(sql`m.business_id = ${params.businessId}`);
  if (params.sourceIds?.length) {
    conds.push(
      sql`m.source_id in (${sql.join(
        params.sourceIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (params.from) conds.push(sql`m.occurred_at >= ${params.from.toISOString()}::timestamptz`);
  if (params.to) conds.push(sql`m.occurred_at < ${params.to.toISOString()}::timestamptz`);
  return conds;
}

/**
 * Newest first, keyset-paginated on (occurred_at, id). One round trip also says
 * whether the business exists (an empty page of an unknown business is a 404).
 */
export async function listMentions(
  db: Db,
  params: { businessId: string; limit: number; cursor?: string; from?: Date; to?: Date; sourceId?: string },
): Promise<{ items: Array<MentionRecord & { occurredAt: Date }>; nextCursor: string | null; businessExists: boolean }> {
  const conds = mentionFilters({ ...params, sourceIds: params.sourceId ? [params.sourceId] : undefined });
  if (params.cursor) {
    const c = decodeCursor(params.cursor);
    const at = c.at.toISOString();
    conds.push(
      sql`(m.occurred_at < ${at}::timestamptz or (m.occurred_at = ${at}::timestamptz and m.id < ${c.id}::uuid))`,
    );
  }
  const rows = rowsOf<RawMentionRow & { business_exists: boolean | string }>(
    await executePrepared(
      db,
      sql`
      select b.business_exists, p.* from (select exists(select 1 from businesses where id = ${params.businessId}) as business_exists) b
      left join (${SELECT_MENTION} where ${sql.join(conds, sql` and `)}
        order by m.occurred_at desc nulls last, m.id desc nulls last limit ${params.limit + 1}) p on true
      order by p.occurred_at desc nulls last, p.id desc nulls last`,
    ),
  );
  const found = rows.filter((r) => r.id != null);
  const items = found.slice(0, params.limit).map(toRecord);
  const last = items.at(-1);
  const nextCursor = found.length > params.limit && last ? encodeCursor(last.occurredAt, last.id) : null;
  const flag = rows[0]?.business_exists;
  return { items, nextCursor, businessExists: flag === true || flag === "t" };
}

/** All mentions of a business (or of every business: null) in a window, newest first, bounded by `max`. */
export async function loadMentions(
  db: Db,
  params: { businessId: string | null; from?: Date; to?: Date; max?: number; sourceIds?: string[] },
): Promise<Array<MentionRecord & { occurredAt: Date }>> {
  const conds = mentionFilters(params);
  const where = conds.length ? sql` where ${sql.join(conds, sql` and `)}` : sql``;
  const rows = rowsOf<RawMentionRow>(
    await db.execute(
      sql`${SELECT_MENTION}${where} order by m.occurred_at desc nulls last, m.id desc nulls last limit ${params.max ?? 50_000}`,
    ),
  );
  return rows.map(toRecord);
}

export async function countMentions(db: Db, params: { businessId?: string; sourceId?: string }): Promise<number> {
  const conds = [];
  if (params.businessId) conds.push(eq(mentions.businessId, params.businessId));
  if (params.sourceId) conds.push(eq(mentions.sourceId, params.sourceId));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentions)
    .where(conds.length ? and(...conds) : undefined);
  return Number(row?.n ?? 0);
}

/** Remove mentions a source no longer shows (or a purge), keeping rollups exact. */
export async function deleteMentions(db: Db, params: { sourceId: string; externalIds: string[] }): Promise<number> {
  if (params.externalIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(mentions)
      .where(and(eq(mentions.sourceId, params.sourceId), sql`${mentions.externalId} in ${params.externalIds}`))
      .returning({ occurredAt: mentions.occurredAt });
    await refreshRollups(tx as unknown as Db, {
      sourceId: params.sourceId,
      days: gone.map((g) => utcDay(g.occurredAt)),
    });
    return gone.length;
  });
}

/**

/**
 * Full records of the mentions a statement picks, newest first, next to one
 * JSON value computed by the same statement (one round trip). `ctes` is the
 * body of a WITH clause that defines `picked(id)` and `extra(value)`, where
 * `extra` has exactly one row.
 */
export async function loadPickedMentions(
  db: Db,
  ctes: SQL,
): Promise<{ mentions: Array<MentionRecord & { occurredAt: Date }>; extra: unknown }> {
  const rows = rowsOf<RawMentionRow & { extra_value: unknown }>(
    // The extra value rides on the first row only: it can be large (every business).
    await db.execute(sql`with ${ctes}
      select case when x.first is not false then e.value end as extra_value, x.* from extra e
      left join (
        select p.*, row_number() over (order by p.occurred_at desc, p.id desc) = 1 as first
        from (${SELECT_MENTION} where m.id in (select id from picked)) p
      ) x on true
      order by x.occurred_at desc nulls last, x.id desc nulls last`),
  );
  return {
    mentions: rows.filter((r) => r.id != null).map(toRecord),
    extra: rows.length > 0 ? asJson(rows[0]!.extra_value) : null,
  };
}
