import type { App } from "../../src/app.ts";
import { createApp } from "../../src/app.ts";
import { createApiKey } from "../../src/db/queries/api-keys.ts";
import type { Runtime } from "../../src/runtime.ts";

/** Builds the app on a runtime and mints one admin and one read key for the test. */
export async function appWithKeys(rt: Runtime): Promise<{ app: App; admin: string; read: string }> {
  const app = createApp({
    db: rt.database.db,
    dbPing: () => rt.database.ping(),
    queue: rt.queue,
    log: rt.log,
    env: rt.env,
    fetcher: rt.fetcher,
    redis: rt.redis,
  });
  const admin = (await createApiKey(rt.database.db, { name: "test-admin", scope: "admin" })).key;
  const read = (await createApiKey(rt.database.db, { name: "test-read", scope: "read" })).key;
  return { app, admin, read };
}

export function call(app: App, key: string | undefined, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return app.request(path, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
