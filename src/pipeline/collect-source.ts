import { FetchError } from "../collect/fetch/errors.ts";
import { getAdapter } from "../collect/index.ts";
import type { CollectContext, CollectResult, Fetcher, SourceKind } from "../collect/types.ts";
import { ParseError } from "../collect/types.ts";
import type { Db } from "../db/client.ts";
import { type UpsertResult, upsertMentions } from "../db/queries/mentions.ts";
import {
  abandonRuns,
  acquireLease,
  findSource,
  finishRun,
  recordSourceOutcome,
  releaseLease,
  startRun,
} from "../db/queries/sources.ts";
import type { Logger } from "../logger.ts";
import { PermanentJobError, PostponeJobError } from "../queue/types.ts";
import { prepareMention } from "./prepare.ts";

export interface CollectDeps {
  db: Db;
  fetcher: Fetcher;
  log: Logger;
  pseudonymSecret: string;
  credentials?: CollectContext["credentials"];
  maxPages?: number;
  /** How long a worker holds a source before another may take it over. */
  leaseMs?: number;
  now?: () => Date;
  /** Called after mentions are written (rollups, alert rules). */
  afterWrite?: (event: { businessId: string; sourceId: string; result: UpsertResult }) => Promise<void>;
}

export interface CollectSummary {
  status: "ok" | "not_modified" | "skipped";
  coverage?: CollectResult["coverage"];
  /** Aggregate ratings the source declares (schema.org AggregateRating, platform totals). */
  ratings?: CollectResult["ratings"];
  runId?: string;
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * One collection of one source: adapter → analysis → idempotent upsert → run record.
 * Safe to run twice (upserts on the natural key) and never concurrently for one
 * source (lease). Errors are recorded on the source and the run, then rethrown
 * so the queue decides: retry, postpone (Retry-After) or give up.
 */
export async function collectSource(
  deps: CollectDeps,
  job: { sourceId: string; trigger: "schedule" | "manual" | "diagnostic"; jobId: string },
): Promise<CollectSummary> {
  const { db, log } = deps;
  const source = await findSource(db, job.sourceId);
  if (!source) throw new PermanentJobError(`source ${job.sourceId} no longer exists`);
  const empty = { fetched: 0, inserted: 0, updated: 0, unchanged: 0 };
  if (!source.enabled && job.trigger === "schedule") return { status: "skipped", ...empty };

  const owner = job.jobId || `adhoc:${Date.now()}`;
  if (!(await acquireLease(db, { sourceId: source.id, owner, ttlMs: deps.leaseMs ?? 10 * 60_000 }))) {
    log.info({ sourceId: source.id }, "another worker is collecting this source; skipped");
    return { status: "skipped", ...empty };
  }
  // We hold the lease: a run still marked running was cut short by a worker that died.
  await abandonRuns(db, { sourceId: source.id });
  const run = await startRun(db, { sourceId: source.id, jobId: owner, trigger: job.trigger });
  try {
    const adapter = getAdapter(source.kind as SourceKind);
    const ctx: CollectContext = {
      fetcher: deps.fetcher,
      now: deps.now?.() ?? new Date(),
      maxPages: deps.maxPages,
      credentials: deps.credentials,
    };
    const result = await adapter.collect(
      { id: source.id, kind: source.kind as SourceKind, url: source.url, query: source.query, options: source.options },
      source.state,
      ctx,
    );
    const rows = result.mentions.map((m) =>
      prepareMention(m, { sourceKind: source.kind, pseudonymSecret: deps.pseudonymSecret }),
    );
    const written = await upsertMentions(db, {
      businessId: source.businessId,
      sourceId: source.id,
      rows,
      now: ctx.now,
    });
    const notModified = result.mentions.length === 0 && result.nextState.notModified === true;
    const status = notModified ? "not_modified" : "ok";
    const warnings = [...(result.warnings ?? [])];
    // Alert rules run before the run is marked finished, so "finished" means everything is done;
    // a failing rule is reported on the run and does not undo (or re-run) the collection.
    if (deps.afterWrite && written.inserted + written.updated > 0) {
      try {
        await deps.afterWrite({ businessId: source.businessId, sourceId: source.id, result: written });
      } catch (err) {
        log.error({ sourceId: source.id, err: describe(err) }, "post-ingest step failed");
        warnings.push(`post-ingest step failed: ${describe(err)}`);
      }
    }
    await recordSourceOutcome(db, { sourceId: source.id, status, state: result.nextState });
    await finishRun(db, run.id, {
      status,
      fetched: result.mentions.length,
      inserted: written.inserted,
      updated: written.updated,
      unchanged: written.unchanged,
      errors: warnings,
      coverage: result.coverage,
    });
    log.info(
      {
        sourceId: source.id,
        runId: run.id,
        fetched: result.mentions.length,
        inserted: written.inserted,
        updated: written.updated,
      },
      "source collected",
    );
    return {
      status,
      runId: run.id,
      fetched: result.mentions.length,
      ...pick(written),
      coverage: result.coverage,
      ratings: result.ratings ?? [],
    };
  } catch (err) {
    const message = describe(err);
    await recordSourceOutcome(db, { sourceId: source.id, status: "error", error: message });
    await finishRun(db, run.id, { status: "error", errors: [message] });
    log.warn({ sourceId: source.id, runId: run.id, err: message }, "collection failed");
    if (err instanceof FetchError && err.code === "rate_limited") {
      throw new PostponeJobError(Math.max(1_000, err.retryAfterMs ?? 60_000), message);
    }
    if ((err instanceof FetchError && !err.retryable) || err instanceof ParseError) {
      throw new PermanentJobError(message);
    }
    throw err;
  } finally {
    await releaseLease(db, { sourceId: source.id, owner });
  }
}

const pick = (r: UpsertResult) => ({ inserted: r.inserted, updated: r.updated, unchanged: r.unchanged });

function describe(err: unknown): string {
  if (err instanceof FetchError || err instanceof ParseError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
