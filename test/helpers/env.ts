import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { type Env, parseEnv } from "../../src/env.ts";

/** A unique queue prefix per test keeps BullMQ keys of concurrent tests apart. */
export const uniquePrefix = (label = "t") => `test:${label}:${randomBytes(4).toString("hex")}`;

export function serviceEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: inject("databaseUrl"),
    REDIS_URL: inject("redisUrl"),
    QUEUE_PREFIX: uniquePrefix(),
    FETCH_ALLOW_HOSTS: "127.0.0.1",
    FETCH_HOST_INTERVAL_MS: "0",
    PSEUDONYM_SECRET: "test-pseudonym-secret-0123456789",
    PORT: "0",
    ...overrides,
  });
}
