import type { Redis } from "ioredis";

/** Fixed-window counter per key: Redis when configured (shared by all API processes), else memory. */
export interface RateLimiter {
  hit(key: string, limit: number, windowS: number): Promise<{ allowed: boolean; remaining: number; resetS: number }>;
}

export function createRateLimiter(redis?: Redis, prefix = "rl:"): RateLimiter {
  if (redis) {
    return {
      async hit(key, limit, windowS) {
        const k = `${prefix}${key}`;
        const [[, count], [, ttl]] = (await redis.multi().incr(k).ttl(k).exec()) as [[null, number], [null, number]];
        if (ttl < 0) await redis.expire(k, windowS);
        return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetS: ttl > 0 ? ttl : windowS };
      },
    };
  }
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, limit, windowS) {
      const now = Date.now();
      let w = windows.get(key);
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + windowS * 1000 };
        windows.set(key, w);
        if (windows.size > 10_000) for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k);
      }
      w.count++;
      return {
        allowed: w.count <= limit,
        remaining: Math.max(0, limit - w.count),
        resetS: Math.ceil((w.resetAt - now) / 1000),
      };
    },
  };
}
