import { AppError } from "../../errors.ts";
import { parseDocument } from "../parse/parse-document.ts";
import type { ParseResult } from "../parse/result.ts";
import type {
  CollectContext,
  CollectResult,
  Coverage,
  FetchRequest,
  FetchResponse,
  RawMention,
  SourceKind,
  SourceSpec,
  SourceState,
} from "../types.ts";

/** Pages (requests) one run may spend when the caller sets no budget. */
export const DEFAULT_MAX_PAGES = 5;
/** How many already-seen ids the state remembers; feeds and listings move past older ones. */
export const SEEN_IDS_CAP = 2000;

export function pageBudget(ctx: CollectContext): number {
  return Math.max(1, Math.floor(ctx.maxPages ?? DEFAULT_MAX_PAGES));
}

export async function fetchAndParse(
  ctx: CollectContext,
  req: FetchRequest,
  kind: SourceKind,
): Promise<{ res: FetchResponse; doc?: ParseResult }> {
  const res = await ctx.fetcher.fetch(req);
  if (res.notModified || res.status === 304) return { res };
  const doc = parseDocument({
    body: res.body,
    url: res.url,
    contentType: res.contentType ?? res.headers["content-type"],
    kind,
  });
  return { res, doc };
}

export function option(source: SourceSpec, name: string): string | undefined {
  const v = source.options?.[name];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : undefined;
}

/** API base URL: the documented host unless the source overrides it (self-hosted, tests). */
export function apiBase(source: SourceSpec, fallback: string): string {
  return (option(source, "apiBase") ?? fallback).replace(/\/+$/, "");
}

export function credential(ctx: CollectContext, kind: SourceKind, name: string): string | undefined {
  const v = ctx.credentials?.[kind]?.[name];
  return v && v.trim() !== "" ? v : undefined;
}

export function requireCredential(ctx: CollectContext, kind: SourceKind, name: string): string {
  const v = credential(ctx, kind, name);
  if (!v) throw new AppError("unauthorized", `the ${kind} collector needs the "${name}" credential in configuration`);
  return v;
}

export function seenIds(state: SourceState): Set<string> {
  const v = state.seenIds;
  return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
}

/** Newest ids first, so the cap drops the oldest. */
export function rememberIds(fresh: RawMention[], previous: Set<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of [...fresh.map((m) => m.externalId), ...previous]) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    if (out.length >= SEEN_IDS_CAP) break;
  }
  return out;
}

export function onlyNew(mentions: RawMention[], seen: Set<string>): RawMention[] {
  const out: RawMention[] = [];
  const batch = new Set<string>();
  for (const m of mentions) {
    if (seen.has(m.externalId) || batch.has(m.externalId)) continue;
    batch.add(m.externalId);
    out.push(m);
  }
  return out;
}

export function latestDate(mentions: RawMention[], previous: unknown): string | undefined {
  let best = typeof previous === "string" ? previous : undefined;
  for (const m of mentions) if (m.publishedAt && (!best || m.publishedAt > best)) best = m.publishedAt;
  return best;
}

export function coverage(seen: number, reported?: number, cap?: string): Coverage {
  return { seen, ...(reported !== undefined ? { reported } : {}), ...(cap ? { cap } : {}) };
}

export function done(
  mentions: RawMention[],
  nextState: SourceState,
  cov: Coverage,
  extra: Pick<CollectResult, "ratings" | "warnings"> = {},
): CollectResult {
  return {
    mentions,
    nextState: { ...nextState, notModified: false },
    coverage: cov,
    ...(extra.ratings && extra.ratings.length > 0 ? { ratings: extra.ratings } : {}),
    ...(extra.warnings && extra.warnings.length > 0 ? { warnings: extra.warnings } : {}),
  };
}

export function withQuery(url: string, params: Record<string, string | number | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") u.searchParams.set(k, String(v));
  return u.toString();
}
