import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBusiness } from "../../../src/db/queries/businesses.ts";
import { countMentions } from "../../../src/db/queries/mentions.ts";
import { createSource, listRuns } from "../../../src/db/queries/sources.ts";
import { createLogger } from "../../../src/logger.ts";
import { collectDedupeId } from "../../../src/queue/jobs.ts";
import { createRuntime, type Runtime } from "../../../src/runtime.ts";
import { serviceEnv } from "../../helpers/env.ts";
import { type FixtureServer, startFixtureServer } from "../../helpers/fixture-server.ts";
import { fixturesRoot } from "../../helpers/manifest.ts";
import { pickFeed, plainRoute, slowRoute, spawnWorker, type WorkerProcess, waitFor } from "../../helpers/workers.ts";

let server: FixtureServer;
const started: WorkerProcess[] = [];

beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot(), [plainRoute, slowRoute]);
});
afterAll(async () => {
  await Promise.all(started.map((w) => w.stop("SIGKILL")));
  await server.close();
});

function childEnv(rt: Runtime, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: rt.env.DATABASE_URL!,
    REDIS_URL: rt.env.REDIS_URL!,
    QUEUE_PREFIX: rt.env.QUEUE_PREFIX,
    FETCH_ALLOW_HOSTS: "127.0.0.1",
    FETCH_HOST_INTERVAL_MS: "0",
    PSEUDONYM_SECRET: rt.env.PSEUDONYM_SECRET!,
    WORKER_CONCURRENCY: "4",
    ...extra,
  };
}

function worker(rt: Runtime, extra?: Record<string, string>) {
  const w = spawnWorker(childEnv(rt, extra));
  started.push(w);
  return w;
}

describe("separate worker processes on BullMQ", () => {
  it("two workers on one source never collect it twice at once", async () => {
    const rt = await createRuntime(serviceEnv(), createLogger("silent"));
    const feed = pickFeed();
    const b = await createBusiness(rt.database.db, { name: "Two workers" });
    const source = await createSource(rt.database.db, {
      businessId: b.id,
      kind: "feed",
      url: `${server.base}slow/300/${feed.path}`,
      schedule: "1s",
    });
    const [w1, w2] = [worker(rt), worker(rt)];
    await Promise.all([w1.ready, w2.ready]);
    // Both workers register the scheduler at boot; a burst of manual runs lands on top.
    await Promise.all(
      Array.from({ length: 6 }, () =>
        rt.queue.enqueue(
          "collect-source",
          { sourceId: source.id, trigger: "manual" },
          { dedupeId: collectDedupeId(source.id) },
        ),
      ),
    );
    await waitFor(async () => {
      const runs = await listRuns(rt.database.db, { sourceId: source.id, limit: 100 });
      return runs.filter((r) => r.status === "ok").length >= 4;
    }, 40_000);
    await Promise.all([w1.stop(), w2.stop()]);

    const runs = (await listRuns(rt.database.db, { sourceId: source.id, limit: 100 })).filter((r) => r.status === "ok");
    const intervals = runs
      .map((r) => [r.startedAt.getTime(), r.finishedAt!.getTime()] as const)
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]![0]).toBeGreaterThanOrEqual(intervals[i - 1]![1]);
    expect(await countMentions(rt.database.db, { sourceId: source.id })).toBe(feed.items);
    const conn = new Redis(rt.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const q = new Queue("collect", { connection: conn, prefix: rt.env.QUEUE_PREFIX });
    expect((await q.getJobSchedulers()).filter((s) => s.key === `collect:${source.id}`)).toHaveLength(1);
    await q.obliterate({ force: true });
    await q.close();
    await conn.quit();
    await rt.close();
  });

  it("a worker killed with SIGKILL mid-collection loses nothing: the job is redelivered", async () => {
    const rt = await createRuntime(serviceEnv(), createLogger("silent"));
    const feed = pickFeed();
    const b = await createBusiness(rt.database.db, { name: "Killed worker" });
    const source = await createSource(rt.database.db, {
      businessId: b.id,
      kind: "feed",
      url: `${server.base}slow/4000/${feed.path}`,
    });
    const fast = { WORKER_LOCK_DURATION_MS: "2000", WORKER_STALLED_INTERVAL_MS: "1000" };
    const victim = worker(rt, fast);
    await victim.ready;
    const { id: jobId } = await rt.queue.enqueue("collect-source", { sourceId: source.id, trigger: "manual" });
    // The victim has started fetching the (slow) feed: kill it without any chance to clean up.
    await waitFor(async () => server.requests.some((r) => r.path.startsWith("/slow/4000/")));
    await waitFor(async () => (await listRuns(rt.database.db, { sourceId: source.id, limit: 5 })).length > 0);
    await victim.stop("SIGKILL");
    expect(await countMentions(rt.database.db, { sourceId: source.id })).toBe(0);

    const rescuer = worker(rt, fast);
    await rescuer.ready;
    const conn = new Redis(rt.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const q = new Queue("collect", { connection: conn, prefix: rt.env.QUEUE_PREFIX });
    await waitFor(async () => (await (await q.getJob(jobId))?.getState()) === "completed", 40_000);
    await rescuer.stop();
    const job = await q.getJob(jobId);
    console.info(
      `SIGKILL test: job ${jobId} attemptsStarted=${job?.attemptsStarted} stalledCounter=${job?.stalledCounter}, mentions=${await countMentions(rt.database.db, { sourceId: source.id })}/${feed.items}`,
    );
    // Redelivered: the dead worker's claim expired and the job was started again by the rescuer.
    expect((job?.attemptsStarted ?? 0) + (job?.stalledCounter ?? 0)).toBeGreaterThanOrEqual(2);
    const runs = await listRuns(rt.database.db, { sourceId: source.id, limit: 5 });
    expect(
      runs
        .filter((r) => r.jobId === jobId)
        .map((r) => r.status)
        .sort(),
    ).toEqual(["error", "ok"]);
    expect(await countMentions(rt.database.db, { sourceId: source.id })).toBe(feed.items);
    await q.obliterate({ force: true });
    await q.close();
    await conn.quit();
    await rt.close();
  });
});
