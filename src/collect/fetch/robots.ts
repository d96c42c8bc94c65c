import type { Redis } from "ioredis";
import type { Logger } from "../../logger.ts";
import { FetchError, findFetchError } from "./errors.ts";
import { isAllowed, type ParsedRobots, parseRobots, type RobotsRules, rulesFor } from "./robots-parser.ts";

/**
 * What we remember about one origin's robots.txt. Status handling follows RFC
 * 9309 section 2.3.1: 4xx means no rules (allow all), 5xx or no answer means
 * "assume complete disallow" until the next try.
 */
export type RobotsEntry =
  | { kind: "rules"; text: string; fetchedAt: number }
  | { kind: "allow_all"; fetchedAt: number }
  | { kind: "disallow_all"; fetchedAt: number };

export interface RobotsCache {
  get(origin: string): Promise<RobotsEntry | undefined>;
  set(origin: string, entry: RobotsEntry, ttlMs: number): Promise<void>;
}

export function createMemoryRobotsCache(now: () => number = Date.now): RobotsCache {
  const entries = new Map<string, { entry: RobotsEntry; expiresAt: number }>();
  return {
    async get(origin) {
      const hit = entries.get(origin);
      if (!hit) return undefined;
      if (hit.expiresAt <= now()) {
        entries.delete(origin);
        return undefined;
      }
      return hit.entry;
    },
    async set(origin, entry, ttlMs) {
      entries.set(origin, { entry, expiresAt: now() + ttlMs });
    },
  };
}

/** Shares robots.txt between workers so a fleet fetches each file once a day. */
export function createRedisRobotsCache(redis: Redis, prefix = "fetch:robots:"): RobotsCache {
  return {
    async get(origin) {
      const raw = await redis.get(prefix + origin);
      return raw ? (JSON.parse(raw) as RobotsEntry) : undefined;
    },
    async set(origin, entry, ttlMs) {
      await redis.set(prefix + origin, JSON.stringify(entry), "PX", Math.max(1, Math.round(ttlMs)));
    },
  };
}

export interface RobotsFetchResult {
  status: number;
  body: Uint8Array;
  truncated: boolean;
}

export interface RobotsCheckerOptions {
  cache: RobotsCache;
  /** Our product token, lower case (see productToken). */
  token: string;
  /** How long a fetched file (or a 4xx) is trusted: at most 24 h. */
  ttlMs: number;
  /** How long a 5xx / unreachable "disallow all" lasts before trying again. */
  errorTtlMs: number;
  now: () => number;
  /** Fetches robots.txt through the guarded path; throws FetchError when nothing came back. */
  fetchRobots: (url: URL) => Promise<RobotsFetchResult>;
  logger: Logger;
}

export interface RobotsDecision {
  allowed: boolean;
  crawlDelayMs?: number;
}

export function decodeRobots(body: Uint8Array, truncated: boolean): string {
  const text = new TextDecoder("utf-8").decode(body);
  // A cut-off last line could turn "Disallow: /private" into "Disallow: /": drop it.
  return truncated ? text.slice(0, Math.max(0, text.lastIndexOf("\n"))) : text;
}

export function createRobotsChecker(options: RobotsCheckerOptions) {
  const parsedByOrigin = new Map<string, { fetchedAt: number; rules: RobotsRules }>();
  const inFlight = new Map<string, Promise<RobotsEntry>>();
  const maxTtl = 24 * 60 * 60 * 1000;

  async function load(origin: string): Promise<RobotsEntry> {
    const cached = await options.cache.get(origin);
    if (cached) return cached;
    const fetchedAt = options.now();
    let entry: RobotsEntry;
    try {
      const res = await options.fetchRobots(new URL("/robots.txt", origin));
      if (res.status >= 200 && res.status < 300) {
        entry = { kind: "rules", text: decodeRobots(res.body, res.truncated), fetchedAt };
      } else if (res.status === 429 || res.status >= 500) {
        entry = { kind: "disallow_all", fetchedAt };
      } else {
        entry = { kind: "allow_all", fetchedAt };
      }
    } catch (err) {
      const fe = findFetchError(err);
      if (fe?.code === "too_many_redirects") entry = { kind: "allow_all", fetchedAt };
      else if (fe && (fe.code === "network" || fe.code === "timeout" || fe.code === "http_error")) {
        entry = { kind: "disallow_all", fetchedAt };
      } else throw err; // blocked address/port: the page itself is refused for the same reason
    }
    const ttl = entry.kind === "disallow_all" ? options.errorTtlMs : Math.min(options.ttlMs, maxTtl);
    await options.cache.set(origin, entry, ttl);
    options.logger.debug({ origin, robots: entry.kind }, "robots.txt loaded");
    return entry;
  }

  function rulesOf(origin: string, entry: RobotsEntry): RobotsRules | "all" | "none" {
    if (entry.kind === "allow_all") return "all";
    if (entry.kind === "disallow_all") return "none";
    const memo = parsedByOrigin.get(origin);
    if (memo && memo.fetchedAt === entry.fetchedAt) return memo.rules;
    const parsed: ParsedRobots = parseRobots(entry.text);
    const rules = rulesFor(parsed, options.token);
    parsedByOrigin.set(origin, { fetchedAt: entry.fetchedAt, rules });
    return rules;
  }

  return {
    async check(url: URL): Promise<RobotsDecision> {
      const origin = url.origin;
      let pending = inFlight.get(origin);
      if (!pending) {
        pending = load(origin).finally(() => inFlight.delete(origin));
        inFlight.set(origin, pending);
      }
      const rules = rulesOf(origin, await pending);
      if (rules === "all") return { allowed: true };
      if (rules === "none") return { allowed: url.pathname === "/robots.txt" };
      const allowed = isAllowed(rules, url.pathname + url.search);
      return rules.crawlDelaySec === undefined ? { allowed } : { allowed, crawlDelayMs: rules.crawlDelaySec * 1000 };
    },
  };
}

export type RobotsChecker = ReturnType<typeof createRobotsChecker>;

export function robotsDisallowed(url: URL): FetchError {
  return new FetchError("robots_disallowed", "robots.txt disallows this URL", {
    target: `${url.origin}${url.pathname}`,
  });
}
