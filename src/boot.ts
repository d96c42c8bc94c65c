import { startWorkers, type WorkerHandle } from "../workers/index.ts";
import { warmLanguageDetector } from "./analysis/index.ts";
import { countApiKeys, createApiKey } from "./db/queries/api-keys.ts";
import { type Env, loadEnv } from "./env.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createRuntime, type Runtime } from "./runtime.ts";
import { startApi } from "./serve.ts";

export type Role = "api" | "worker" | "all";

export interface Running {
  rt: Runtime;
  port?: number;
  stop(): Promise<void>;
}

/**
 * Boot one process: env → logger → runtime (db, queue, fetcher) → API and/or
 * workers. In embedded mode (no REDIS_URL) jobs can only run in this process,
 * so the API role also processes jobs.
 */
export async function boot(role: Role, source: Record<string, string | undefined> = process.env): Promise<Running> {
  const env: Env = loadEnv(source);
  const log: Logger = createLogger(env.LOG_LEVEL);
  if (role === "worker" && !env.REDIS_URL) {
    process.stderr.write(
      "the worker process needs REDIS_URL; without Redis, run `npm start` (API and jobs in one process)\n",
    );
    process.exit(1);
  }
  const rt = await createRuntime(env, log);
  warmLanguageDetector();
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  let workers: WorkerHandle | undefined;
  if (role === "worker" || role === "all" || !env.REDIS_URL) workers = await startWorkers(rt);
  if (role === "api" || role === "all") {
    if (!env.DATABASE_URL) await printFirstKey(rt);
    api = await startApi(rt);
  }
  log.info({ role, database: rt.database.driver, queue: rt.queue.mode }, "started");
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await api?.close();
      await workers?.close();
      await rt.close();
    })();
    return stopping;
  };
  return { rt, port: api?.port, stop };
}

/** Graceful shutdown on SIGTERM/SIGINT, bounded so a stuck job cannot hold the process forever. */
export function handleSignals(running: Running, graceMs = 15_000) {
  const onSignal = (signal: string) => {
    running.rt.log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      running.rt.log.error("shutdown took too long; exiting");
      process.exit(1);
    }, graceMs);
    timer.unref();
    running.stop().then(
      () => process.exit(0),
      (err) => {
        running.rt.log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));
}

/** A first embedded start has no API key yet: mint an admin key and show it once. */
async function printFirstKey(rt: Runtime) {
  if ((await countApiKeys(rt.database.db)) > 0) return;
  const { key } = await createApiKey(rt.database.db, { name: "first-admin", scope: "admin" });
  process.stdout.write(
    `\nFirst start: an admin API key was created. It is shown once and only its hash is stored:\n  ${key}\nUse it as: Authorization: Bearer <key>\n\n`,
  );
}
