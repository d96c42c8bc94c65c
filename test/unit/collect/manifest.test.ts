import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/collect/index.ts";
import type { SourceKind } from "../../../src/collect/types.ts";
import {
  type Check,
  checkRow,
  formatFailures,
  type Outcome,
  readFixture,
  readManifest,
  summarise,
} from "../../helpers/manifest.ts";

// Every MANIFEST row is parsed from its bytes and compared with its `expected`
// keys. Rows are iterated generically so FIXTURES_DIR can point at another set.
const CONTENT_TYPES: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  xml: "application/xml",
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/json",
};
const KIND_BY_ROW: Record<string, SourceKind | undefined> = { html: "web", feeds: "feed", api: undefined };
const THRESHOLD = 0.95;

const rows = readManifest();
const checks: Check[] = [];

function run(path: string, body: Uint8Array, kind: SourceKind | undefined): Outcome {
  const ext = path.split(".").pop()?.toLowerCase() ?? "";
  const t0 = performance.now();
  try {
    const doc = parseDocument({ body, url: `http://127.0.0.1/${path}`, contentType: CONTENT_TYPES[ext], kind });
    return { ok: true, doc, ms: performance.now() - t0 };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - t0 };
  }
}

describe("MANIFEST corpus, parsed from bytes", () => {
  it.each(rows.map((r) => [r.path, r] as const))("%s", (_path, row) => {
    const body = readFixture(row);
    const outcome = run(row.path, body, KIND_BY_ROW[row.kind]);
    const rowChecks = checkRow(row, outcome);
    checks.push(...rowChecks);
    // Crashes (untyped errors) and slow parses fail the row outright; value
    // mismatches are counted against the per-kind threshold below.
    expect(rowChecks[0]?.ok, `${row.path}: ${rowChecks[0]?.actual}`).toBe(true);
  });

  it("auto-detection (no kind) reads feeds and API bodies as the same format", () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      if (row.kind === "html") continue;
      const withKind = run(row.path, readFixture(row), KIND_BY_ROW[row.kind]);
      const auto = run(row.path, readFixture(row), undefined);
      if (withKind.ok && (!auto.ok || auto.doc.format !== withKind.doc.format))
        mismatches.push(`${row.path}: ${withKind.doc.format} vs ${auto.ok ? auto.doc.format : String(auto.error)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it(`passes at least ${THRESHOLD * 100}% of expectations per kind`, () => {
    const summary = summarise(checks);
    for (const s of summary) console.log(`${s.kind}: ${s.passed}/${s.total} (${(s.rate * 100).toFixed(1)}%)`);
    const failures = formatFailures(checks);
    if (failures) console.log(`failures:\n${failures}`);
    expect(summary.length).toBeGreaterThan(0);
    for (const s of summary) expect(s.rate, `${s.kind}\n${failures}`).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
