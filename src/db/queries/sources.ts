import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { SourceState } from "../../collect/types.ts";
import { notFound } from "../../errors.ts";
import type { Db } from "../client.ts";
import { collectionRuns, sources } from "../schema/index.ts";

export type Source = typeof sources.$inferSelect;
export type CollectionRun = typeof collectionRuns.$inferSelect;

export async function createSource(
  db: Db,
  params: {
    businessId: string;
    kind: string;
    url?: string | null;
    query?: string | null;
    schedule?: string | null;
    options?: Record<string, unknown>;
  },
): Promise<Source> {
  const [row] = await db
    .insert(sources)
    .values({
      businessId: params.businessId,
      kind: params.kind,
      url: params.url ?? null,
      query: params.query ?? null,
      schedule: params.schedule ?? null,
      options: params.options ?? {},
    })
    .returning();
  return row!;
}

export async function getSource(db: Db, id: string): Promise<Source> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  if (!row) throw notFound("source");
  return row;
}

export async function findSource(db: Db, id: string): Promise<Source | undefined> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  return row;
}

export async function listSources(db: Db, params: { businessId: string }): Promise<Source[]> {
  return db.select().from(sources).where(eq(sources.businessId, params.businessId)).orderBy(asc(sources.createdAt));
}

/** Every enabled source with a schedule: what the workers register at boot. */
export async function listScheduledSources(db: Db): Promise<Source[]> {
  return db
    .select()
    .from(sources)
    .where(and(eq(sources.enabled, true), sql`${sources.schedule} is not null`));
}

export async function updateSource(
  db: Db,
  id: string,
  patch: Partial<Pick<Source, "url" | "query" | "schedule" | "enabled" | "options">>,
): Promise<Source> {
  const [row] = await db.update(sources).set(patch).where(eq(sources.id, id)).returning();
  if (!row) throw notFound("source");
  return row;
}

export async function deleteSource(db: Db, id: string): Promise<void> {
  const rows = await db.delete(sources).where(eq(sources.id, id)).returning({ id: sources.id });
  if (rows.length === 0) throw notFound("source");
}

/**
 * Take the source's lease. Two workers never collect one source at once; a job
 * redelivered after its worker died gets its own lease back (same owner).
 */
export async function acquireLease(db: Db, params: { sourceId: string; owner: string; ttlMs: number }) {
  const rows = await db
    .update(sources)
    .set({ leaseOwner: params.owner, leaseUntil: sql`now() + ${`${params.ttlMs} milliseconds`}::interval` })
    .where(
      and(
        eq(sources.id, params.sourceId),
        or(isNull(sources.leaseUntil), lt(sources.leaseUntil, sql`now()`), eq(sources.leaseOwner, params.owner)),
      ),
    )
    .returning({ id: sources.id });
  return rows.length === 1;
}

export async function releaseLease(db: Db, params: { sourceId: string; owner: string }) {
  await db
    .update(sources)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(sources.id, params.sourceId), eq(sources.leaseOwner, params.owner)));
}

export async function recordSourceOutcome(
  db: Db,
  params: { sourceId: string; status: "ok" | "not_modified" | "error"; error?: string; state?: SourceState },
) {
  const failed = params.status === "error";
  await db
    .update(sources)
    .set({
      lastRunAt: sql`now()`,
      lastStatus: params.status,
      lastError: failed ? (params.error ?? "unknown error") : null,
      consecutiveFailures: failed ? sql`${sources.consecutiveFailures} + 1` : 0,
      health: failed
        ? sql`case when ${sources.consecutiveFailures} + 1 >= 3 then 'failing' else 'degraded' end`
        : "healthy",
      ...(params.state ? { state: params.state } : {}),
    })
    .where(eq(sources.id, params.sourceId));
}

export async function startRun(
  db: Db,
  params: { sourceId: string; jobId: string; trigger: CollectionRun["trigger"] },
): Promise<CollectionRun> {
  const [row] = await db.insert(collectionRuns).values(params).returning();
  return row!;
}

export async function finishRun(
  db: Db,
  id: string,
  patch: Pick<CollectionRun, "status"> &
    Partial<Pick<CollectionRun, "fetched" | "inserted" | "updated" | "unchanged" | "errors" | "coverage">>,
) {
  await db
    .update(collectionRuns)
    .set({ ...patch, finishedAt: sql`now()` })
    .where(eq(collectionRuns.id, id));
}

export async function listRuns(db: Db, params: { sourceId: string; limit: number }): Promise<CollectionRun[]> {
  return db
    .select()
    .from(collectionRuns)
    .where(eq(collectionRuns.sourceId, params.sourceId))
    .orderBy(sql`${collectionRuns.startedAt} desc`)
    .limit(params.limit);
}

/** Mark runs left "running" by a worker that died as errors (called by the lease holder). */
export async function abandonRuns(db: Db, params: { sourceId: string }) {
  await db
    .update(collectionRuns)
    .set({ status: "error", errors: ["interrupted: the worker stopped before finishing"], finishedAt: sql`now()` })
    .where(and(eq(collectionRuns.sourceId, params.sourceId), eq(collectionRuns.status, "running")));
}
