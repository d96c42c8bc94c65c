import { runDiagnostic } from "../../src/pipeline/diagnose.ts";
import type { JobHandler } from "../../src/queue/types.ts";
import type { Runtime } from "../../src/runtime.ts";

export const diagnoseProcessor =
  (rt: Runtime): JobHandler<"diagnose"> =>
  async (data, ctx) => {
    const report = await runDiagnostic(
      {
        db: rt.database.db,
        fetcher: rt.fetcher,
        log: ctx.log,
        pseudonymSecret: rt.pseudonymSecret,
        credentials: rt.credentials,
      },
      data.diagnosticId,
    );
    return { mentions: report.coverage.mentions, score: report.score.value };
  };
