import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.ts";

const Ready = z.object({
  status: z.enum(["ready", "unavailable"]),
  checks: z.object({ database: z.boolean(), queue: z.boolean() }),
  queueMode: z.string(),
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["ops"],
      summary: "Liveness: the process answers",
      responses: {
        200: {
          description: "Alive",
          content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
        },
      },
    }),
    (c) => c.json({ status: "ok" as const }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/ready",
      tags: ["ops"],
      summary: "Readiness: database and queue answer",
      responses: {
        200: { description: "Ready", content: { "application/json": { schema: Ready } } },
        503: { description: "A dependency is down", content: { "application/json": { schema: Ready } } },
      },
    }),
    async (c) => {
      const [database, queue] = await Promise.all([
        withTimeout(deps.dbPing(), 2_000),
        withTimeout(deps.queue.ping(), 2_000),
      ]);
      const ok = database && queue;
      const body = {
        status: ok ? ("ready" as const) : ("unavailable" as const),
        checks: { database, queue },
        queueMode: deps.queue.mode,
      };
      return ok ? c.json(body, 200) : c.json(body, 503);
    },
  );
}

async function withTimeout(p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
