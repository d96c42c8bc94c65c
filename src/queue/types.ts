import type { Logger } from "../logger.ts";
import type { JobName, JobPayload, ParsedPayload } from "./jobs.ts";
import type { Repeat } from "./schedule.ts";

export interface EnqueueOptions {
  /** Deterministic job id: enqueuing the same id twice yields one job. */
  jobId?: string;
  /** Collapse bursts: while a job with this id is waiting or active, new ones are dropped. */
  dedupeId?: string;
  delayMs?: number;
  attempts?: number;
}

/** Producer side, used by the API and by jobs that start other jobs. */
export interface JobQueue {
  readonly mode: "bullmq" | "in-process";
  enqueue<N extends JobName>(name: N, data: JobPayload<N>, opts?: EnqueueOptions): Promise<{ id: string }>;
  upsertSchedule(sourceId: string, repeat: Repeat): Promise<void>;
  removeSchedule(sourceId: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface JobContext {
  jobId: string;
  /** 1 on the first attempt. */
  attempt: number;
  log: Logger;
}

/** A job that must not be retried (bad payload, deleted source) throws this. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

/** The remote asked us to wait: the job is postponed without burning an attempt. */
export class PostponeJobError extends Error {
  override name = "PostponeJobError";
  constructor(
    readonly delayMs: number,
    message = `postponed for ${delayMs} ms`,
  ) {
    super(message);
  }
}

export type JobHandler<N extends JobName> = (data: ParsedPayload<N>, ctx: JobContext) => Promise<unknown>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };
