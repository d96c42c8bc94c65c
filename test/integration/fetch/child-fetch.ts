/**
 * A separate worker process for the politeness test: waits for a shared start
 * time, then fetches its pages through a fetcher backed by the given Redis prefix.
 * argv: redis URL, origin, warm-up origin, redis prefix, interval ms, start epoch ms, page paths...
 * The warm-up request (another host) compiles the request path before the timed
 * run, so cold-start latency does not blur the spacing measured at the server.
 */
import { Redis } from "ioredis";
import { createFetcher } from "../../../src/collect/fetch/index.ts";

const [redisUrl = "redis://127.0.0.1:6379", origin, warmOrigin, prefix, interval, startAt, ...paths] =
  process.argv.slice(2);
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const fetcher = createFetcher({
  allowHosts: ["127.0.0.1"],
  hostIntervalMs: Number(interval),
  redis,
  redisPrefix: prefix,
});
await fetcher.fetch({ url: `${warmOrigin}/warm`, ignoreRobots: true });
const wait = Number(startAt) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
let ok = 0;
for (const path of paths) {
  const res = await fetcher.fetch({ url: `${origin}${path}` });
  if (res.status === 200) ok++;
}
await fetcher.close();
redis.disconnect();
process.stdout.write(JSON.stringify({ ok }));
