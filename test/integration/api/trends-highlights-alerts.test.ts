import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app.ts";
import { createLogger } from "../../../src/logger.ts";
import { verifyWebhook } from "../../../src/reports/webhook.ts";
import { createRuntime, type Runtime } from "../../../src/runtime.ts";
import { startWorkers, type WorkerHandle } from "../../../workers/index.ts";
import { appWithKeys, call } from "../../helpers/app.ts";
import { serviceEnv } from "../../helpers/env.ts";
import { type FixtureServer, type Route, startFixtureServer } from "../../helpers/fixture-server.ts";
import { fixturesRoot, readManifest } from "../../helpers/manifest.ts";
import { pickFeed, waitFor } from "../../helpers/workers.ts";
import { parseStrictXml } from "../../unit/highlights/strict-xml.ts";

let rt: Runtime;
let app: App;
let admin: string;
let read: string;
let workers: WorkerHandle;
let server: FixtureServer;
let hooks: Server;
let hookUrl: string;
const received: Array<{ body: string; signature: string }> = [];

const COMPLAINTS = [
  "Service client injoignable, remboursement toujours pas reçu après trois relances. Scandaleux.",
  "Attente interminable au téléphone puis on me raccroche au nez. Très déçu, je résilie.",
  "Rude staff, cold food and we waited an hour. Never again, a total rip-off.",
  "Colis perdu, aucune réponse du SAV, c'est une arnaque. Fuyez !",
];

/** `/generated/<batch>.xml`: an RSS feed of fresh complaints (what a spike looks like). */
const generatedFeed: Route = async (req, res) => {
  const m = /^\/generated\/(\w+)\.xml$/.exec(new URL(req.url ?? "/", "http://x").pathname);
  if (!m) return false;
  const now = Date.now();
  const items = Array.from({ length: 12 }, (_, i) => {
    const date = new Date(now - i * 60_000).toUTCString();
    return `<item><guid>${m[1]}-${i}</guid><title>Avis ${i}</title><description>${COMPLAINTS[i % COMPLAINTS.length]}</description><pubDate>${date}</pubDate></item>`;
  }).join("");
  res.writeHead(200, { "content-type": "application/rss+xml" });
  res.end(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Avis</title><link>http://x/</link><description>d</description>${items}</channel></rss>`,
  );
  return true;
};

beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot(), [generatedFeed]);
  hooks = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      received.push({ body, signature: String(req.headers["x-reputation-signature"] ?? "") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => hooks.listen(0, "127.0.0.1", ok));
  hookUrl = `http://127.0.0.1:${(hooks.address() as { port: number }).port}/hook`;
  rt = await createRuntime(serviceEnv(), createLogger("silent"));
  ({ app, admin, read } = await appWithKeys(rt));
  workers = await startWorkers(rt);
});
afterAll(async () => {
  await workers.close();
  await rt.close();
  await server.close();
  await new Promise((ok) => hooks.close(ok));
});

async function collect(sourceId: string, runs: number) {
  expect((await call(app, admin, "POST", `/v1/sources/${sourceId}/collect`)).status).toBe(202);
  await waitFor(async () => {
    const r = (await (await call(app, read, "GET", `/v1/sources/${sourceId}/runs`)).json()) as {
      items: Array<{ status: string }>;
    };
    return r.items.filter((x) => x.status !== "running").length >= runs;
  }, 30_000);
}

async function allMentions(businessId: string) {
  let cursor = "";
  let n = 0;
  do {
    const page = (await (
      await call(
        app,
        read,
        "GET",
        `/v1/businesses/${businessId}/mentions?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
      )
    ).json()) as { items: unknown[]; nextCursor: string | null };
    n += page.items.length;
    cursor = page.nextCursor ?? "";
  } while (cursor);
  return n;
}

describe("a business followed through the API", () => {
  it("monthly trends add up to its mentions; highlights come out in five valid formats", async () => {
    const reddit = readManifest().find(
      (r) => r.kind === "feeds" && /reddit/i.test(r.path + r.what) && Number(r.expected.items) > 5,
    );
    const feed = reddit ?? pickFeed();
    const b = (await (await call(app, admin, "POST", "/v1/businesses", { name: "Trend Co" })).json()) as { id: string };
    const s = (await (
      await call(app, admin, "POST", `/v1/businesses/${b.id}/sources`, {
        kind: "feed",
        url: `${server.base}${feed.path}`,
      })
    ).json()) as { id: string };
    await collect(s.id, 1);
    const total = await allMentions(b.id);
    expect(total).toBe(Number(feed.expected.items));

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const trends = (await (
      await call(
        app,
        read,
        "GET",
        `/v1/businesses/${b.id}/trends?bucket=month&from=2000-01-01&to=${tomorrow}&compare=previous`,
      )
    ).json()) as { series: Array<{ count: number; t: string }>; totals: { count: number }; delta: { count: number } };
    expect(trends.series.reduce((n, p) => n + p.count, 0)).toBe(total);
    expect(trends.totals.count).toBe(total);
    expect(trends.delta.count).toBe(total);

    const q = `from=2000-01-01T00:00:00Z&to=${new Date(Date.now() + 60_000).toISOString()}&limit=50`;
    const json = (await (await call(app, read, "GET", `/v1/businesses/${b.id}/highlights?${q}`)).json()) as {
      items: Array<{ id: string; type: string }>;
    };
    expect(json.items.length).toBeGreaterThan(0);
    const again = (await (
      await call(app, read, "GET", `/v1/businesses/${b.id}/highlights?${q}`)
    ).json()) as typeof json;
    expect(again.items.map((i) => i.id)).toEqual(json.items.map((i) => i.id));

    const feedJson = await call(app, read, "GET", `/v1/businesses/${b.id}/highlights?${q}&format=jsonfeed`);
    expect(feedJson.headers.get("content-type")).toContain("application/feed+json");
    const jf = (await feedJson.json()) as { version: string; items: Array<{ id: string }> };
    expect(jf.version).toBe("https://jsonfeed.org/version/1.1");
    expect(jf.items).toHaveLength(json.items.length);
    for (const format of ["rss", "atom"]) {
      const res = await call(app, read, "GET", `/v1/businesses/${b.id}/highlights?${q}&format=${format}`);
      expect(res.headers.get("content-type")).toContain(format === "rss" ? "rss+xml" : "atom+xml");
      const doc = parseStrictXml(await res.text());
      expect(doc.documentElement?.localName).toBe(format === "rss" ? "rss" : "feed");
    }
    const html = await (
      await call(app, read, "GET", `/v1/businesses/${b.id}/highlights?${q}&format=html&locale=fr`)
    ).text();
    expect(html).not.toMatch(/<script|<html/i);
    expect(html).toContain("style=");
    const everyone = await call(app, read, "GET", `/v1/highlights?${q}`);
    expect(everyone.status).toBe(200);
  });

  it("a negative spike fires one alert, delivered signed, and not again inside its cool-down", async () => {
    const b = (await (await call(app, admin, "POST", "/v1/businesses", { name: "Spike Co" })).json()) as { id: string };
    const created = await call(app, admin, "POST", `/v1/businesses/${b.id}/alert-rules`, {
      rule: {
        type: "negative_spike",
        minCount: 5,
        cooldownMinutes: 120,
        sensitivity: { method: "ratio", threshold: 2 },
      },
      webhookUrl: hookUrl,
    });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as { id: string; webhookSecret: string };
    expect(rule.webhookSecret).toMatch(/^whsec_/);

    const first = (await (
      await call(app, admin, "POST", `/v1/businesses/${b.id}/sources`, {
        kind: "feed",
        url: `${server.base}generated/a${Date.now()}.xml`,
      })
    ).json()) as { id: string };
    await collect(first.id, 1);
    const alerts1 = (await (await call(app, read, "GET", `/v1/businesses/${b.id}/alerts`)).json()) as {
      items: Array<{
        id: string;
        type: string;
        explanation: { observed: number; topSources: unknown[]; topTerms: unknown[] };
      }>;
    };
    expect(alerts1.items).toHaveLength(1);
    expect(alerts1.items[0]?.type).toBe("negative_spike");
    expect(alerts1.items[0]?.explanation.observed).toBeGreaterThanOrEqual(5);
    expect(alerts1.items[0]?.explanation.topSources.length).toBeGreaterThan(0);

    await waitFor(async () => received.length >= 1, 20_000);
    const hook = received[0]!;
    expect(verifyWebhook(rule.webhookSecret, hook.signature, hook.body, { now: new Date() })).toMatchObject({
      ok: true,
    });
    expect(verifyWebhook(rule.webhookSecret, hook.signature, `${hook.body} `, { now: new Date() }).ok).toBe(false);
    expect(JSON.parse(hook.body)).toMatchObject({ event: "alert.fired" });

    // A second burst a moment later: still inside the cool-down, so nothing new.
    const second = (await (
      await call(app, admin, "POST", `/v1/businesses/${b.id}/sources`, {
        kind: "feed",
        url: `${server.base}generated/b${Date.now()}.xml`,
      })
    ).json()) as { id: string };
    await collect(second.id, 1);
    const alerts2 = (await (await call(app, read, "GET", `/v1/businesses/${b.id}/alerts`)).json()) as {
      items: unknown[];
    };
    expect(alerts2.items).toHaveLength(1);
    expect(await allMentions(b.id)).toBe(24);
  });
});
