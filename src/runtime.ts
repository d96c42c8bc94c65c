import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { createFetcher } from "./collect/fetch/index.ts";
import type { CollectContext, Fetcher } from "./collect/types.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { credentialsFrom, type Env, fetchOptionsFrom } from "./env.ts";
import type { Logger } from "./logger.ts";
import { BullJobQueue, producerConnection } from "./queue/bullmq.ts";
import { InProcessQueue } from "./queue/in-process.ts";
import type { JobQueue } from "./queue/types.ts";

/**
 * The process-wide parts, built once from the configuration: database, queue
 * producer, fetch layer. API and worker entry points share this assembly.
 */
export interface Runtime {
  env: Env;
  log: Logger;
  database: Database;
  queue: JobQueue;
  fetcher: Fetcher & { close(): Promise<void> };
  redis?: Redis;
  pseudonymSecret: string;
  credentials: CollectContext["credentials"];
  close(): Promise<void>;
}

export async function createRuntime(env: Env, log: Logger, opts: { migrate?: boolean } = {}): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  if (opts.migrate ?? true) await database.migrate();
  let redis: Redis | undefined;
  let sharedState: Redis | undefined;
  let queue: JobQueue;
  if (env.REDIS_URL) {
    redis = producerConnection(env.REDIS_URL);
    redis.on("error", (err) => log.warn({ err: err.message }, "redis connection error"));
    // Politeness slots and robots.txt cache: commands wait for a (re)connection rather than
    // failing at once, since a failed robots lookup means "disallow".
    sharedState = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
    sharedState.on("error", (err) => log.warn({ err: err.message }, "redis connection error"));
    queue = new BullJobQueue(redis, env.QUEUE_PREFIX, log.child({ module: "queue" }));
  } else {
    queue = new InProcessQueue(log.child({ module: "queue" }), env.WORKER_CONCURRENCY);
  }
  const fetcher = createFetcher({
    ...fetchOptionsFrom(env),
    redis: sharedState,
    redisPrefix: `${env.QUEUE_PREFIX}:fetch:`,
    logger: log.child({ module: "fetch" }),
  });
  const pseudonymSecret = env.PSEUDONYM_SECRET ?? loadOrCreateSecret(env, log);
  return {
    env,
    log,
    database,
    queue,
    fetcher,
    redis,
    pseudonymSecret,
    credentials: credentialsFrom(env) as CollectContext["credentials"],
    async close() {
      await queue.close();
      await fetcher.close();
      for (const conn of [redis, sharedState]) if (conn) await conn.quit().catch(() => conn.disconnect());
      await database.close();
    },
  };
}

/**
 * Embedded mode keeps a generated pseudonym key next to its data, so pseudonyms
 * stay stable across restarts. Service mode requires PSEUDONYM_SECRET in production.
 */
function loadOrCreateSecret(env: Env, log: Logger): string {
  if (env.DATABASE_URL) {
    log.warn("PSEUDONYM_SECRET is not set: using a development key (set it in production)");
    return "development-only-pseudonym-key";
  }
  const dir = resolve(env.DATA_DIR);
  const file = join(dir, "pseudonym.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
