import { discoverSourcesFromUrl, type ProposedSource } from "../collect/discover.ts";
import type { CollectContext, Fetcher, SourceKind } from "../collect/types.ts";
import type { Db } from "../db/client.ts";
import { createBusiness } from "../db/queries/businesses.ts";
import { type DiagnosticRequest, getDiagnostic, updateDiagnostic } from "../db/queries/diagnostics.ts";
import { loadMentions } from "../db/queries/mentions.ts";
import { createSource, type Source } from "../db/queries/sources.ts";
import type { Logger } from "../logger.ts";
import { computeDiagnostic } from "../reports/diagnostic/index.ts";
import type { DiagnosticInput, DiagnosticReport, DiagnosticSourceInput } from "../reports/diagnostic/types.ts";
import { type CollectSummary, collectSource } from "./collect-source.ts";

/** Kinds that need an operator's API key or account; without one they are listed, not collected. */
const NEEDS_CREDENTIALS: readonly SourceKind[] = ["google-places", "yelp", "tripadvisor", "bluesky"];

export interface DiagnoseDeps {
  db: Db;
  fetcher: Fetcher;
  log: Logger;
  pseudonymSecret: string;
  credentials?: CollectContext["credentials"];
  now?: () => Date;
  /** Total time for discovery and collection; what is not done by then is reported as not covered. */
  budgetMs?: number;
  maxPages?: number;
}

interface Target {
  businessId: string;
  name: string;
  website?: string;
  urls: string[];
}

interface Collected {
  sources: DiagnosticSourceInput[];
  ratings: NonNullable<DiagnosticInput["aggregateRatings"]>;
  notes: string[];
}

const METHOD = {
  fr: "Avis et mentions publics collectés automatiquement, une fois, sur les pages et sources indiquées (balisage schema.org, flux, API publiques). Tous les avis trouvés sont conservés : aucun n'a été filtré ni écarté selon sa note.",
  en: "Public reviews and mentions collected automatically, once, from the pages and sources given (schema.org markup, feeds, public APIs). Every review found is kept: none was filtered or left out because of its rating.",
};

/**
 * The `diagnose` job: discover sources from the given URLs, collect each once
 * within a time budget, analyse (at ingest), compute and store the report.
 */
export async function runDiagnostic(deps: DiagnoseDeps, diagnosticId: string): Promise<DiagnosticReport> {
  const { db, log } = deps;
  const row = await getDiagnostic(db, diagnosticId);
  if (row.status === "done" && row.report) return row.report as unknown as DiagnosticReport;
  const request = row.request as unknown as DiagnosticRequest;
  const now = deps.now?.() ?? new Date();
  const deadline = Date.now() + (deps.budgetMs ?? 45_000);
  await updateDiagnostic(db, diagnosticId, { status: "running" });
  try {
    const businessId =
      row.businessId ?? (await createBusiness(db, { name: request.businessName, website: request.website ?? null })).id;
    if (!row.businessId) await updateDiagnostic(db, diagnosticId, { businessId });
    const main: Target = { businessId, name: request.businessName, website: request.website, urls: request.urls };
    const competitorTargets = await Promise.all(
      request.competitors.map(async (c) => ({
        businessId: (await createBusiness(db, { name: c.name || c.urls[0] || "?", competitorOf: businessId })).id,
        name: c.name,
        urls: c.urls,
      })),
    );
    const [mine, ...theirs] = await Promise.all(
      [main, ...competitorTargets].map((t) => collectTarget(deps, t, diagnosticId, deadline)),
    );
    const competitors = await Promise.all(
      competitorTargets.map(async (t, i) => ({
        name: t.name,
        mentions: await loadMentions(db, { businessId: t.businessId }),
        sources: theirs[i]!.sources,
        aggregateRatings: theirs[i]!.ratings,
      })),
    );
    const report = computeDiagnostic({
      business: { name: request.businessName, website: request.website ?? null },
      locale: request.locale,
      now,
      mentions: await loadMentions(db, { businessId }),
      sources: mine!.sources,
      aggregateRatings: mine!.ratings,
      competitors,
      collectedAt: now,
      method: { description: [METHOD[request.locale], ...mine!.notes].join(" ") },
    });
    await updateDiagnostic(db, diagnosticId, {
      status: "done",
      report: report as unknown as Record<string, unknown>,
      finishedAt: new Date(),
    });
    log.info(
      { diagnosticId, mentions: report.coverage.mentions, sources: report.coverage.sources.length },
      "diagnostic done",
    );
    return report;
  } catch (err) {
    await updateDiagnostic(db, diagnosticId, {
      status: "failed",
      error: err instanceof Error ? err.message : String(err),
      finishedAt: new Date(),
    });
    throw err;
  }
}

async function collectTarget(deps: DiagnoseDeps, target: Target, jobKey: string, deadline: number): Promise<Collected> {
  const { db, log } = deps;
  const out: Collected = { sources: [], ratings: [], notes: [] };
  const urls = [...new Set([target.website, ...target.urls].filter((u): u is string => Boolean(u)))];
  const proposals = (
    await Promise.all(
      urls.map((url) =>
        withDeadline(discoverSourcesFromUrl(deps.fetcher, url), deadline).then((d) => {
          if (!d) return [{ kind: "web", url, reason: "not reached in time", confidence: "high" } as ProposedSource];
          const useful = d.sources.filter((s) => s.confidence !== "low");
          return useful.length > 0
            ? useful
            : [{ kind: "web", url, reason: "page given", confidence: "high" } as ProposedSource];
        }),
      ),
    )
  ).flat();
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const p of proposals) {
    const key = `${p.kind}|${p.url ?? ""}|${p.query ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (NEEDS_CREDENTIALS.includes(p.kind) && !deps.credentials?.[p.kind]) {
      out.notes.push(
        `${p.kind} (${p.url ?? p.query}): found, not collected (needs an API key configured by the operator).`,
      );
      continue;
    }
    sources.push(
      await createSource(db, {
        businessId: target.businessId,
        kind: p.kind,
        url: p.url ?? null,
        query: p.query ?? null,
        options: p.options ?? {},
        schedule: null,
      }),
    );
  }
  await Promise.all(
    sources.map(async (s) => {
      let summary: CollectSummary | undefined;
      let failure: string | undefined;
      try {
        summary = await withDeadline(
          collectSource(
            {
              db,
              fetcher: deps.fetcher,
              log,
              pseudonymSecret: deps.pseudonymSecret,
              credentials: deps.credentials,
              maxPages: deps.maxPages ?? 5,
            },
            { sourceId: s.id, trigger: "diagnostic", jobId: `diag:${jobKey}:${s.id}` },
          ),
          deadline,
        );
        if (!summary) failure = "not finished within the time budget";
      } catch (err) {
        failure = err instanceof Error ? err.message : String(err);
      }
      if (failure) out.notes.push(`${s.url ?? s.query}: ${failure}.`);
      out.sources.push({
        id: s.id,
        url: s.url ?? s.query ?? "",
        kind: s.kind as SourceKind,
        found: (summary?.inserted ?? 0) + (summary?.updated ?? 0) + (summary?.unchanged ?? 0),
        reported: summary?.coverage?.reported ?? null,
        cap: summary?.coverage?.cap ?? null,
      });
      for (const r of summary?.ratings ?? []) {
        if (r.count === 0 && r.value === 0) continue;
        out.ratings.push({ sourceId: s.id, value: r.value, best: r.best, worst: r.worst, count: r.count ?? null });
      }
    }),
  );
  return out;
}

async function withDeadline<T>(p: Promise<T>, deadline: number): Promise<T | undefined> {
  const left = deadline - Date.now();
  if (left <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), left)))]);
  } finally {
    clearTimeout(timer);
  }
}
