import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createMemoryPoliteness, type FetchError } from "../../../src/collect/fetch/index.ts";
import { fixtureFetcher, startServer, type TestServer, withoutRobots } from "./servers.ts";

const run = promisify(execFile);
const redisUrl = inject("redisUrl") ?? "redis://127.0.0.1:6379";
let server: TestServer;
let warm: TestServer;
let redis: Redis;
let prefix: string;
let limitedOnce = true;

beforeAll(async () => {
  redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  warm = await startServer((_req, res) => res.end("warm"));
  server = await startServer(
    withoutRobots((req, res) => {
      if (req.url === "/limited" && limitedOnce) {
        limitedOnce = false;
        res.writeHead(429, { "retry-after": "1" }).end();
      } else if (req.url === "/maintenance" && limitedOnce) {
        limitedOnce = false;
        res.writeHead(503, { "retry-after": new Date(Date.now() + 2000).toUTCString() }).end();
      } else res.end("ok");
    }),
  );
});
afterAll(async () => {
  await Promise.all([server.close(), warm.close()]);
  redis.disconnect();
});
beforeEach(() => {
  prefix = `test:fetch:${randomUUID()}:`;
  limitedOnce = true;
  server.requests.length = 0;
});
afterEach(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

const failure = (p: Promise<unknown>) => p.then(() => undefined as unknown as FetchError).catch((e: FetchError) => e);

/**
 * Without coordination the gaps are a few ms (see the control test), so half the
 * interval as a floor can only pass if the slots were shared; the median checks
 * the interval itself while tolerating one arrival delayed by a busy machine.
 */
function expectSpacing(gaps: number[], interval: number, jitter: number): void {
  const sorted = [...gaps].sort((a, b) => a - b);
  expect(sorted[0]).toBeGreaterThanOrEqual(interval / 2);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(interval - jitter);
}

/** Gaps between consecutive arrivals at the server, all paths included. */
function arrivalGaps(): number[] {
  const times = server.requests.map((r) => r.at).sort((a, b) => a - b);
  return times.slice(1).map((t, i) => t - (times[i] as number));
}

describe("rate limits from the host", () => {
  it("429 Retry-After: no retry burned, rate_limited, and the next request backs off", async () => {
    const politeness = createMemoryPoliteness();
    const impatient = fixtureFetcher({ politeness, maxPolitenessWaitMs: 200 });
    const first = await failure(impatient.fetch({ url: `${server.origin}/limited` }));
    expect(first.code).toBe("rate_limited");
    expect(first.status).toBe(429);
    expect(first.retryAfterMs).toBe(1000);
    expect(server.hits("/limited")).toBe(1); // retries.count is 2, none was used

    const second = await failure(impatient.fetch({ url: `${server.origin}/limited` }));
    expect(second.code).toBe("rate_limited");
    expect(second.retryAfterMs).toBeGreaterThan(800);
    expect(second.retryAfterMs).toBeLessThanOrEqual(1000);
    expect(server.hits("/limited")).toBe(1); // refused locally, the host saw nothing

    const started = performance.now();
    const patient = fixtureFetcher({ politeness, maxPolitenessWaitMs: 5000 });
    const res = await patient.fetch({ url: `${server.origin}/limited` });
    const waited = performance.now() - started;
    await Promise.all([impatient.close(), patient.close()]);
    expect(res.status).toBe(200);
    expect(waited).toBeGreaterThanOrEqual((second.retryAfterMs ?? 0) - 100);
    console.info(
      `429: second request refused with retryAfterMs=${second.retryAfterMs}; patient one waited ${waited.toFixed(0)} ms`,
    );
  });

  it("503 with an HTTP-date Retry-After is a rate limit too", async () => {
    const fetcher = fixtureFetcher();
    const err = await failure(fetcher.fetch({ url: `${server.origin}/maintenance` }));
    await fetcher.close();
    expect(err.code).toBe("rate_limited");
    expect(err.status).toBe(503);
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(2000);
    expect(server.hits("/maintenance")).toBe(1);
  });

  it("a 429 seen by one fetcher holds back another through Redis", async () => {
    const a = fixtureFetcher({ redis, redisPrefix: prefix });
    const b = fixtureFetcher({ redis, redisPrefix: prefix, maxPolitenessWaitMs: 200 });
    expect((await failure(a.fetch({ url: `${server.origin}/limited` }))).code).toBe("rate_limited");
    const err = await failure(b.fetch({ url: `${server.origin}/other` }));
    await Promise.all([a.close(), b.close()]);
    expect(err.code).toBe("rate_limited");
    expect(err.retryAfterMs).toBeGreaterThan(700);
    expect(server.hits("/other")).toBe(0);
  });
});

// Slots are reserved atomically INTERVAL apart; what the server sees also carries
// each client's own latency between its slot and the bytes leaving, hence JITTER.
describe("per-host spacing", () => {
  const INTERVAL = 200;
  const JITTER = 25;
  const pages = (tag: string) => [1, 2, 3].map((i) => `/${tag}${i}`);

  async function runPair(optionsA: Parameters<typeof fixtureFetcher>[0], optionsB: typeof optionsA) {
    const a = fixtureFetcher(optionsA);
    const b = fixtureFetcher(optionsB);
    const loop = async (f: typeof a, tag: string) => {
      for (const path of pages(tag)) await f.fetch({ url: `${server.origin}${path}` });
    };
    await Promise.all([loop(a, "a"), loop(b, "b")]);
    await Promise.all([a.close(), b.close()]);
  }

  it("two fetchers sharing Redis never hit one host closer than the interval", async () => {
    const shared = { redis, redisPrefix: prefix, hostIntervalMs: INTERVAL };
    await runPair(shared, shared);
    const gaps = arrivalGaps();
    console.info(`shared Redis: ${server.requests.length} requests, min gap ${Math.min(...gaps).toFixed(0)} ms`);
    expect(server.requests.filter((r) => r.path !== "/robots.txt")).toHaveLength(6);
    expectSpacing(gaps, INTERVAL, JITTER);
  });

  it("control: separate in-memory stores do not coordinate", async () => {
    await runPair({ hostIntervalMs: INTERVAL }, { hostIntervalMs: INTERVAL });
    expect(Math.min(...arrivalGaps())).toBeLessThan(INTERVAL / 2);
  });

  it("two separate node processes sharing Redis keep the spacing", async () => {
    const child = fileURLToPath(new URL("./child-fetch.ts", import.meta.url));
    const startAt = Date.now() + 2500; // both processes booted by then
    const spawnChild = (tag: string) =>
      run(
        process.execPath,
        [
          "--import",
          "tsx",
          child,
          redisUrl,
          server.origin,
          warm.origin,
          prefix,
          String(INTERVAL),
          String(startAt),
          ...pages(tag),
        ],
        { timeout: 30_000 },
      );
    const [one, two] = await Promise.all([spawnChild("p"), spawnChild("q")]);
    expect(JSON.parse(one.stdout)).toEqual({ ok: 3 });
    expect(JSON.parse(two.stdout)).toEqual({ ok: 3 });
    const gaps = arrivalGaps();
    console.info(
      `two processes: ${server.requests.length} requests, gaps ${gaps.map((g) => g.toFixed(0)).join(", ")} ms`,
    );
    expect(server.requests.filter((r) => r.path !== "/robots.txt")).toHaveLength(6);
    expectSpacing(gaps, INTERVAL, JITTER);
  });
});

describe("robots.txt cache in Redis", () => {
  it("a second fetcher (another worker) reuses the file the first one fetched", async () => {
    const a = fixtureFetcher({ redis, redisPrefix: prefix });
    await a.fetch({ url: `${server.origin}/r1` });
    await a.close();
    const b = fixtureFetcher({ redis, redisPrefix: prefix });
    await b.fetch({ url: `${server.origin}/r2` });
    await b.close();
    expect(server.hits("/robots.txt")).toBe(1);
    expect(await redis.pttl(`${prefix}robots:${server.origin}`)).toBeGreaterThan(0);
  });
});
