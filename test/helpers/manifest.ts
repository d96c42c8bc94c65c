import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface ManifestRow {
  path: string;
  kind: string;
  what: string;
  expected: Record<string, string>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The corpus root; FIXTURES_DIR points the same tests at another set with the same layout. */
export function fixturesRoot(): string {
  return process.env.FIXTURES_DIR ? resolve(process.env.FIXTURES_DIR) : resolve(repoRoot, "../shared/fixtures/real");
}

export function parseExpected(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of s.split(";")) {
    if (!kv.trim()) continue;
    const i = kv.indexOf("=");
    if (i < 0) out[kv.trim()] = "true";
    else out[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
  }
  return out;
}

export function readManifest(root = fixturesRoot()): ManifestRow[] {
  const lines = readFileSync(join(root, "MANIFEST.tsv"), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = (lines[0] ?? "").split("\t");
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const f = line.split("\t");
    return {
      path: f[col("path")] ?? "",
      kind: f[col("kind")] ?? "",
      what: f[col("what")] ?? "",
      expected: parseExpected(f[col("expected")] ?? ""),
    };
  });
}

export function readFixture(row: ManifestRow, root = fixturesRoot()): Uint8Array {
  return new Uint8Array(readFileSync(join(root, row.path)));
}

/** What parsing one file gave: the result, or the error it threw. */
export type Outcome = { ok: true; doc: ParsedLike; ms: number } | { ok: false; error: unknown; ms: number };

export interface ParsedLike {
  format: string;
  ratings: Array<{ value: number; best: number; count?: number }>;
  mentions: Array<{ externalId: string; lang?: string }>;
  warnings?: string[];
  paging?: { next?: string; total?: number };
  details?: Record<string, unknown>;
}

export interface Check {
  file: string;
  kind: string;
  key: string;
  expected: string;
  actual: string;
  ok: boolean;
}

type AggValues = { ratingValue?: number; reviewCount?: number; ratingCount?: number; bestRating?: number };
type Counts = Record<string, { reviews: number; aggregates: AggValues[] }>;

const ABSENT = new Set(["-", "null", ""]);

function sameValue(expected: string, actual: unknown): boolean {
  if (ABSENT.has(expected)) return actual === undefined || actual === null;
  if (actual === undefined || actual === null) return false;
  const en = Number(expected);
  if (!Number.isNaN(en) && expected.trim() !== "") {
    const an = typeof actual === "number" ? actual : Number(actual);
    return Math.abs(an - en) <= 1e-9;
  }
  return String(actual) === expected;
}

function sameList(expected: string, actual: unknown[]): boolean {
  const parts = expected.split("|");
  return parts.length === actual.length && parts.every((p, i) => sameValue(p, actual[i]));
}

function show(v: unknown): string {
  if (v === undefined) return "undefined";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function isTypedParseError(e: unknown): e is { name: string; code: string } {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { name?: string }).name === "ParseError" &&
    typeof (e as { code?: unknown }).code === "string"
  );
}

const HTML_SYNTAX_KEYS = /^(reviews|agg|ratingValue|reviewCount|ratingCount|bestRating)_(ld|md|rdfa)$/;
const REPAIRED_KEYS = /^(ratingValue|reviewCount|ratingCount|bestRating)_ld_if_repaired$/;

function htmlActual(key: string, doc: ParsedLike): { handled: boolean; ok?: boolean; actual?: unknown } {
  const d = doc.details ?? {};
  const counts = (d.counts ?? {}) as Counts;
  const simple: Record<string, unknown> = {
    ld_blocks: d.ldBlocks,
    ld_invalid: d.ldInvalid,
    ld_raw_control_chars: d.ldRawControlChars,
  };
  if (key in simple) return { handled: true, actual: simple[key] };
  const m = HTML_SYNTAX_KEYS.exec(key) ?? REPAIRED_KEYS.exec(key);
  if (m) {
    const field = m[1] as string;
    const syn = REPAIRED_KEYS.test(key) ? "ldRepaired" : (m[2] as string);
    const c = counts[syn] ?? { reviews: 0, aggregates: [] };
    if (field === "reviews") return { handled: true, actual: c.reviews };
    if (field === "agg") return { handled: true, actual: c.aggregates.length };
    return { handled: true, actual: c.aggregates.map((a) => a[field as keyof AggValues] ?? null) };
  }
  if (key === "ratingValue_normalized_to_5")
    return { handled: true, actual: doc.ratings.map((r) => (r.value / r.best) * 5) };
  if (key === "next_data") return { handled: true, actual: d.nextData };
  if (key === "truncated") return { handled: true, actual: d.truncated };
  if (key === "malformed") return { handled: true, actual: Number(d.ldInvalid) > 0 && (doc.warnings?.length ?? 0) > 0 };
  return { handled: false };
}

const API_KEYS = new Set([
  "statuses",
  "id",
  "media",
  "lang",
  "reblog",
  "event",
  "payload_is_string",
  "accounts",
  "hashtags",
  "collections",
  "posts",
  "feed",
  "hitsTotal",
  "cursor",
  "thread_type",
  "thread_replies",
  "kind",
  "children",
  "child_kinds",
  "after",
  "status",
  "reviews",
  "rating",
  "user_ratings_total",
  "review_count",
]);

function apiActual(key: string, doc: ParsedLike): unknown {
  const d = doc.details ?? {};
  switch (key) {
    case "reviews":
      return doc.mentions.length;
    case "rating":
      return doc.ratings[0]?.value ?? null;
    case "user_ratings_total":
    case "review_count":
      return doc.ratings[0]?.count ?? null;
    case "hitsTotal":
      return doc.paging?.total;
    case "cursor":
      return doc.paging?.next ? "present" : "absent";
    case "after":
      return doc.paging?.next ?? null;
    case "lang":
      return doc.mentions[0] ? (doc.mentions[0].lang ?? null) : d.lang;
    default:
      return d[key];
  }
}

/**
 * Compares one parse outcome with a MANIFEST row's `expected` keys that the
 * collectors implement; other keys are skipped. A thrown error passes only
 * when it is a typed ParseError and the row says the input is not a feed.
 */
export function checkRow(row: ManifestRow, outcome: Outcome): Check[] {
  const checks: Check[] = [];
  const add = (key: string, ok: boolean, actual: unknown) =>
    checks.push({ file: row.path, kind: row.kind, key, expected: row.expected[key] ?? "", actual: show(actual), ok });
  checks.push({
    file: row.path,
    kind: row.kind,
    key: "(no crash, < 2 s)",
    expected: "",
    actual: `${Math.round(outcome.ms)} ms`,
    ok: outcome.ms < 2000 && (outcome.ok || isTypedParseError(outcome.error)),
  });
  const exp = row.expected;

  if (row.kind === "feeds") {
    const notFeed = exp.format === "unknown";
    if (!outcome.ok) {
      const typed = isTypedParseError(outcome.error);
      const label = typed ? `ParseError(${(outcome.error as { code: string }).code})` : String(outcome.error);
      if ("format" in exp) add("format", notFeed && typed, label);
      if ("items" in exp) add("items", notFeed && typed && exp.items === "0", label);
      return checks;
    }
    const doc = outcome.doc;
    // feedparser does not know JSON Feed ("unknown"); reading one is a superset of its behaviour.
    const jsonFeedSuperset = notFeed && doc.format === "jsonfeed";
    if ("format" in exp) add("format", jsonFeedSuperset || doc.format === exp.format, doc.format);
    if ("items" in exp)
      add("items", jsonFeedSuperset || sameValue(exp.items as string, doc.details?.items), doc.details?.items);
    if (exp.gzip_magic === "true") add("gzip_magic", doc.details?.gzipped === true, doc.details?.gzipped);
    return checks;
  }

  if (!outcome.ok) {
    for (const key of Object.keys(exp)) add(key, false, `threw ${String(outcome.error)}`);
    return checks;
  }
  const doc = outcome.doc;
  for (const [key, value] of Object.entries(exp)) {
    if (row.kind === "html") {
      const r = htmlActual(key, doc);
      if (!r.handled) continue;
      if (key === "ratingValue_normalized_to_5") {
        const list = r.actual as number[];
        add(
          key,
          list.some((v) => sameValue(value, v)),
          list,
        );
      } else if (Array.isArray(r.actual)) add(key, sameList(value, r.actual), r.actual);
      else if (value === "true") add(key, r.actual === true, r.actual);
      else add(key, sameValue(value, r.actual), r.actual);
    } else if (row.kind === "api" && API_KEYS.has(key)) {
      const actual = apiActual(key, doc);
      if (key === "child_kinds") {
        const want = ABSENT.has(value) ? [] : value.split(/[|,]/).sort();
        const got = Array.isArray(actual) ? [...actual].map(String).sort() : [];
        add(key, want.join() === got.join(), got);
      } else add(key, sameValue(value, actual), actual);
    }
  }
  return checks;
}

export interface KindSummary {
  kind: string;
  passed: number;
  total: number;
  rate: number;
}

export function summarise(checks: Check[]): KindSummary[] {
  const kinds = [...new Set(checks.map((c) => c.kind))].sort();
  return kinds.map((kind) => {
    const list = checks.filter((c) => c.kind === kind);
    const passed = list.filter((c) => c.ok).length;
    return { kind, passed, total: list.length, rate: list.length ? passed / list.length : 1 };
  });
}

export function formatFailures(checks: Check[]): string {
  return checks
    .filter((c) => !c.ok)
    .map((c) => `${c.file} ${c.key}: expected ${c.expected} got ${c.actual}`)
    .join("\n");
}
