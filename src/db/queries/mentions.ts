import { and, eq, sql } from "drizzle-orm";
import type { MentionKind, SourceKind } from "../../collect/types.ts";
import type { MentionRecord, StoredAnalysis } from "../../domain.ts";
import type { Db } from "../client.ts";
import { mentions } from "../schema/index.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { refreshRollups, utcDay } from "./rollups.ts";
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
  /** Ids of rows written (inserted or changed), with their time-axis day, for rollups and alerts. */
  written: Array<{ id: string; occurredAt: Date; inserted: boolean }>;
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
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, written: [] };
  // The same external id twice in one batch would make ON CONFLICT touch a row twice.
  const unique = [...new Map(params.rows.map((r) => [r.externalId, r])).values()];
  const now = params.now ?? new Date();
  for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
    const chunk = unique.slice(i, i + UPSERT_CHUNK);
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      // One JSON parameter per batch, expanded by the server: far cheaper on the client than
      // thousands of bind parameters, and the same statement on both drivers.
      const payload = JSON.stringify(chunk.map((r) => toRow(r, now)));
      const written = rowsOf<{
        id: string;
        external_id: string;
        occurred_at: string | Date;
        inserted: boolean;
        prev: string | Date | null;
      }>(
        await t.execute(sql`
          with input as (
            select * from jsonb_to_recordset(${payload}::jsonb) as x(
              external_id text, content_hash text, kind text, url text, title text, text text, lang text,
              rating_value real, rating_best real, rating_worst real, author_pseudonym text, author_display_name text,
              published_at timestamptz, source_updated_at timestamptz, experienced_at timestamptz,
              reply_text text, reply_at timestamptz, engagement jsonb)
          ), previous as (
            select m.external_id, m.occurred_at from mentions m
            where m.source_id = ${params.sourceId} and m.external_id in (select external_id from input)
          ), upserted as (
            insert into mentions (business_id, source_id, kind, external_id, content_hash, url, title, text, lang,
              rating_value, rating_best, rating_worst, author_pseudonym, author_display_name, published_at,
              source_updated_at, experienced_at, reply_text, reply_at, engagement, occurred_at, collected_at, updated_at)
            select ${params.businessId}::uuid, ${params.sourceId}::uuid, kind, external_id, content_hash, url, title, text, lang,
              rating_value, rating_best, rating_worst, author_pseudonym, author_display_name, published_at,
              source_updated_at, experienced_at, reply_text, reply_at, engagement,
              coalesce(published_at, ${now.toISOString()}::timestamptz), ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
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
              updated_at = excluded.updated_at, revision = mentions.revision + 1
            where mentions.content_hash <> excluded.content_hash
            returning id, external_id, occurred_at, (xmax = 0) as inserted
          )
          select u.id, u.external_id, u.occurred_at, u.inserted, p.occurred_at as prev
          from upserted u left join previous p on p.external_id = u.external_id`),
      );
      const byExternal = new Map(chunk.map((r) => [r.externalId, r]));
      const analysed = written.flatMap((w) => {
        const a = byExternal.get(w.external_id)?.analysis;
        return a ? [{ mention_id: w.id, ...analysisRow(a) }] : [];
      });
      if (analysed.length > 0) {
        await t.execute(sql`
          insert into analyses (mention_id, version, lang, sentiment_score, sentiment_label, confidence, emotions,
            aspects, touchpoints, rating_mismatch, analyzed_at)
          select mention_id, version, lang, sentiment_score, sentiment_label, confidence, emotions, aspects, touchpoints,
            rating_mismatch, ${now.toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(analysed)}::jsonb) as x(mention_id uuid, version text, lang text,
            sentiment_score real, sentiment_label text, confidence real, emotions jsonb, aspects jsonb, touchpoints jsonb,
            rating_mismatch boolean)
          on conflict (mention_id) do update set version = excluded.version, lang = excluded.lang,
            sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
            confidence = excluded.confidence, emotions = excluded.emotions, aspects = excluded.aspects,
            touchpoints = excluded.touchpoints, rating_mismatch = excluded.rating_mismatch, analyzed_at = excluded.analyzed_at`);
      }
      const days: string[] = [];
      for (const w of written) {
        const inserted = w.inserted === true || (w.inserted as unknown) === "t";
        const occurredAt = new Date(w.occurred_at);
        if (inserted) result.inserted++;
        else result.updated++;
        result.written.push({ id: w.id, occurredAt, inserted });
        days.push(utcDay(occurredAt));
        if (w.prev) days.push(utcDay(new Date(w.prev)));
      }
      result.unchanged += chunk.length - written.length;
      if (days.length > 0) await refreshRollups(t, { sourceId: params.sourceId, days });
    });
  }
  return result;
}

const iso = (d?: Date | null) => (d ? d.toISOString() : null);

function toRow(r: MentionInput, now: Date) {
  return {
    external_id: r.externalId,
    content_hash: r.contentHash,
    kind: r.kind,
    url: r.url ?? null,
    title: r.title ?? null,
    text: r.text,
    lang: r.lang ?? r.analysis?.lang ?? null,
    rating_value: r.rating?.value ?? null,
    rating_best: r.rating?.best ?? null,
    rating_worst: r.rating?.worst ?? null,
    author_pseudonym: r.authorPseudonym ?? null,
    author_display_name: r.authorDisplayName ?? null,
    // A date in the future is a source's error (or a time zone slip): it is capped at collection time.
    published_at: iso(r.publishedAt && r.publishedAt > now ? now : r.publishedAt),
    source_updated_at: iso(r.sourceUpdatedAt),
    experienced_at: iso(r.experiencedAt),
    reply_text: r.replyText ?? null,
    reply_at: iso(r.replyAt),
    engagement: r.engagement ?? null,
  };
}

function analysisRow(a: StoredAnalysis) {
  return {
    version: a.version,
    lang: a.lang,
    sentiment_score: a.sentimentScore,
    sentiment_label: a.sentimentLabel,
    confidence: a.confidence,
    emotions: a.emotions,
    aspects: a.aspects,
    touchpoints: a.touchpoints,
    rating_mismatch: a.ratingMismatch,
  };
}

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

/**
 * The same columns without texts and evidence: for computations that only need
 * dates, ratings, scores and aspect scores (previous-period comparisons).
 */
const SELECT_MENTION_LIGHT = sql`
  select m.id, m.business_id, m.source_id, s.kind as source_kind, s.url as source_url, m.kind, m.external_id, m.url,
    null as title, '' as text, m.lang, m.rating_value, m.rating_best, m.rating_worst, m.author_pseudonym, m.published_at,
    m.occurred_at, m.collected_at, m.reply_text, m.reply_at,
    a.version as a_version, a.lang as a_lang, a.sentiment_score, a.sentiment_label, a.confidence, '{}'::jsonb as emotions,
    (select coalesce(jsonb_agg(jsonb_build_object('aspect', e->'aspect', 'polarity', e->'polarity', 'score', e->'score',
       'evidence', '[]'::jsonb)), '[]'::jsonb) from jsonb_array_elements(a.aspects) e) as aspects,
    '[]'::jsonb as touchpoints, a.rating_mismatch
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

/** Newest first, keyset-paginated on (occurred_at, id). */
export async function listMentions(
  db: Db,
  params: { businessId: string; limit: number; cursor?: string; from?: Date; to?: Date; sourceId?: string },
): Promise<{ items: Array<MentionRecord & { occurredAt: Date }>; nextCursor: string | null }> {
  const conds = mentionFilters({ ...params, sourceIds: params.sourceId ? [params.sourceId] : undefined });
  if (params.cursor) {
    const c = decodeCursor(params.cursor);
    const at = c.at.toISOString();
    conds.push(
      sql`(m.occurred_at < ${at}::timestamptz or (m.occurred_at = ${at}::timestamptz and m.id < ${c.id}::uuid))`,
    );
  }
  const rows = rowsOf<RawMentionRow>(
    await db.execute(
      sql`${SELECT_MENTION} where ${sql.join(conds, sql` and `)} order by m.occurred_at desc nulls last, m.id desc nulls last limit ${params.limit + 1}`,
    ),
  );
  const items = rows.slice(0, params.limit).map(toRecord);
  const last = items.at(-1);
  const nextCursor = rows.length > params.limit && last ? encodeCursor(last.occurredAt, last.id) : null;
  return { items, nextCursor };
}

/** All mentions of a business (or of every business: null) in a window, newest first, bounded by `max`. */
export async function loadMentions(
  db: Db,
  params: { businessId: string | null; from?: Date; to?: Date; max?: number; sourceIds?: string[]; light?: boolean },
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
