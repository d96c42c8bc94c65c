import type { CollectDeps } from "../../src/pipeline/collect-source.ts";
import type { JobHandler } from "../../src/queue/types.ts";
import type { Runtime } from "../../src/runtime.ts";

/** Feature processors (diagnostic, alert delivery) and ingest hooks plug in here. */
export const extraProcessors: {
  afterWrite: (rt: Runtime) => CollectDeps["afterWrite"];
  deliverWebhook: (rt: Runtime) => JobHandler<"deliver-webhook">;
} = {
  afterWrite: () => undefined,
  deliverWebhook: () => async () => {
    throw new Error("webhook delivery is not wired yet");
  },
};
