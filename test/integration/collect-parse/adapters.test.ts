import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetcher, discoverSourcesFromUrl, getAdapter } from "../../../src/collect/index.ts";
import type { CollectContext, SourceSpec } from "../../../src/collect/types.ts";
import { type FixtureServer, type Route, startFixtureServer } from "../../helpers/fixture-server.ts";
import { fixturesRoot, readManifest } from "../../helpers/manifest.ts";

// Adapters against a 127.0.0.1 server serving the real corpus files. API
// routes answer with real recorded bodies; where a test needs a second page,
// the route says so next to it.
const root = fixturesRoot();
const rows = readManifest(root);
const firstRow = (pred: (path: string, exp: Record<string, string>) => boolean) =>
  rows.find((r) => pred(r.path, r.expected));
const json = (path: string) => readFileSync(join(root, path), "utf8");

const timeline = firstRow(
  (p, e) => p.startsWith("api/") && Number(e.statuses ?? 0) > 1 && !("event" in e) && !("accounts" in e),
);
const listing = firstRow((_p, e) => e.kind === "Listing" && Number(e.children ?? 0) > 0);
const emptyListing = firstRow((_p, e) => e.kind === "Listing" && e.children === "0");
const reviewPage = firstRow((p, e) => p.startsWith("html/") && Number(e.reviews_ld ?? 0) > 5 && e.ld_invalid === "0");
const feedRow = firstRow((p, e) => p.startsWith("feeds/") && Number(e.items ?? 0) >= 5 && e.strict_xml === "true");

const routes: Route[] = [
  (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    if (!u.pathname.startsWith("/api/v1/timelines/tag/") || !timeline) return false;
    // Second run: nothing newer than since_id.
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(u.searchParams.has("since_id") ? "[]" : json(timeline.path));
    return true;
  },
  (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    if (u.pathname !== "/search.json" || !listing || !emptyListing) return false;
    // Page 1 is the recorded listing with an `after` cursor set; page 2 is the recorded empty listing.
    if (u.searchParams.get("after") === "t3_cursor")
      res.writeHead(200, { "content-type": "application/json" }).end(json(emptyListing.path));
    else {
      const body = JSON.parse(json(listing.path)) as { data: { after: string | null } };
      body.data.after = "t3_cursor";
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    }
    return true;
  },
];

let server: FixtureServer;
const fetcher = createFetcher({ allowHosts: ["127.0.0.1"], hostIntervalMs: 0, maxBytes: 32 * 1024 * 1024 });
const ctx = (): CollectContext => ({ fetcher, now: new Date("2026-01-01T00:00:00Z"), maxPages: 5 });
const spec = (s: Partial<SourceSpec> & Pick<SourceSpec, "kind">): SourceSpec => ({ id: "src-1", ...s });

beforeAll(async () => {
  server = await startFixtureServer(root, routes);
});
afterAll(async () => {
  await server?.close();
  await fetcher.close();
});

describe("feed adapter", () => {
  it.skipIf(!feedRow)("collects, then answers 304 with no mentions and the state kept", async () => {
    const source = spec({ kind: "feed", url: new URL(feedRow?.path ?? "", server.base).toString() });
    const first = await getAdapter("feed").collect(source, {}, ctx());
    expect(first.mentions.length).toBeGreaterThan(0);
    expect(first.nextState.etag).toBeTypeOf("string");
    const second = await getAdapter("feed").collect(source, first.nextState, ctx());
    expect(second.mentions).toEqual([]);
    expect(second.nextState.notModified).toBe(true);
    expect(second.nextState.etag).toBe(first.nextState.etag);
    const conditional = server.requests.filter((r) => r.path === `/${feedRow?.path}`).pop();
    expect(conditional?.headers["if-none-match"]).toBe(first.nextState.etag);
    // Without validators the feed is fetched again, and known items are not new.
    const third = await getAdapter("feed").collect(source, { seenIds: first.nextState.seenIds }, ctx());
    expect(third.mentions).toEqual([]);
  });
});

describe("web adapter", () => {
  it.skipIf(!reviewPage)("reads reviews and the aggregate rating from a real page", async () => {
    const source = spec({ kind: "web", url: new URL(reviewPage?.path ?? "", server.base).toString() });
    const r = await getAdapter("web").collect(source, {}, ctx());
    expect(r.mentions.length).toBeGreaterThan(0);
    expect(r.mentions.every((m) => m.kind === "review" && m.text.length > 0)).toBe(true);
    expect(r.ratings?.length ?? 0).toBeGreaterThan(0);
    expect(r.coverage.seen).toBe(r.mentions.length);
  });
});

describe("mastodon adapter", () => {
  it.skipIf(!timeline)("reads a tag timeline, then asks only for newer statuses", async () => {
    const source = spec({ kind: "mastodon", url: server.base.replace(/\/$/, ""), query: "#hoot" });
    const first = await getAdapter("mastodon").collect(source, {}, ctx());
    expect(first.mentions.length).toBe(Number(timeline?.expected.statuses));
    expect(first.nextState.sinceId).toBeTypeOf("string");
    const second = await getAdapter("mastodon").collect(source, first.nextState, ctx());
    expect(second.mentions).toEqual([]);
    const last = server.requests.filter((r) => r.path.startsWith("/api/v1/timelines/tag/")).pop();
    expect(last?.path).toContain(`since_id=${first.nextState.sinceId}`);
  });
});

describe("reddit adapter", () => {
  it.skipIf(!listing || !emptyListing)("follows the `after` cursor", async () => {
    const source = spec({ kind: "reddit", query: "praw", options: { apiBase: server.base } });
    const r = await getAdapter("reddit").collect(source, {}, ctx());
    expect(r.mentions.length).toBe(Number(listing?.expected.children));
    expect(server.requests.some((q) => q.path.includes("after=t3_cursor"))).toBe(true);
    const again = await getAdapter("reddit").collect(source, r.nextState, ctx());
    expect(again.mentions).toEqual([]);
  });
});

describe("discovery through the fetcher", () => {
  it.skipIf(!reviewPage)("proposes the page itself when it carries review markup", async () => {
    const result = await discoverSourcesFromUrl(fetcher, new URL(reviewPage?.path ?? "", server.base).toString());
    expect(result.sources.some((s) => s.kind === "web" && s.confidence === "high")).toBe(true);
  });
});
