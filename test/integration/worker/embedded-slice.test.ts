import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countMentions } from "../../../src/db/queries/mentions.ts";
import { listRuns } from "../../../src/db/queries/sources.ts";
import { parseEnv } from "../../../src/env.ts";
import { createLogger } from "../../../src/logger.ts";
import { createRuntime, type Runtime } from "../../../src/runtime.ts";
import { startWorkers, type WorkerHandle } from "../../../workers/index.ts";
import { appWithKeys, call } from "../../helpers/app.ts";
import { type FixtureServer, startFixtureServer } from "../../helpers/fixture-server.ts";
import { fixturesRoot } from "../../helpers/manifest.ts";
import { pickFeed, plainRoute, waitFor } from "../../helpers/workers.ts";

let rt: Runtime;
let workers: WorkerHandle;
let server: FixtureServer;
const dataDir = mkdtempSync(join(tmpdir(), "rep-embedded-"));

beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot(), [plainRoute]);
  // No DATABASE_URL, no REDIS_URL: PGlite under DATA_DIR and the in-process runner.
  const env = parseEnv({
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    FETCH_ALLOW_HOSTS: "127.0.0.1",
    FETCH_HOST_INTERVAL_MS: "0",
  });
  rt = await createRuntime(env, createLogger("silent"));
  workers = await startWorkers(rt);
});
afterAll(async () => {
  await workers.close();
  await rt.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("feed slice embedded (PGlite + in-process jobs)", () => {
  it("runs on schedule and on demand without duplicates", async () => {
    expect(rt.database.driver).toBe("pglite");
    expect(rt.queue.mode).toBe("in-process");
    const feed = pickFeed();
    const { app, admin } = await appWithKeys(rt);
    const b = (await (await call(app, admin, "POST", "/v1/businesses", { name: "Embedded" })).json()) as { id: string };
    const source = (await (
      await call(app, admin, "POST", `/v1/businesses/${b.id}/sources`, {
        kind: "feed",
        url: `${server.base}plain/${feed.path}`,
        schedule: "2s",
      })
    ).json()) as { id: string };

    // The schedule fires by itself...
    await waitFor(async () => {
      const runs = await listRuns(rt.database.db, { sourceId: source.id, limit: 10 });
      return runs.some((r) => r.trigger === "schedule" && r.status === "ok");
    }, 20_000);
    // ...and a manual run on top stores nothing twice.
    expect((await call(app, admin, "POST", `/v1/sources/${source.id}/collect`)).status).toBe(202);
    await waitFor(async () => {
      const runs = await listRuns(rt.database.db, { sourceId: source.id, limit: 10 });
      return runs.some((r) => r.trigger === "manual" && r.status === "ok");
    }, 20_000);
    expect(await countMentions(rt.database.db, { sourceId: source.id })).toBe(feed.items);
    const health = await app.request("/ready");
    expect(await health.json()).toMatchObject({ status: "ready", queueMode: "in-process" });
  });
});
