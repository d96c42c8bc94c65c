import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.ts";

/** Routes of the product features (diagnostics, trends, highlights, alerts) register here. */
export const extraRoutes: Array<(app: OpenAPIHono<AppEnv>, deps: AppDeps) => void> = [];

/** Routes reachable without an API key. */
export function isPublicRoute(method: string, path: string): boolean {
  if (method === "POST" && path === "/v1/diagnostics") return true;
  if (method === "GET" && /^\/v1\/diagnostics\/[A-Za-z0-9_-]+$/.test(path)) return true;
  return false;
}
