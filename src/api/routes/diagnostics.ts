import { createHash } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createOrReuseDiagnostic, getDiagnostic } from "../../db/queries/diagnostics.ts";
import { AppError } from "../../errors.ts";
import {
  diagnosticRequestFromForm,
  renderDiagnosticForm,
  renderDiagnosticHtml,
} from "../../reports/diagnostic/index.ts";
import type { DiagnosticReport } from "../../reports/diagnostic/types.ts";
import type { AppDeps, AppEnv } from "../context.ts";
import { zodIssues } from "../problem.ts";
import { createRateLimiter } from "../rate-limit.ts";
import { problems } from "../schemas.ts";
import { renderStatusPage } from "./diagnostic-pages.ts";

const MAX_BODY = 16 * 1024;
const DEDUPE_WINDOW_MS = 15 * 60_000;
const publicUrl = z
  .string()
  .trim()
  .url()
  .max(2048)
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL");

export const CreateDiagnosticBody = z
  .object({
    businessName: z.string().trim().min(1).max(200),
    website: publicUrl.optional(),
    urls: z.array(publicUrl).max(10).default([]),
    competitors: z
      .array(z.object({ name: z.string().trim().max(200).default(""), urls: z.array(publicUrl).min(1).max(5) }))
      .max(3)
      .default([]),
    locale: z.enum(["fr", "en"]).default("fr"),
    /** Accepted for the form's sake; not stored (no feature needs it). */
    email: z.string().email().max(320).optional(),
  })
  .refine((b) => b.website || b.urls.length > 0, { message: "give a website or at least one URL", path: ["urls"] })
  .openapi("CreateDiagnosticBody");

const DiagnosticStatus = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "running", "done", "failed"]),
    businessName: z.string(),
    locale: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    reportUrl: z.string(),
    report: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
  })
  .openapi("Diagnostic");

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (xff) return xff;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}

async function readBody(c: Context): Promise<{ body: unknown; form: boolean }> {
  const declared = Number(c.req.header("content-length") ?? 0);
  if (declared > MAX_BODY) throw new AppError("payload_too_large", `request body over ${MAX_BODY / 1024} KiB`);
  const raw = await c.req.arrayBuffer();
  if (raw.byteLength > MAX_BODY) throw new AppError("payload_too_large", `request body over ${MAX_BODY / 1024} KiB`);
  const text = new TextDecoder().decode(raw);
  const type = c.req.header("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) {
    const fields: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      const prev = fields[k];
      fields[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return { body: diagnosticRequestFromForm(fields), form: true };
  }
  if (!type.includes("application/json"))
    throw new AppError("unsupported_media_type", "send application/json or a form");
  try {
    return { body: JSON.parse(text), form: false };
  } catch {
    throw new AppError("bad_request", "malformed JSON body");
  }
}

export function registerDiagnosticRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const limiter = createRateLimiter(deps.redis, `${deps.env.QUEUE_PREFIX}:rl:diag:`);

  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/v1/diagnostics",
    tags: ["diagnostics"],
    summary:
      "Request a free reputation diagnostic (public, rate-limited; identical requests within 15 min share one id)",
    request: {
      body: {
        content: {
          "application/json": { schema: CreateDiagnosticBody },
          "application/x-www-form-urlencoded": { schema: z.record(z.string(), z.string()) },
        },
      },
    },
    responses: {
      202: {
        description: "Accepted: poll statusUrl or open reportUrl",
        content: {
          "application/json": {
            schema: z.object({
              id: z.string(),
              status: z.string(),
              created: z.boolean(),
              statusUrl: z.string(),
              reportUrl: z.string(),
            }),
          },
        },
      },
      303: { description: "Form posts are redirected to the report page" },
      ...problems(400, 413, 415, 422, 429),
    },
  });

  app.post("/v1/diagnostics", async (c) => {
    const addr = clientAddress(c, deps.env.TRUST_PROXY);
    const clientHash = createHash("sha256").update(addr).digest("hex").slice(0, 32);
    const rl = await limiter.hit(clientHash, deps.env.DIAGNOSTIC_RATE_LIMIT, deps.env.DIAGNOSTIC_RATE_WINDOW_S);
    c.header("RateLimit-Limit", String(deps.env.DIAGNOSTIC_RATE_LIMIT));
    c.header("RateLimit-Remaining", String(rl.remaining));
    if (!rl.allowed) {
      c.header("Retry-After", String(rl.resetS));
      throw new AppError("rate_limited", `too many diagnostic requests; retry in ${rl.resetS} s`);
    }
    const { body, form } = await readBody(c);
    const parsed = CreateDiagnosticBody.safeParse(body);
    if (!parsed.success) {
      throw new AppError("validation_failed", "invalid diagnostic request", { errors: zodIssues(parsed.error) });
    }
    const { email: _email, ...request } = parsed.data;
    const { diagnostic, created } = await createOrReuseDiagnostic(deps.db, {
      request,
      clientHash,
      dedupeWindowMs: DEDUPE_WINDOW_MS,
    });
    if (created)
      await deps.queue.enqueue("diagnose", { diagnosticId: diagnostic.id }, { jobId: `diagnose-${diagnostic.id}` });
    const reportUrl = `/diagnostics/${diagnostic.id}`;
    if (form) return c.redirect(reportUrl, 303);
    return c.json(
      {
        id: diagnostic.id,
        status: diagnostic.status,
        created,
        statusUrl: `/v1/diagnostics/${diagnostic.id}`,
        reportUrl,
      },
      202,
    );
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/diagnostics/{id}",
      tags: ["diagnostics"],
      summary: "Status and report JSON of a diagnostic (public: the id is an unguessable token)",
      request: { params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }) },
      responses: {
        200: { description: "Status", content: { "application/json": { schema: DiagnosticStatus } } },
        ...problems(404, 422),
      },
    }),
    async (c) => {
      const d = await getDiagnostic(deps.db, c.req.valid("param").id);
      return c.json(
        {
          id: d.id,
          status: d.status,
          businessName: d.businessName,
          locale: d.locale,
          createdAt: d.createdAt.toISOString(),
          finishedAt: d.finishedAt?.toISOString() ?? null,
          reportUrl: `/diagnostics/${d.id}`,
          report: d.report ?? null,
          error: d.status === "failed" ? "the diagnostic could not be completed" : null,
        },
        200,
      );
    },
  );

  app.get("/diagnostics/new", (c) => {
    const q = c.req.query("locale");
    const locale =
      q === "en" || q === "fr" ? q : (c.req.header("accept-language") ?? "").startsWith("en") ? "en" : "fr";
    return c.html(renderDiagnosticForm({ locale, action: "/v1/diagnostics" }));
  });

  app.get("/diagnostics/:id", async (c) => {
    const id = c.req.param("id");
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) throw new AppError("not_found", "diagnostic not found");
    const d = await getDiagnostic(deps.db, id);
    const q = c.req.query("locale");
    const locale = q === "en" || q === "fr" ? q : d.locale;
    if (d.status === "done" && d.report)
      return c.html(renderDiagnosticHtml(d.report as unknown as DiagnosticReport, { locale }));
    return c.html(
      renderStatusPage({ status: d.status, businessName: d.businessName, locale }),
      d.status === "failed" ? 500 : 200,
    );
  });
}
