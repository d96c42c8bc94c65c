import { setTimeout as delay } from "node:timers/promises";
import { Agent } from "undici";
import { silentLogger } from "../../logger.ts";
import type { Fetcher, FetchRequest, FetchResponse } from "../types.ts";
import { ACCEPT_ENCODING } from "./body.ts";
import { guardedConnector, systemResolver } from "./connector.ts";
import { describeTarget, FetchError } from "./errors.ts";
import { type Exchange, exchange } from "./exchange.ts";
import { DEFAULT_USER_AGENT, DEFAULTS, type FetcherOptions, type FetcherTimeouts } from "./options.ts";
import { createMemoryPoliteness, createRedisPoliteness } from "./politeness.ts";
import { backoffDelay, parseRetryAfter, type RetryOptions } from "./retry.ts";
import { createMemoryRobotsCache, createRedisRobotsCache, createRobotsChecker, robotsDisallowed } from "./robots.ts";
import { productToken, ROBOTS_MAX_BYTES } from "./robots-parser.ts";
import { buildPolicy, checkTarget, type TargetPolicy } from "./target.ts";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Headers the caller may not set: we own framing, decoding and identity.
const RESERVED_HEADERS = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "accept-encoding",
  "user-agent",
]);
const CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];

interface HopInit {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  maxBytes: number;
  truncate: boolean;
  checkRobots: boolean;
}

/**
 * Creates the fetcher adapters use. Everything is passed in (nothing reads the
 * environment); every option has a safe default. Call close() on shutdown.
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher & { close(): Promise<void> } {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const timeouts: FetcherTimeouts = { ...DEFAULTS.timeouts, ...options.timeouts };
  const retries: RetryOptions = { ...DEFAULTS.retries, ...options.retries };
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const hostIntervalMs = options.hostIntervalMs ?? DEFAULTS.hostIntervalMs;
  const maxCrawlDelayMs = options.maxCrawlDelayMs ?? DEFAULTS.maxCrawlDelayMs;
  const maxWaitMs = options.maxPolitenessWaitMs ?? DEFAULTS.maxPolitenessWaitMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
  const defaultRetryAfterMs = options.defaultRetryAfterMs ?? DEFAULTS.defaultRetryAfterMs;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const random = options.random ?? Math.random;
  const log = (options.logger ?? silentLogger).child({ module: "fetch" });
  const prefix = options.redisPrefix ?? "fetch:";
  const policy: TargetPolicy = buildPolicy(options.allowHosts ?? [], options.allowPorts ?? DEFAULTS.allowPorts);
  const politeness =
    options.politeness ??
    (options.redis ? createRedisPoliteness(options.redis, `${prefix}polite:`) : createMemoryPoliteness(now));
  const agent = new Agent({
    connect: guardedConnector(policy, options.resolve ?? systemResolver, timeouts.connectMs),
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });

  async function waitForSlot(url: URL, intervalMs: number): Promise<void> {
    const slot = await politeness.reserve(url.host, intervalMs, maxWaitMs);
    if (!slot.granted) {
      throw new FetchError("rate_limited", `host ${url.host} is busy for ${slot.waitMs} ms`, {
        retryAfterMs: slot.waitMs,
        target: describeTarget(url),
      });
    }
    if (slot.waitMs > 0) await sleep(slot.waitMs);
  }

  /** One URL, with politeness before each attempt and backoff between attempts. */
  async function attempt(url: URL, init: HopInit, intervalMs: number): Promise<Exchange> {
    for (let n = 0; ; n++) {
      await waitForSlot(url, intervalMs);
      const started = now();
      let result: Exchange;
      try {
        result = await exchange(agent, url, { ...init, totalMs: timeouts.totalMs });
      } catch (err) {
        const fe = err as FetchError;
        log.debug({ target: describeTarget(url), code: fe.code, attempt: n }, "fetch failed");
        if (fe.code === "network" && fe.retryable && n < retries.count) {
          await sleep(backoffDelay(n, retries, random));
          continue;
        }
        throw fe;
      }
      const { status } = result;
      log.debug({ target: describeTarget(url), status, bytes: result.body.length, ms: now() - started }, "fetched");
      const retryAfter = parseRetryAfter(result.headers["retry-after"], now());
      if (status === 429 || (status === 503 && retryAfter !== undefined)) {
        const waitMs = Math.min(retryAfter ?? defaultRetryAfterMs, maxRetryAfterMs);
        await politeness.blockFor(url.host, waitMs);
        log.info({ host: url.host, status, retryAfterMs: waitMs }, "rate limited by host");
        throw new FetchError("rate_limited", `host answered ${status}`, {
          status,
          retryAfterMs: waitMs,
          target: describeTarget(url),
        });
      }
      if (status >= 500 && n < retries.count) {
        await sleep(backoffDelay(n, retries, random));
        continue;
      }
      return result;
    }
  }

  /** Follows redirects by hand so every hop is re-checked (scheme, port, address, robots). */
  async function follow(start: URL, init: HopInit): Promise<{ url: URL; result: Exchange }> {
    let url = start;
    let hop = init;
    for (let redirects = 0; ; redirects++) {
      let intervalMs = hostIntervalMs;
      if (hop.checkRobots) {
        const decision = await robots.check(url);
        if (!decision.allowed) throw robotsDisallowed(url);
        if (decision.crawlDelayMs !== undefined) {
          intervalMs = Math.max(intervalMs, Math.min(decision.crawlDelayMs, maxCrawlDelayMs));
        }
      }
      const result = await attempt(url, hop, intervalMs);
      const location = result.headers.location;
      if (!REDIRECTS.has(result.status) || location === undefined) return { url, result };
      if (redirects >= maxRedirects) {
        throw new FetchError("too_many_redirects", `more than ${maxRedirects} redirects`, {
          target: describeTarget(start),
        });
      }
      const next = checkTarget(location, policy, url);
      const headers = { ...hop.headers };
      if (next.origin !== url.origin) for (const h of CREDENTIAL_HEADERS) delete headers[h];
      // 303 always, and 301/302 after a POST, turn into a body-less GET (as browsers do).
      if (result.status === 303 || (hop.method === "POST" && (result.status === 301 || result.status === 302))) {
        delete headers["content-type"];
        hop = { ...hop, method: "GET", headers, body: undefined };
      } else {
        hop = { ...hop, headers };
      }
      url = next;
    }
  }

  const robots = createRobotsChecker({
    cache:
      options.robotsCache ??
      (options.redis ? createRedisRobotsCache(options.redis, `${prefix}robots:`) : createMemoryRobotsCache(now)),
    token: productToken(userAgent),
    ttlMs: options.robotsTtlMs ?? DEFAULTS.robotsTtlMs,
    errorTtlMs: options.robotsErrorTtlMs ?? DEFAULTS.robotsErrorTtlMs,
    now,
    logger: log,
    fetchRobots: async (url) => {
      const headers = { "user-agent": userAgent, "accept-encoding": ACCEPT_ENCODING, accept: "text/plain, */*" };
      const init: HopInit = { method: "GET", headers, maxBytes: ROBOTS_MAX_BYTES, truncate: true, checkRobots: false };
      const { result } = await follow(url, init);
      return { status: result.status, body: result.body, truncated: result.truncated };
    },
  });

  function requestHeaders(req: FetchRequest): Record<string, string> {
    const headers: Record<string, string> = { accept: "*/*" };
    for (const [name, value] of Object.entries(req.headers ?? {})) {
      const key = name.toLowerCase();
      if (!RESERVED_HEADERS.has(key)) headers[key] = value;
    }
    headers["user-agent"] = userAgent;
    headers["accept-encoding"] = ACCEPT_ENCODING;
    if (req.etag) headers["if-none-match"] = req.etag;
    if (req.lastModified) headers["if-modified-since"] = req.lastModified;
    return headers;
  }

  return {
    async fetch(req: FetchRequest): Promise<FetchResponse> {
      const start = checkTarget(req.url, policy);
      const method = req.method ?? "GET";
      const init: HopInit = {
        method,
        headers: requestHeaders(req),
        ...(req.body === undefined ? {} : { body: req.body }),
        maxBytes: req.maxBytes ?? options.maxBytes ?? DEFAULTS.maxBytes,
        truncate: false,
        checkRobots: req.ignoreRobots !== true,
      };
      const { url, result } = await follow(start, init);
      const etag = result.headers.etag;
      const lastModified = result.headers["last-modified"];
      const response: FetchResponse = {
        url: url.toString(),
        status: result.status,
        headers: result.headers,
        body: result.body,
        notModified: result.status === 304,
      };
      if (result.headers["content-type"] !== undefined) response.contentType = result.headers["content-type"];
      if (result.status === 304) {
        // A 304 may omit validators: keep the ones the caller already had.
        const keptEtag = etag ?? req.etag;
        const keptLastModified = lastModified ?? req.lastModified;
        if (keptEtag !== undefined) response.etag = keptEtag;
        if (keptLastModified !== undefined) response.lastModified = keptLastModified;
        return response;
      }
      if (result.status < 200 || result.status >= 300) {
        throw new FetchError("http_error", `HTTP ${result.status}`, {
          status: result.status,
          retryable: result.status >= 500 || result.status === 408 || result.status === 425,
          target: describeTarget(url),
        });
      }
      if (etag !== undefined) response.etag = etag;
      if (lastModified !== undefined) response.lastModified = lastModified;
      return response;
    },
    async close() {
      await agent.close();
    },
  };
}
