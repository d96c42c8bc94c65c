import type { Redis } from "ioredis";
import type { Logger } from "../../logger.ts";
import type { Resolver } from "./connector.ts";
import type { PolitenessStore } from "./politeness.ts";
import type { RetryOptions } from "./retry.ts";
import type { RobotsCache } from "./robots.ts";

export interface FetcherTimeouts {
  /** TCP (and TLS) connection set-up. */
  connectMs: number;
  /** From request sent to response headers received. */
  headersMs: number;
  /** Longest silence between two body chunks. */
  bodyMs: number;
  /** Whole exchange for one attempt on one URL, connect to last byte: what stops a trickle. */
  totalMs: number;
}

export interface FetcherOptions {
  /** Sent on every request; its first token is the robots.txt product token. */
  userAgent?: string;
  /** Host names or IP literals reachable even when private/loopback, on any port. */
  allowHosts?: string[];
  allowPorts?: number[];
  timeouts?: Partial<FetcherTimeouts>;
  /** Cap on the decompressed body, in bytes. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Retries on 5xx and network errors (never on 4xx, timeouts or rate limits). */
  retries?: Partial<RetryOptions>;
  /** Minimum spacing between two requests to one host; robots.txt Crawl-delay may raise it. */
  hostIntervalMs?: number;
  /** Crawl-delay values above this are clamped (a hostile file could say a day). */
  maxCrawlDelayMs?: number;
  /** Longest the fetcher sleeps for a politeness slot; beyond it, it throws rate_limited. */
  maxPolitenessWaitMs?: number;
  /** Back-off used for a 429 that has no Retry-After. */
  defaultRetryAfterMs?: number;
  /** Upper bound applied to Retry-After values. */
  maxRetryAfterMs?: number;
  /** Shared store for politeness and robots.txt; explicit `politeness`/`robotsCache` win. */
  redis?: Redis;
  redisPrefix?: string;
  politeness?: PolitenessStore;
  robotsCache?: RobotsCache;
  /** robots.txt freshness (capped at 24 h) and how long a 5xx "disallow all" lasts. */
  robotsTtlMs?: number;
  robotsErrorTtlMs?: number;
  resolve?: Resolver;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  logger?: Logger;
}

export const DEFAULT_USER_AGENT =
  "ReputationMonitor/0.1 (open-source e-reputation monitor; collects public reviews; honours robots.txt)";

export const DEFAULTS = {
  allowPorts: [80, 443],
  timeouts: { connectMs: 10_000, headersMs: 15_000, bodyMs: 15_000, totalMs: 30_000 },
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  retries: { count: 2, baseDelayMs: 500, maxDelayMs: 10_000 },
  hostIntervalMs: 2_000,
  maxCrawlDelayMs: 60_000,
  maxPolitenessWaitMs: 30_000,
  defaultRetryAfterMs: 60_000,
  maxRetryAfterMs: 6 * 60 * 60 * 1000,
  robotsTtlMs: 24 * 60 * 60 * 1000,
  robotsErrorTtlMs: 10 * 60 * 1000,
};
