import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/client.ts";
import { findApiKey, touchApiKey } from "../db/queries/api-keys.ts";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./context.ts";

/**
 * `Authorization: Bearer <key>`. Reads (GET/HEAD) need the `read` scope, every
 * other method `admin` (admin includes read). Public routes opt out explicitly.
 */
export function requireApiKey(db: Db, isPublic: (method: string, path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthorized", "missing API key: send Authorization: Bearer <key>");
    const key = await findApiKey(db, match[1]!);
    if (!key) throw new AppError("unauthorized", "invalid API key");
    const needed = c.req.method === "GET" || c.req.method === "HEAD" ? "read" : "admin";
    if (needed === "admin" && key.scope !== "admin") {
      throw new AppError("forbidden", "this API key has the read scope; this operation needs admin");
    }
    c.set("apiKey", key);
    // Best effort: a failed timestamp update must not fail the request.
    void touchApiKey(db, key.id).catch(() => {});
    return next();
  };
}
