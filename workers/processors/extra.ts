import type { CollectDeps } from "../../src/pipeline/collect-source.ts";
import type { JobHandler } from "../../src/queue/types.ts";
import type { Runtime } from "../../src/runtime.ts";

/** Feature processors (diagnostic, alert delivery) and ingest hooks plug in here. */
export const extraProcessors: {
  afterWrite: (rt: Runtime) => CollectDeps["afterWrite"];
  diagnose: (rt: Runtime) => JobHandler<"diagnose">;
  deliverWebhook: (rt: Runtime) => JobHandler<"deliver-webhook">;
} = {
  afterWrite: () => undefined,
  diagnose: () => async () => {
    throw new Error("diagnostics are not wired yet");
  },
  deliverWebhook: () => async () => {
    throw new Error("webhook delivery is not wired yet");
  },
};
