import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/client.ts";
import { findApiKey, hashKey, touchApiKey } from "../db/queries/api-keys.ts";
import { AppError } from "../errors.ts";
import type { ApiKeyInfo, AppEnv } from "./context.ts";

/** A key lookup is cached this long (a revoked key stops working within this delay). */
const KEY_CACHE_MS = 10_000;
/** `last_used_at` is written at most this often per key: a write per request would cost a commit each. */
const TOUCH_EVERY_MS = 60_000;

/**
 * `Authorization: Bearer <key>`. Reads (GET/HEAD) need the `read` scope, every
 * other method `admin` (admin includes read). Public routes opt out explicitly.
 */
export function requireApiKey(db: Db, isPublic: (method: string, path: string) => boolean): MiddlewareHandler<AppEnv> {
  const cache = new Map<string, { key: ApiKeyInfo | undefined; until: number }>();
  const touched = new Map<string, number>();
  return async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthorized", "missing API key: send Authorization: Bearer <key>");
    const digest = hashKey(match[1]!);
    const now = Date.now();
    let entry = cache.get(digest);
    if (!entry || entry.until < now) {
      entry = { key: await findApiKey(db, match[1]!), until: now + KEY_CACHE_MS };
      if (cache.size > 10_000) cache.clear();
      cache.set(digest, entry);
    }
    const key = entry.key;
    if (!key) throw new AppError("unauthorized", "invalid API key");
    const needed = c.req.method === "GET" || c.req.method === "HEAD" ? "read" : "admin";
    if (needed === "admin" && key.scope !== "admin") {
      throw new AppError("forbidden", "this API key has the read scope; this operation needs admin");
    }
    c.set("apiKey", key);
    if ((touched.get(key.id) ?? 0) + TOUCH_EVERY_MS < now) {
      touched.set(key.id, now);
      // Best effort: a failed timestamp update must not fail the request.
      void touchApiKey(db, key.id).catch(() => {});
    }
    return next();
  };
}
