import type { CollectDeps } from "../../src/pipeline/collect-source.ts";
import { collectSource } from "../../src/pipeline/collect-source.ts";
import type { JobHandler } from "../../src/queue/types.ts";

export const collectSourceProcessor =
  (deps: Omit<CollectDeps, "log">): JobHandler<"collect-source"> =>
  (data, ctx) =>
    collectSource({ ...deps, log: ctx.log }, { sourceId: data.sourceId, trigger: data.trigger, jobId: ctx.jobId });
