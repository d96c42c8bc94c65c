import { z } from "zod";

/**
 * The one catalogue of queues, job names and payloads, shared by the API (which
 * enqueues) and the workers (which process). Nobody enqueues an untyped job.
 */
export const QUEUES = ["collect", "diagnose", "deliver"] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOBS = {
  "collect-source": {
    queue: "collect",
    payload: z.object({
      sourceId: z.string().uuid(),
      trigger: z.enum(["schedule", "manual", "diagnostic"]).default("schedule"),
    }),
  },
  diagnose: {
    queue: "diagnose",
    payload: z.object({ diagnosticId: z.string().min(16) }),
  },
  "deliver-webhook": {
    queue: "deliver",
    payload: z.object({ alertId: z.string().uuid() }),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;
export type ParsedPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function parsePayload<N extends JobName>(name: N, data: unknown): ParsedPayload<N> {
  return JOBS[name].payload.parse(data) as ParsedPayload<N>;
}

/** Deterministic ids: the same source never has two scheduler entries, whatever the number of workers. */
export const schedulerId = (sourceId: string) => `collect:${sourceId}`;
export const collectDedupeId = (sourceId: string) => `collect:${sourceId}`;
