import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CreateDiagnosticBody } from "../api/routes/diagnostics.ts";
import { createOrReuseDiagnostic } from "../db/queries/diagnostics.ts";
import { loadEnv } from "../env.ts";
import { createLogger } from "../logger.ts";
import { runDiagnostic } from "../pipeline/diagnose.ts";
import { renderDiagnosticHtml } from "../reports/diagnostic/index.ts";
import { createRuntime } from "../runtime.ts";

/**
 * `diagnose --name "…" --url <url> [--url …] [--competitor-url <url>] --locale fr|en --json report.json --out report.html`
 * Runs in this process (embedded PGlite unless DATABASE_URL is set), no queue needed.
 */
export async function runDiagnoseCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: "string" },
      website: { type: "string" },
      url: { type: "string", multiple: true, default: [] },
      "competitor-url": { type: "string", multiple: true, default: [] },
      "competitor-name": { type: "string", multiple: true, default: [] },
      locale: { type: "string", default: "fr" },
      json: { type: "string" },
      out: { type: "string" },
    },
  });
  const competitorUrls = values["competitor-url"] ?? [];
  const parsed = CreateDiagnosticBody.safeParse({
    businessName: values.name,
    website: values.website,
    urls: values.url,
    // Each --competitor-url is one competitor, named by the matching --competitor-name when given.
    competitors: competitorUrls.map((u, i) => ({
      name: values["competitor-name"]?.[i] ?? new URL(u).hostname,
      urls: [u],
    })),
    locale: values.locale,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      process.stderr.write(`${issue.path.join(".") || "input"}: ${issue.message}\n`);
    process.stderr.write(
      'usage: diagnose --name "Business" --url <url> [--url ...] --locale fr|en [--json f] [--out f]\n',
    );
    return 2;
  }
  const { email: _email, ...request } = parsed.data;
  const started = performance.now();
  const env = loadEnv();
  const rt = await createRuntime(env, createLogger(env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL));
  try {
    const { diagnostic } = await createOrReuseDiagnostic(rt.database.db, { request, dedupeWindowMs: 0 });
    const report = await runDiagnostic(
      {
        db: rt.database.db,
        fetcher: rt.fetcher,
        log: rt.log,
        pseudonymSecret: rt.pseudonymSecret,
        credentials: rt.credentials,
      },
      diagnostic.id,
    );
    if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
    if (values.out) await writeFile(values.out, renderDiagnosticHtml(report, { locale: request.locale }));
    const s = (performance.now() - started) / 1000;
    process.stdout.write(
      `${report.headline.text}\nscore ${report.score.value ?? "n/a"} (${report.score.grade ?? "-"}), ${report.coverage.sentence.text}\n` +
        `${values.json ? `JSON: ${values.json}\n` : ""}${values.out ? `HTML: ${values.out}\n` : ""}done in ${s.toFixed(1)} s (id ${diagnostic.id})\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`diagnostic failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await rt.close();
  }
}
