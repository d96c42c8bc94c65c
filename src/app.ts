import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { requireApiKey } from "./api/auth.ts";
import type { AppDeps, AppEnv } from "./api/context.ts";
import { renderDocsPage } from "./api/docs-page.ts";
import { handleError, problemResponse, zodIssues } from "./api/problem.ts";
import { isPublicRoute } from "./api/public-routes.ts";
import { registerAlertRoutes } from "./api/routes/alerts.ts";
import { registerBusinessRoutes } from "./api/routes/businesses.ts";
import { registerDiagnosticRoutes } from "./api/routes/diagnostics.ts";
import { registerHealthRoutes } from "./api/routes/health.ts";
import { registerHighlightRoutes } from "./api/routes/highlights.ts";
import { registerMentionRoutes } from "./api/routes/mentions.ts";
import { registerSourceRoutes } from "./api/routes/sources.ts";
import { registerTrendRoutes } from "./api/routes/trends.ts";
import { AppError } from "./errors.ts";

export type App = OpenAPIHono<AppEnv>;

/** Builds the HTTP app. It never listens: `src/index.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps): App {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError("validation_failed", "invalid request", { errors: zodIssues(result.error) });
      }
    },
  });

  app.use(
    "*",
    requestId({
      headerName: "X-Request-Id",
      // hono keeps a caller's id when it is at most 255 word characters; otherwise it calls this.
      generator: () => crypto.randomUUID(),
    }),
  );
  app.use("*", async (c, next) => {
    const log = deps.log.child({ requestId: c.get("requestId") });
    c.set("log", log);
    const started = performance.now();
    await next();
    log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      "request",
    );
  });
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) => problemResponse(c, "payload_too_large", "request body over 256 KiB"),
    }),
  );
  app.use("/v1/*", requireApiKey(deps.db, isPublicRoute));

  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", { type: "http", scheme: "bearer" });
  registerHealthRoutes(app, deps);
  registerBusinessRoutes(app, deps);
  registerSourceRoutes(app, deps);
  registerMentionRoutes(app, deps);
  registerTrendRoutes(app, deps);
  registerHighlightRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerDiagnosticRoutes(app, deps);

  const docConfig = {
    openapi: "3.0.3",
    info: {
      title: "Reputation Monitor API",
      version: "0.1.0",
      description: "Reviews and mentions, sentiment, diagnostics, trends, highlights and alerts.",
    },
  };
  app.doc("/openapi.json", docConfig);
  app.get("/docs", (c) => c.html(renderDocsPage(app.getOpenAPIDocument(docConfig) as never)));

  app.notFound((c) => problemResponse(c, "not_found", `no route for ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => handleError(err, c, c.get("log") ?? deps.log));
  return app;
}
