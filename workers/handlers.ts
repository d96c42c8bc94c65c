import type { JobHandlers } from "../src/queue/types.ts";
import type { Runtime } from "../src/runtime.ts";
import { deliverWebhookProcessor, evaluateAfterWrite } from "./processors/alerts.ts";
import { collectSourceProcessor } from "./processors/collect-source.ts";
import { diagnoseProcessor } from "./processors/diagnose.ts";

/** The job table: one processor per job name, each a thin call into src/. */
export function buildHandlers(rt: Runtime): JobHandlers {
  return {
    "collect-source": collectSourceProcessor({
      db: rt.database.db,
      fetcher: rt.fetcher,
      pseudonymSecret: rt.pseudonymSecret,
      credentials: rt.credentials,
      afterWrite: evaluateAfterWrite(rt),
    }),
    diagnose: diagnoseProcessor(rt),
    "deliver-webhook": deliverWebhookProcessor(rt),
  };
}
