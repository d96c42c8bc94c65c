import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countMentions } from "../../../src/db/queries/mentions.ts";
import { listRuns } from "../../../src/db/queries/sources.ts";
import { sources } from "../../../src/db/schema/index.ts";
import { createLogger } from "../../../src/logger.ts";
import type { BullJobQueue } from "../../../src/queue/bullmq.ts";
import { createRuntime, type Runtime } from "../../../src/runtime.ts";
import { startWorkers, type WorkerHandle } from "../../../workers/index.ts";
import { appWithKeys, call } from "../../helpers/app.ts";
import { serviceEnv } from "../../helpers/env.ts";
import { type FixtureServer, startFixtureServer } from "../../helpers/fixture-server.ts";
import { fixturesRoot } from "../../helpers/manifest.ts";
import { pickFeed, plainRoute, rateLimitedRoute, waitFor } from "../../helpers/workers.ts";

let rt: Runtime;
let workers: WorkerHandle;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot(), [plainRoute, rateLimitedRoute()]);
  rt = await createRuntime(serviceEnv(), createLogger("silent"));
  workers = await startWorkers(rt);
});
afterAll(async () => {
  await workers.close();
  await rt.close();
  await server.close();
});

describe("feed slice through BullMQ (real Postgres + Redis)", () => {
  it("collects a real feed, stores each item once, and a second run adds nothing", async () => {
    const feed = pickFeed();
    const { app, admin, read } = await appWithKeys(rt);
    const b = (await (await call(app, admin, "POST", "/v1/businesses", { name: "Feed slice" })).json()) as {
      id: string;
    };
    const created = await call(app, admin, "POST", `/v1/businesses/${b.id}/sources`, {
      kind: "feed",
      url: `${server.base}plain/${feed.path}`,
      schedule: "1d",
    });
    const source = (await created.json()) as { id: string };

    const collectAndWait = async (expectedRuns: number) => {
      expect((await call(app, admin, "POST", `/v1/sources/${source.id}/collect`)).status).toBe(202);
      await waitFor(async () => {
        const runs = await listRuns(rt.database.db, { sourceId: source.id, limit: 10 });
        return runs.filter((r) => r.status !== "running").length >= expectedRuns;
      });
    };
    await collectAndWait(1);
    // Second run: the adapter's cursor says everything was seen.
    await collectAndWait(2);
    // Third run with the cursor lost: every item comes back and the upsert writes nothing.
    await rt.database.db.update(sources).set({ state: {} }).where(eq(sources.id, source.id));
    await collectAndWait(3);
    const runs = await listRuns(rt.database.db, { sourceId: source.id, limit: 10 });
    expect(runs.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
    const [third, second, first] = runs;
    expect(first).toMatchObject({ inserted: feed.items, fetched: feed.items });
    expect(second).toMatchObject({ inserted: 0, updated: 0 });
    expect(third).toMatchObject({ fetched: feed.items, inserted: 0, updated: 0, unchanged: feed.items });
    expect(await countMentions(rt.database.db, { sourceId: source.id })).toBe(feed.items);

    const page = (await (await call(app, read, "GET", `/v1/businesses/${b.id}/mentions?limit=200`)).json()) as {
      items: Array<{ text: string; analysis: { version: string } | null }>;
    };
    expect(page.items).toHaveLength(feed.items);
    expect(page.items.every((m) => m.analysis?.version)).toBe(true);
  });

  it("a 429 with Retry-After postpones the job without spending an attempt", async () => {
    const feed = pickFeed();
    const { app, admin } = await appWithKeys(rt);
    const b = (await (await call(app, admin, "POST", "/v1/businesses", { name: "Rate limited" })).json()) as {
      id: string;
    };
    const source = (await (
      await call(app, admin, "POST", `/v1/businesses/${b.id}/sources`, {
        kind: "feed",
        url: `${server.base}limited/${b.id}/${feed.path}`,
      })
    ).json()) as { id: string };
    const t0 = Date.now();
    const { jobId } = (await (await call(app, admin, "POST", `/v1/sources/${source.id}/collect`)).json()) as {
      jobId: string;
    };
    await waitFor(async () => {
      const runs = await listRuns(rt.database.db, { sourceId: source.id, limit: 10 });
      return runs.some((r) => r.status === "ok");
    }, 30_000);
    const runs = await listRuns(rt.database.db, { sourceId: source.id, limit: 10 });
    expect(runs.map((r) => r.status)).toEqual(["ok", "error"]);
    expect(runs[1]?.errors.join(" ")).toContain("rate_limited");
    expect(runs[0]!.startedAt.getTime() - t0).toBeGreaterThanOrEqual(900);
    const job = await (rt.queue as BullJobQueue).queue("collect").getJob(jobId);
    expect(await job?.getState()).toBe("completed");
    expect(job?.stacktrace ?? []).toEqual([]);
    expect(job?.failedReason ?? "").toBe("");
    expect(await countMentions(rt.database.db, { sourceId: source.id })).toBe(feed.items);
  });
});
