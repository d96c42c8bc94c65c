import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetcher, parseDocument } from "../../../src/collect/index.ts";
import type { SourceKind } from "../../../src/collect/types.ts";
import { type FixtureServer, startFixtureServer } from "../../helpers/fixture-server.ts";
import { type Check, checkRow, fixturesRoot, formatFailures, readManifest, summarise } from "../../helpers/manifest.ts";

// The MANIFEST corpus again, but fetched over HTTP from 127.0.0.1 through the
// real fetch layer: content type from the server (no charset), gzip as stored.
const KIND_BY_ROW: Record<string, SourceKind | undefined> = { html: "web", feeds: "feed", api: undefined };

let server: FixtureServer;
const fetcher = createFetcher({ allowHosts: ["127.0.0.1"], hostIntervalMs: 0, maxBytes: 32 * 1024 * 1024 });
const rows = readManifest();
const checks: Check[] = [];

beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot());
});
afterAll(async () => {
  await server?.close();
  await fetcher.close();
});

describe("MANIFEST corpus over HTTP", () => {
  it("fetches and parses every row", async () => {
    for (const row of rows) {
      const res = await fetcher.fetch({ url: new URL(row.path, server.base).toString() });
      expect(res.status).toBe(200);
      expect(res.contentType ?? "").not.toMatch(/charset/i);
      const t0 = performance.now();
      try {
        const doc = parseDocument({
          body: res.body,
          url: res.url,
          contentType: res.contentType,
          kind: KIND_BY_ROW[row.kind],
        });
        checks.push(...checkRow(row, { ok: true, doc, ms: performance.now() - t0 }));
      } catch (error) {
        checks.push(...checkRow(row, { ok: false, error, ms: performance.now() - t0 }));
      }
    }
    const summary = summarise(checks);
    for (const s of summary) console.log(`http ${s.kind}: ${s.passed}/${s.total} (${(s.rate * 100).toFixed(1)}%)`);
    const failures = formatFailures(checks);
    expect(
      checks.filter((c) => c.key.startsWith("(no crash")).every((c) => c.ok),
      failures,
    ).toBe(true);
    for (const s of summary) expect(s.rate, failures).toBeGreaterThanOrEqual(0.95);
  });
});
