import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { JOBS, type JobName, type JobPayload, parsePayload, QUEUES, type QueueName, schedulerId } from "./jobs.ts";
import type { Repeat } from "./schedule.ts";
import { type EnqueueOptions, type JobHandlers, type JobQueue, PermanentJobError, PostponeJobError } from "./types.ts";

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { count: 1_000, age: 7 * 24 * 3600 },
  removeOnFail: { count: 5_000, age: 30 * 24 * 3600 },
} as const;

/** Producers fail fast when Redis is down (an API request must not hang). */
export function producerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
}

/** Workers wait for Redis forever (BullMQ requires maxRetriesPerRequest: null). */
export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

export class BullJobQueue implements JobQueue {
  readonly mode = "bullmq" as const;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: Redis,
    prefix: string,
    log: Logger,
  ) {
    for (const name of QUEUES) {
      const q = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      q.on("error", (err) => log.error({ err, queue: name }, "queue error"));
      this.queues.set(name, q);
    }
  }

  queue(name: QueueName): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  }

  async enqueue<N extends JobName>(name: N, data: JobPayload<N>, opts: EnqueueOptions = {}) {
    const payload = parsePayload(name, data);
    const job = await this.queue(JOBS[name].queue).add(name, payload, {
      jobId: opts.jobId,
      delay: opts.delayMs,
      attempts: opts.attempts,
      deduplication: opts.dedupeId ? { id: opts.dedupeId } : undefined,
    });
    return { id: job.id ?? "" };
  }

  async upsertSchedule(sourceId: string, repeat: Repeat) {
    await this.queue("collect").upsertJobScheduler(schedulerId(sourceId), repeat, {
      name: "collect-source",
      data: { sourceId, trigger: "schedule" },
      opts: { ...DEFAULT_JOB_OPTIONS },
    });
  }

  async removeSchedule(sourceId: string) {
    await this.queue("collect").removeJobScheduler(schedulerId(sourceId));
  }

  async ping() {
    try {
      if (this.connection.status !== "ready") {
        // Fresh or reconnecting: give it a moment rather than report a blip as an outage.
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("redis not ready")), 1_500);
          this.connection.once("ready", () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return (await this.connection.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close() {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

export interface WorkerOptions {
  concurrency: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  queues?: readonly QueueName[];
}

/** One BullMQ Worker per queue, each dispatching on the job name to the typed handler. */
export function startBullWorkers(
  url: string,
  prefix: string,
  handlers: JobHandlers,
  log: Logger,
  opts: WorkerOptions,
): { workers: Worker[]; close(): Promise<void> } {
  const workers = (opts.queues ?? QUEUES).map((queueName) => {
    const worker: Worker = new Worker(
      queueName,
      async (job: Job, token?: string) => runJob(job, token, handlers, log),
      {
        connection: workerConnection(url),
        prefix,
        concurrency: opts.concurrency,
        lockDuration: opts.lockDurationMs ?? 30_000,
        stalledInterval: opts.stalledIntervalMs ?? 30_000,
        maxStalledCount: 3,
      },
    );
    worker.on("error", (err) => log.error({ err, queue: queueName }, "worker error"));
    worker.on("failed", (job, err) =>
      log.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, err: err.message }, "job failed"),
    );
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

async function runJob(job: Job, token: string | undefined, handlers: JobHandlers, root: Logger) {
  const name = job.name as JobName;
  const log = root.child({ jobId: job.id, job: name });
  if (!(name in JOBS)) throw new UnrecoverableError(`unknown job ${job.name}`);
  let data: unknown;
  try {
    data = parsePayload(name, job.data);
  } catch (err) {
    throw new UnrecoverableError(`invalid payload: ${(err as Error).message}`);
  }
  try {
    const handler = handlers[name] as (d: unknown, c: unknown) => Promise<unknown>;
    return await handler(data, { jobId: job.id ?? "", attempt: job.attemptsMade + 1, log });
  } catch (err) {
    if (err instanceof PostponeJobError) {
      // A 429/503 with Retry-After: wait without spending an attempt, and only for this job
      // (a queue-wide rate limit would stall every other host for one host's answer).
      await job.moveToDelayed(Date.now() + err.delayMs, token);
      throw new DelayedError();
    }
    if (err instanceof PermanentJobError || (err instanceof AppError && !err.retryable)) {
      throw new UnrecoverableError((err as Error).message);
    }
    throw err;
  }
}
