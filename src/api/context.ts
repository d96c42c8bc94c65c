import type { Redis } from "ioredis";
import type { Fetcher } from "../collect/types.ts";
import type { Db } from "../db/client.ts";
import type { Env } from "../env.ts";
import type { Logger } from "../logger.ts";
import type { JobQueue } from "../queue/types.ts";

/** What the app needs from the outside world; tests build it with real Postgres/Redis. */
export interface AppDeps {
  db: Db;
  /** Health probe of the database (Database.ping). */
  dbPing: () => Promise<boolean>;
  queue: JobQueue;
  log: Logger;
  env: Env;
  /** Used by the diagnostic request path for discovery previews (optional). */
  fetcher?: Fetcher;
  /** Shared counters (rate limits) when Redis is configured. */
  redis?: Redis;
  now?: () => Date;
}

export type ApiKeyInfo = { id: string; scope: "read" | "admin"; name: string };

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    apiKey: ApiKeyInfo | undefined;
  };
};
