import { startBullWorkers } from "../src/queue/bullmq.ts";
import { InProcessQueue } from "../src/queue/in-process.ts";
import type { Runtime } from "../src/runtime.ts";
import { buildHandlers } from "./handlers.ts";
import { registerSchedulers } from "./schedulers.ts";

export interface WorkerHandle {
  close(): Promise<void>;
}

/**
 * Starts job processing for this process: BullMQ workers (one per queue) when
 * Redis is configured, else the in-process runner on the same handlers.
 */
export async function startWorkers(
  rt: Runtime,
  opts: { lockDurationMs?: number; stalledIntervalMs?: number } = {},
): Promise<WorkerHandle> {
  const log = rt.log.child({ module: "worker" });
  const handlers = buildHandlers(rt);
  const scheduled = await registerSchedulers(rt.database.db, rt.queue, log);
  if (rt.queue instanceof InProcessQueue) {
    rt.queue.start(handlers);
    log.info({ scheduled, mode: "in-process" }, "jobs run in this process");
    return { close: async () => {} };
  }
  if (!rt.env.REDIS_URL) throw new Error("REDIS_URL is required for BullMQ workers");
  const workers = startBullWorkers(rt.env.REDIS_URL, rt.env.QUEUE_PREFIX, handlers, log, {
    concurrency: rt.env.WORKER_CONCURRENCY,
    lockDurationMs: opts.lockDurationMs ?? rt.env.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: opts.stalledIntervalMs ?? rt.env.WORKER_STALLED_INTERVAL_MS,
  });
  log.info({ scheduled, mode: "bullmq", concurrency: rt.env.WORKER_CONCURRENCY }, "workers started");
  return workers;
}
