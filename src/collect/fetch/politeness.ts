import type { Redis } from "ioredis";

/**
 * Per-host request spacing. A caller reserves the next free slot for a host
 * and sleeps until it; reservation is atomic so N workers never start two
 * requests to one host closer than the interval. A slot further away than
 * `maxWaitMs` is not taken: the caller gives the job back instead of sleeping.
 */
export interface Reservation {
  granted: boolean;
  /** Time until the slot (granted) or until the first free slot (refused). */
  waitMs: number;
}

export interface PolitenessStore {
  reserve(host: string, intervalMs: number, maxWaitMs: number): Promise<Reservation>;
  /** Nobody starts a request to `host` for the next `ms` (a Retry-After). */
  blockFor(host: string, ms: number): Promise<void>;
}

export function createMemoryPoliteness(now: () => number = Date.now): PolitenessStore {
  const nextAt = new Map<string, number>();
  const prune = (t: number) => {
    if (nextAt.size < 10_000) return;
    for (const [host, at] of nextAt) if (at <= t) nextAt.delete(host);
  };
  return {
    async reserve(host, intervalMs, maxWaitMs) {
      const t = now();
      const slot = Math.max(nextAt.get(host) ?? 0, t);
      const waitMs = slot - t;
      if (waitMs > maxWaitMs) return { granted: false, waitMs };
      prune(t);
      nextAt.set(host, slot + intervalMs);
      return { granted: true, waitMs };
    },
    async blockFor(host, ms) {
      const until = now() + ms;
      if (until > (nextAt.get(host) ?? 0)) nextAt.set(host, until);
    },
  };
}

// Redis's own clock is the reference, so workers on hosts with skewed clocks agree.
const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const RESERVE = `${NOW_MS}
local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
local wait = slot - now
if wait > tonumber(ARGV[2]) then return {0, wait} end
local nextAt = slot + tonumber(ARGV[1])
redis.call('SET', KEYS[1], nextAt, 'PX', nextAt - now + 1000)
return {1, wait}`;

const BLOCK = `${NOW_MS}
local untilAt = now + tonumber(ARGV[1])
if untilAt > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], untilAt, 'PX', untilAt - now + 1000)
end
return 1`;

/** Shares the spacing between every process using the same Redis and prefix. */
export function createRedisPoliteness(redis: Redis, prefix = "fetch:polite:"): PolitenessStore {
  return {
    async reserve(host, intervalMs, maxWaitMs) {
      const [granted, waitMs] = (await redis.eval(
        RESERVE,
        1,
        prefix + host,
        Math.round(intervalMs),
        Math.round(maxWaitMs),
      )) as [number, number];
      return { granted: granted === 1, waitMs };
    },
    async blockFor(host, ms) {
      await redis.eval(BLOCK, 1, prefix + host, Math.max(0, Math.round(ms)));
    },
  };
}
