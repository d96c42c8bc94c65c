import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app.ts";
import { createApp } from "../../../src/app.ts";
import { createLogger } from "../../../src/logger.ts";
import { createRuntime, type Runtime } from "../../../src/runtime.ts";
import { appWithKeys, call } from "../../helpers/app.ts";
import { serviceEnv } from "../../helpers/env.ts";

let rt: Runtime;
let app: App;
let admin: string;
let read: string;

beforeAll(async () => {
  rt = await createRuntime(serviceEnv(), createLogger("silent"));
  ({ app, admin, read } = await appWithKeys(rt));
});
afterAll(async () => {
  await rt.close();
});

describe("happy path", () => {
  it("answers /health and /ready against the real database and Redis", async () => {
    expect(await (await app.request("/health")).json()).toEqual({ status: "ok" });
    const ready = await app.request("/ready");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: { database: true, queue: true },
      queueMode: "bullmq",
    });
  });

  it("creates a business and a source, registers one scheduler, queues a collection", async () => {
    const b = await call(app, admin, "POST", "/v1/businesses", {
      name: "Café Lumière",
      website: "https://cafe.example",
    });
    expect(b.status).toBe(201);
    const business = (await b.json()) as { id: string; name: string };
    expect(business.name).toBe("Café Lumière");

    const s = await call(app, admin, "POST", `/v1/businesses/${business.id}/sources`, {
      kind: "feed",
      url: "https://cafe.example/feed.xml",
      schedule: "30m",
    });
    expect(s.status).toBe(201);
    const source = (await s.json()) as { id: string; schedule: string; businessId: string };
    expect(source).toMatchObject({ schedule: "30m", businessId: business.id });

    // Changing the schedule twice still leaves exactly one scheduler for the source.
    await call(app, admin, "PATCH", `/v1/sources/${source.id}`, { schedule: "1h" });
    await call(app, admin, "PATCH", `/v1/sources/${source.id}`, { schedule: "2h" });
    const conn = new Redis(rt.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const q = new Queue("collect", { connection: conn, prefix: rt.env.QUEUE_PREFIX });
    const schedulers = await q.getJobSchedulers();
    expect(schedulers.filter((x) => x.key === `collect:${source.id}`)).toHaveLength(1);
    expect(schedulers.find((x) => x.key === `collect:${source.id}`)?.every).toBe(2 * 3600_000);

    const run = await call(app, admin, "POST", `/v1/sources/${source.id}/collect`);
    expect(run.status).toBe(202);
    const { jobId } = (await run.json()) as { jobId: string };
    const job = await q.getJob(jobId);
    expect(job?.name).toBe("collect-source");
    expect(job?.data).toEqual({ sourceId: source.id, trigger: "manual" });
    await q.obliterate({ force: true });
    await q.close();
    await conn.quit();

    const page = await call(app, read, "GET", `/v1/businesses/${business.id}/mentions?limit=10`);
    expect(page.status).toBe(200);
    expect(await page.json()).toEqual({ items: [], nextCursor: null });
  });

  it("publishes an OpenAPI 3 document with the routes and a docs page", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      "/v1/businesses",
      "/v1/businesses/{id}/sources",
      "/v1/sources/{id}/collect",
      "/v1/businesses/{id}/mentions",
      "/ready",
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const docs = await app.request("/docs");
    expect(docs.headers.get("content-type")).toContain("text/html");
    expect(await docs.text()).toContain("/v1/businesses/{id}/mentions");
  });
});

describe("error cases", () => {
  const unknown = "00000000-0000-4000-8000-000000000000";
  it.each([
    ["bad JSON", "POST", "/v1/businesses", "{not json", 400, "bad_request"],
    ["missing name", "POST", "/v1/businesses", { website: "https://x.example" }, 422, "validation_failed"],
    ["non-http website", "POST", "/v1/businesses", { name: "x", website: "ftp://x.example" }, 422, "validation_failed"],
    ["unknown business", "GET", `/v1/businesses/${unknown}`, undefined, 404, "not_found"],
    ["malformed id", "GET", "/v1/businesses/not-a-uuid", undefined, 422, "validation_failed"],
    ["unknown source collect", "POST", `/v1/sources/${unknown}/collect`, undefined, 404, "not_found"],
    [
      "source without url or query",
      "POST",
      `/v1/businesses/${unknown}/sources`,
      { kind: "feed" },
      422,
      "validation_failed",
    ],
    [
      "bad schedule",
      "POST",
      `/v1/businesses/${unknown}/sources`,
      { kind: "feed", url: "https://a.example/f", schedule: "often" },
      422,
      "validation_failed",
    ],
    ["bad cursor", "GET", `/v1/businesses/${unknown}/mentions?cursor=%%%`, undefined, 404, "not_found"],
    ["unknown route", "GET", "/v1/nothing-here", undefined, 404, "not_found"],
    ["trends of an unknown business", "GET", `/v1/businesses/${unknown}/trends`, undefined, 404, "not_found"],
    ["highlights of an unknown business", "GET", `/v1/businesses/${unknown}/highlights`, undefined, 404, "not_found"],
    [
      "trends with a bad bucket",
      "GET",
      `/v1/businesses/${unknown}/trends?bucket=year`,
      undefined,
      422,
      "validation_failed",
    ],
    ["alerts of an unknown business", "GET", `/v1/businesses/${unknown}/alerts`, undefined, 404, "not_found"],
    [
      "an invalid alert rule",
      "POST",
      `/v1/businesses/${unknown}/alert-rules`,
      { rule: { type: "nope" } },
      404,
      "not_found",
    ],
  ])("%s: %s %s", async (_label, method, path, body, status, code) => {
    const res = await call(app, admin, method, path, body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await res.json()) as { code: string; requestId: string; status: number };
    expect(problem.code).toBe(code);
    expect(problem.status).toBe(status);
    expect(problem.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("rejects a body over the size cap with 413", async () => {
    const res = await call(app, admin, "POST", "/v1/businesses", { name: "x".repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("payload_too_large");
  });

  it("answers 503 on /ready when the database is down, and a 500 hides internals", async () => {
    const down = createApp({
      db: rt.database.db,
      dbPing: async () => false,
      queue: rt.queue,
      log: createLogger("silent"),
      env: rt.env,
    });
    const res = await down.request("/ready");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable", checks: { database: false, queue: true } });
  });
});

describe("security", () => {
  it("needs a key", async () => {
    const res = await call(app, undefined, "GET", "/v1/businesses");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe("unauthorized");
  });
  it("rejects an unknown key", async () => {
    const res = await call(app, "rk_deadbeef_nope", "GET", "/v1/businesses");
    expect(res.status).toBe(401);
  });
  it("lets a read key read but not write", async () => {
    expect((await call(app, read, "GET", "/v1/businesses")).status).toBe(200);
    const res = await call(app, read, "POST", "/v1/businesses", { name: "x" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("forbidden");
  });
});
