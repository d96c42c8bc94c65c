import { type ServerType, serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import type { Runtime } from "./runtime.ts";

/** Serve the API on HOST:PORT; resolves once listening. */
export function startApi(rt: Runtime): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  const app = createApp({
    db: rt.database.db,
    dbPing: () => rt.database.ping(),
    queue: rt.queue,
    log: rt.log,
    env: rt.env,
    fetcher: rt.fetcher,
    redis: rt.redis,
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: rt.env.PORT, hostname: rt.env.HOST }, (info) => {
      rt.log.info({ port: info.port, host: rt.env.HOST }, "API listening");
      resolve({
        server,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
