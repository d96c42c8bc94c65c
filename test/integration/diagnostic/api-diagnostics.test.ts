import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app.ts";
import { createLogger } from "../../../src/logger.ts";
import { createRuntime, type Runtime } from "../../../src/runtime.ts";
import { startWorkers, type WorkerHandle } from "../../../workers/index.ts";
import { appWithKeys } from "../../helpers/app.ts";
import { serviceEnv } from "../../helpers/env.ts";
import { type FixtureServer, startFixtureServer } from "../../helpers/fixture-server.ts";
import { fixturesRoot, readManifest } from "../../helpers/manifest.ts";
import { waitFor } from "../../helpers/workers.ts";

let rt: Runtime;
let app: App;
let workers: WorkerHandle;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot());
  rt = await createRuntime(serviceEnv({ DIAGNOSTIC_RATE_LIMIT: "8" }), createLogger("silent"));
  ({ app } = await appWithKeys(rt));
  workers = await startWorkers(rt);
});
afterAll(async () => {
  await workers.close();
  await rt.close();
  await server.close();
});

const page = () =>
  readManifest().find(
    (r) => r.kind === "html" && Number(r.expected.reviews_ld ?? 0) >= 20 && r.expected.ld_invalid === "0",
  )!;

const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  app.request("/v1/diagnostics", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /v1/diagnostics (public)", () => {
  it("accepts a request, dedupes an identical one, runs the job and serves JSON and HTML", async () => {
    const body = { businessName: "Chez Test", urls: [`${server.base}${page().path}`], locale: "en" };
    const first = await post(body);
    expect(first.status).toBe(202);
    const a = (await first.json()) as { id: string; created: boolean; reportUrl: string };
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.created).toBe(true);
    const again = (await (await post({ ...body, urls: [...body.urls].reverse() })).json()) as {
      id: string;
      created: boolean;
    };
    expect(again).toMatchObject({ id: a.id, created: false });

    const done = await waitFor(
      async () => {
        const s = (await (await app.request(`/v1/diagnostics/${a.id}`)).json()) as { status: string; report: unknown };
        return s.status === "done" || s.status === "failed" ? s : undefined;
      },
      60_000,
      250,
    );
    expect(done.status).toBe("done");
    const report = done.report as { coverage: { mentions: number }; score: { value: number } };
    expect(
      report.coverage.mentions,
      JSON.stringify((done.report as { methodology: unknown }).methodology),
    ).toBeGreaterThan(10);

    const html = await app.request(`/diagnostics/${a.id}`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain("Chez Test");
    const fr = await app.request(`/diagnostics/${a.id}?locale=fr`);
    expect(await fr.text()).toMatch(/lang="fr"/);
  }, 90_000);

  it("serves the request form, and a form post redirects to the report page", async () => {
    const form = await app.request("/diagnostics/new?locale=fr");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('action="/v1/diagnostics"');
    const res = await post(
      new URLSearchParams({ businessName: "Form Co", urls: `${server.base}${page().path}`, locale: "fr" }).toString(),
      { "content-type": "application/x-www-form-urlencoded" },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/diagnostics\/[A-Za-z0-9_-]{22}$/);
  });

  it.each([
    ["no URL at all", { businessName: "X", locale: "fr" }, 422, "validation_failed"],
    ["a private-looking scheme", { businessName: "X", urls: ["file:///etc/passwd"] }, 422, "validation_failed"],
    ["bad JSON", "{oops", 400, "bad_request"],
    ["too big", { businessName: "X", urls: ["https://a.example"], pad: "x".repeat(20_000) }, 413, "payload_too_large"],
  ])("rejects %s", async (_l, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { code: string }).code).toBe(code);
  });

  it("rate-limits per client and says when to retry", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 10; i++) last = await post({ businessName: `Flood ${i}`, urls: ["https://flood.example/"] });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await last!.json()) as { code: string }).code).toBe("rate_limited");
  });

  it("404s an unknown diagnostic, in JSON and as a page", async () => {
    expect((await app.request("/v1/diagnostics/AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await app.request("/diagnostics/AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
  });
});
