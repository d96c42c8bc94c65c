import { deliverAlert, evaluateAlerts, WEBHOOK_ATTEMPTS } from "../../src/pipeline/alerts.ts";
import type { CollectDeps } from "../../src/pipeline/collect-source.ts";
import type { JobHandler } from "../../src/queue/types.ts";
import type { Runtime } from "../../src/runtime.ts";

/** After each ingest that wrote something: evaluate the business's alert rules. */
export const evaluateAfterWrite =
  (rt: Runtime): NonNullable<CollectDeps["afterWrite"]> =>
  async ({ businessId }) => {
    await evaluateAlerts(
      { db: rt.database.db, queue: rt.queue, log: rt.log.child({ module: "alerts" }) },
      { businessId, now: new Date() },
    );
  };

export const deliverWebhookProcessor =
  (rt: Runtime): JobHandler<"deliver-webhook"> =>
  (data, ctx) =>
    deliverAlert(
      { db: rt.database.db, fetcher: rt.fetcher, log: ctx.log, publicBaseUrl: rt.env.PUBLIC_BASE_URL },
      { alertId: data.alertId, attempt: ctx.attempt, maxAttempts: WEBHOOK_ATTEMPTS },
    );
