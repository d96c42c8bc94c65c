import { z } from "zod";

/**
 * The one place that reads configuration. Everything else receives an `Env`.
 * Embedded mode = no DATABASE_URL (PGlite under DATA_DIR) and no REDIS_URL
 * (jobs run in-process); service mode sets both.
 */
const csv = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .default("false")
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// URL")
      .optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9:_-]+$/)
      .default("rep"),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** How long a worker's claim on a job lasts without renewal; a dead worker's job is redelivered after it. */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).default(30_000),
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
    /** HMAC key that turns reviewer names into pseudonyms. Required in service mode. */
    PSEUDONYM_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    /** Hosts or IPs that outbound fetches may reach although they are private or loopback. */
    FETCH_ALLOW_HOSTS: csv,
    FETCH_USER_AGENT: z
      .string()
      .min(1)
      .default("ReputationMonitor/0.1 (+https://github.com/reputation-monitor/reputation-monitor; review collector)"),
    FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    FETCH_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
    FETCH_HOST_INTERVAL_MS: z.coerce.number().int().min(0).default(2_000),
    /** Trust X-Forwarded-For (only behind a proxy you run). */
    TRUST_PROXY: bool,
    DIAGNOSTIC_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    DIAGNOSTIC_RATE_WINDOW_S: z.coerce.number().int().min(1).default(3600),
    PUBLIC_BASE_URL: z.string().url().optional(),
    /** Platform credentials: a source kind that needs one is skipped (and said so) without it. */
    GOOGLE_PLACES_API_KEY: z.string().min(1).optional(),
    YELP_API_KEY: z.string().min(1).optional(),
    TRIPADVISOR_API_KEY: z.string().min(1).optional(),
    TRUSTPILOT_API_KEY: z.string().min(1).optional(),
    BLUESKY_IDENTIFIER: z.string().min(1).optional(),
    BLUESKY_APP_PASSWORD: z.string().min(1).optional(),
    MASTODON_ACCESS_TOKEN: z.string().min(1).optional(),
    REDDIT_ACCESS_TOKEN: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && env.NODE_ENV === "production" && !env.PSEUDONYM_SECRET) {
      ctx.addIssue({ code: "custom", path: ["PSEUDONYM_SECRET"], message: "required in production" });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
  }
}

/** Parse a configuration record; throws EnvError listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" (a blank line in .env must not turn into a bad value).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  return result.data;
}

/** Boot-time loader: prints every problem and exits 1 on bad configuration. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  try {
    return parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** Adapter credentials from the configuration, keyed by source kind (only the ones set). */
export function credentialsFrom(env: Env): Partial<Record<string, Record<string, string>>> {
  const out: Partial<Record<string, Record<string, string>>> = {};
  const put = (kind: string, values: Record<string, string | undefined>) => {
    const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>;
    if (Object.keys(set).length > 0) out[kind] = set;
  };
  put("google-places", { apiKey: env.GOOGLE_PLACES_API_KEY });
  put("yelp", { apiKey: env.YELP_API_KEY });
  put("tripadvisor", { apiKey: env.TRIPADVISOR_API_KEY });
  put("trustpilot", { apiKey: env.TRUSTPILOT_API_KEY });
  if (env.BLUESKY_IDENTIFIER && env.BLUESKY_APP_PASSWORD) {
    put("bluesky", { identifier: env.BLUESKY_IDENTIFIER, appPassword: env.BLUESKY_APP_PASSWORD });
  }
  put("mastodon", { accessToken: env.MASTODON_ACCESS_TOKEN });
  put("reddit", { accessToken: env.REDDIT_ACCESS_TOKEN });
  return out;
}

/** The fetch layer's settings from the configuration (every process builds its fetcher from these). */
export function fetchOptionsFrom(env: Env) {
  return {
    userAgent: env.FETCH_USER_AGENT,
    allowHosts: env.FETCH_ALLOW_HOSTS,
    maxBytes: env.FETCH_MAX_BYTES,
    hostIntervalMs: env.FETCH_HOST_INTERVAL_MS,
    timeouts: { totalMs: env.FETCH_TIMEOUT_MS },
  };
}
