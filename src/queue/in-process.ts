import { randomUUID } from "node:crypto";
import cronParser from "cron-parser";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { type JobName, type JobPayload, parsePayload } from "./jobs.ts";
import type { Repeat } from "./schedule.ts";
import { type EnqueueOptions, type JobHandlers, type JobQueue, PermanentJobError, PostponeJobError } from "./types.ts";

interface Pending {
  id: string;
  name: JobName;
  data: unknown;
  attempt: number;
  maxAttempts: number;
  dedupeId?: string;
}

/**
 * Jobs run in this process, on the same handlers as the BullMQ workers.
 * Limits (documented in the README): one process only, nothing is durable (jobs
 * waiting or running when the process stops are lost; schedules are re-created at
 * boot from the sources table), no cross-process politeness.
 */
export class InProcessQueue implements JobQueue {
  readonly mode = "in-process" as const;
  private handlers: JobHandlers | undefined;
  private readonly waiting: Pending[] = [];
  private readonly activeIds = new Set<string>();
  private readonly knownIds = new Set<string>();
  private readonly dedupe = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private running = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly log: Logger,
    private readonly concurrency = 2,
    private readonly retryBaseMs = 2_000,
  ) {}

  start(handlers: JobHandlers) {
    this.handlers = handlers;
    this.pump();
  }

  async enqueue<N extends JobName>(name: N, data: JobPayload<N>, opts: EnqueueOptions = {}) {
    const payload = parsePayload(name, data);
    const id = opts.jobId ?? randomUUID();
    if (opts.dedupeId && this.dedupe.has(opts.dedupeId)) return { id };
    if (this.knownIds.has(id)) return { id };
    const job: Pending = {
      id,
      name,
      data: payload,
      attempt: 0,
      maxAttempts: opts.attempts ?? 3,
      dedupeId: opts.dedupeId,
    };
    this.knownIds.add(id);
    if (opts.dedupeId) this.dedupe.add(opts.dedupeId);
    if (opts.delayMs) this.later(job, opts.delayMs);
    else this.push(job);
    return { id };
  }

  async upsertSchedule(sourceId: string, repeat: Repeat) {
    await this.removeSchedule(sourceId);
    const fire = () => {
      void this.enqueue("collect-source", { sourceId, trigger: "schedule" }, { dedupeId: `collect:${sourceId}` });
    };
    if ("every" in repeat) {
      const t = setInterval(fire, repeat.every);
      t.unref();
      this.timers.set(sourceId, t);
      return;
    }
    const next = () => {
      const at = cronParser.parseExpression(repeat.pattern).next().getTime();
      const t = setTimeout(
        () => {
          fire();
          next();
        },
        Math.max(1_000, at - Date.now()),
      );
      t.unref();
      this.timers.set(sourceId, t);
    };
    next();
  }

  async removeSchedule(sourceId: string) {
    const t = this.timers.get(sourceId);
    if (t) clearTimeout(t);
    this.timers.delete(sourceId);
  }

  async ping() {
    return !this.closed;
  }

  /** Resolves when nothing is waiting or running (tests, one-shot CLI commands). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0 && this.retryTimers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close() {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    for (const t of this.retryTimers) clearTimeout(t);
    this.timers.clear();
    this.retryTimers.clear();
    this.waiting.length = 0;
    while (this.running > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private push(job: Pending) {
    this.waiting.push(job);
    this.pump();
  }

  private later(job: Pending, ms: number) {
    const t = setTimeout(() => {
      this.retryTimers.delete(t);
      this.push(job);
    }, ms);
    this.retryTimers.add(t);
  }

  private pump() {
    if (!this.handlers || this.closed) return;
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      this.activeIds.add(job.id);
      void this.run(job).finally(() => {
        this.running--;
        this.activeIds.delete(job.id);
        this.pump();
        if (this.running === 0 && this.waiting.length === 0 && this.retryTimers.size === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const w of waiters) w();
        }
      });
    }
  }

  private async run(job: Pending) {
    job.attempt++;
    const log = this.log.child({ jobId: job.id, job: job.name });
    const handler = this.handlers![job.name] as (d: unknown, c: unknown) => Promise<unknown>;
    try {
      await handler(job.data, { jobId: job.id, attempt: job.attempt, log });
      this.finish(job);
    } catch (err) {
      if (err instanceof PostponeJobError) {
        job.attempt--;
        this.later(job, err.delayMs);
        return;
      }
      const permanent = err instanceof PermanentJobError || (err instanceof AppError && !err.retryable);
      if (!permanent && job.attempt < job.maxAttempts && !this.closed) {
        log.warn({ err: (err as Error).message, attempt: job.attempt }, "job failed, will retry");
        this.later(job, this.retryBaseMs * 2 ** (job.attempt - 1));
        return;
      }
      log.error({ err: (err as Error).message, attempt: job.attempt }, "job failed");
      this.finish(job);
    }
  }

  private finish(job: Pending) {
    this.knownIds.delete(job.id);
    if (job.dedupeId) this.dedupe.delete(job.dedupeId);
  }
}
