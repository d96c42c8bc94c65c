import { and, desc, eq, gte, lt, or, sql } from "drizzle-orm";
import type { MentionKind, SourceKind } from "../../collect/types.ts";
import type { MentionRecord, StoredAnalysis } from "../../domain.ts";
import type { Db } from "../client.ts";
import { analyses, mentions, sources } from "../schema/index.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { refreshRollups, utcDay } from "./rollups.ts";

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
export async function upsertMentions(
  db: Db,
  params: { businessId: string; sourceId: string; rows: MentionInput[]; now?: Date },
): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, written: [] };
  // The same external id twice in one batch would make ON CONFLICT touch a row twice.
  const unique = [...new Map(params.rows.map((r) => [r.externalId, r])).values()];
  const now = params.now ?? new Date();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    await db.transaction(async (tx) => {
      // Days the rows sat on before this write: an edit can move a mention to another day.
      const previous = await tx
        .select({ externalId: mentions.externalId, occurredAt: mentions.occurredAt })
        .from(mentions)
        .where(
          and(
            eq(mentions.sourceId, params.sourceId),
            sql`${mentions.externalId} in ${chunk.map((r) => r.externalId)}`,
          ),
        );
      const written = await tx
        .insert(mentions)
        .values(
          chunk.map((r) => ({
            businessId: params.businessId,
            sourceId: params.sourceId,
            kind: r.kind,
            externalId: r.externalId,
            contentHash: r.contentHash,
            url: r.url ?? null,
            title: r.title ?? null,
            text: r.text,
            lang: r.lang ?? r.analysis?.lang ?? null,
            ratingValue: r.rating?.value ?? null,
            ratingBest: r.rating?.best ?? null,
            ratingWorst: r.rating?.worst ?? null,
            authorPseudonym: r.authorPseudonym ?? null,
            authorDisplayName: r.authorDisplayName ?? null,
            publishedAt: r.publishedAt ?? null,
            sourceUpdatedAt: r.sourceUpdatedAt ?? null,
            experiencedAt: r.experiencedAt ?? null,
            replyText: r.replyText ?? null,
            replyAt: r.replyAt ?? null,
            engagement: r.engagement ?? null,
            occurredAt: r.publishedAt ?? now,
            collectedAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [mentions.sourceId, mentions.externalId],
          set: {
            contentHash: sql`excluded.content_hash`,
            url: sql`excluded.url`,
            title: sql`excluded.title`,
            text: sql`excluded.text`,
            lang: sql`excluded.lang`,
            ratingValue: sql`excluded.rating_value`,
            ratingBest: sql`excluded.rating_best`,
            ratingWorst: sql`excluded.rating_worst`,
            authorPseudonym: sql`excluded.author_pseudonym`,
            authorDisplayName: sql`excluded.author_display_name`,
            publishedAt: sql`coalesce(excluded.published_at, ${mentions.publishedAt})`,
            sourceUpdatedAt: sql`excluded.source_updated_at`,
            experiencedAt: sql`excluded.experienced_at`,
            replyText: sql`excluded.reply_text`,
            replyAt: sql`excluded.reply_at`,
            engagement: sql`excluded.engagement`,
            occurredAt: sql`coalesce(excluded.published_at, ${mentions.occurredAt})`,
            updatedAt: sql`excluded.updated_at`,
            revision: sql`${mentions.revision} + 1`,
          },
          setWhere: sql`${mentions.contentHash} <> excluded.content_hash`,
        })
        .returning({
          id: mentions.id,
          externalId: mentions.externalId,
          occurredAt: mentions.occurredAt,
          inserted: sql<boolean>`(xmax = 0)`,
        });
      const byExternal = new Map(chunk.map((r) => [r.externalId, r]));
      const analysed = written.flatMap((w) => {
        const a = byExternal.get(w.externalId)?.analysis;
        return a ? [{ mentionId: w.id, ...a, analyzedAt: now }] : [];
      });
      if (analysed.length > 0) {
        await tx
          .insert(analyses)
          .values(analysed)
          .onConflictDoUpdate({
            target: analyses.mentionId,
            set: {
              version: sql`excluded.version`,
              lang: sql`excluded.lang`,
              sentimentScore: sql`excluded.sentiment_score`,
              sentimentLabel: sql`excluded.sentiment_label`,
              confidence: sql`excluded.confidence`,
              emotions: sql`excluded.emotions`,
              aspects: sql`excluded.aspects`,
              touchpoints: sql`excluded.touchpoints`,
              ratingMismatch: sql`excluded.rating_mismatch`,
              analyzedAt: sql`excluded.analyzed_at`,
            },
          });
      }
      for (const w of written) {
        const inserted = w.inserted === true || (w.inserted as unknown) === "t";
        if (inserted) result.inserted++;
        else result.updated++;
        result.written.push({ id: w.id, occurredAt: w.occurredAt, inserted });
      }
      result.unchanged += chunk.length - written.length;
      if (written.length > 0) {
        const touched = new Set(written.map((w) => w.externalId));
        const days = [
          ...previous.filter((p) => touched.has(p.externalId)).map((p) => utcDay(p.occurredAt)),
          ...written.map((w) => utcDay(w.occurredAt)),
        ];
        await refreshRollups(tx as unknown as Db, { sourceId: params.sourceId, days });
      }
    });
  }
  return result;
}

const mentionColumns = {
  id: mentions.id,
  businessId: mentions.businessId,
  sourceId: mentions.sourceId,
  sourceKind: sources.kind,
  sourceUrl: sources.url,
  kind: mentions.kind,
  externalId: mentions.externalId,
  url: mentions.url,
  title: mentions.title,
  text: mentions.text,
  lang: mentions.lang,
  ratingValue: mentions.ratingValue,
  ratingBest: mentions.ratingBest,
  ratingWorst: mentions.ratingWorst,
  authorPseudonym: mentions.authorPseudonym,
  publishedAt: mentions.publishedAt,
  occurredAt: mentions.occurredAt,
  collectedAt: mentions.collectedAt,
  replyText: mentions.replyText,
  replyAt: mentions.replyAt,
  analysis: analyses,
};

type MentionRow = {
  [K in keyof typeof mentionColumns]: unknown;
} & { analysis: typeof analyses.$inferSelect | null };

function toRecord(r: MentionRow): MentionRecord & { occurredAt: Date } {
  const a = r.analysis;
  return {
    id: r.id as string,
    businessId: r.businessId as string,
    sourceId: r.sourceId as string,
    sourceKind: r.sourceKind as SourceKind,
    sourceUrl: (r.sourceUrl as string | null) ?? null,
    kind: r.kind as MentionKind,
    externalId: r.externalId as string,
    url: r.url as string | null,
    title: r.title as string | null,
    text: r.text as string,
    lang: r.lang as string | null,
    rating:
      r.ratingValue == null
        ? null
        : { value: r.ratingValue as number, best: (r.ratingBest as number) ?? 5, worst: (r.ratingWorst as number) ?? 1 },
    authorPseudonym: r.authorPseudonym as string | null,
    publishedAt: r.publishedAt as Date | null,
    occurredAt: r.occurredAt as Date,
    collectedAt: r.collectedAt as Date,
    reply: r.replyText ? { text: r.replyText as string, at: (r.replyAt as Date | null) ?? null } : null,
    analysis: a
      ? {
          version: a.version,
          lang: a.lang,
          sentimentScore: a.sentimentScore,
          sentimentLabel: a.sentimentLabel,
          confidence: a.confidence,
          emotions: a.emotions,
          aspects: a.aspects,
          touchpoints: a.touchpoints,
          ratingMismatch: a.ratingMismatch,
        }
      : null,
  };
}

/** Newest first, keyset-paginated on (occurred_at, id). */
export async function listMentions(
  db: Db,
  params: { businessId: string; limit: number; cursor?: string; from?: Date; to?: Date; sourceId?: string },
): Promise<{ items: Array<MentionRecord & { occurredAt: Date }>; nextCursor: string | null }> {
  const conds = [eq(mentions.businessId, params.businessId)];
  if (params.sourceId) conds.push(eq(mentions.sourceId, params.sourceId));
  if (params.from) conds.push(gte(mentions.occurredAt, params.from));
  if (params.to) conds.push(lt(mentions.occurredAt, params.to));
  if (params.cursor) {
    const c = decodeCursor(params.cursor);
    conds.push(or(lt(mentions.occurredAt, c.at), and(eq(mentions.occurredAt, c.at), lt(mentions.id, c.id)))!);
  }
  const rows = await db
    .select(mentionColumns)
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .leftJoin(analyses, eq(analyses.mentionId, mentions.id))
    .where(and(...conds))
    .orderBy(desc(mentions.occurredAt), desc(mentions.id))
    .limit(params.limit + 1);
  const items = rows.slice(0, params.limit).map((r) => toRecord(r as MentionRow));
  const last = items.at(-1);
  const nextCursor = rows.length > params.limit && last ? encodeCursor(last.occurredAt, last.id) : null;
  return { items, nextCursor };
}

/** All mentions of a business in a window (reports; bounded by `max`). */
export async function loadMentions(
  db: Db,
  params: { businessId: string; from?: Date; to?: Date; max?: number; sourceIds?: string[] },
): Promise<Array<MentionRecord & { occurredAt: Date }>> {
  const conds = [eq(mentions.businessId, params.businessId)];
  if (params.from) conds.push(gte(mentions.occurredAt, params.from));
  if (params.to) conds.push(lt(mentions.occurredAt, params.to));
  if (params.sourceIds?.length) conds.push(sql`${mentions.sourceId} in ${params.sourceIds}`);
  const rows = await db
    .select(mentionColumns)
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .leftJoin(analyses, eq(analyses.mentionId, mentions.id))
    .where(and(...conds))
    .orderBy(desc(mentions.occurredAt), desc(mentions.id))
    .limit(params.max ?? 50_000);
  return rows.map((r) => toRecord(r as MentionRow));
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
    await refreshRollups(tx as unknown as Db, { sourceId: params.sourceId, days: gone.map((g) => utcDay(g.occurredAt)) });
    return gone.length;
  });
}
