import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryRobotsCache } from "../../../src/collect/fetch/index.ts";
import { codeOf, fixtureFetcher, startServer, type TestServer } from "./servers.ts";

let robots: (res: ServerResponse) => void = (res) => res.writeHead(404).end();
let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/robots.txt") return robots(res);
    res.end(`page ${req.url}`);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const text = (body: string) => (res: ServerResponse) => res.writeHead(200, { "content-type": "text/plain" }).end(body);

describe("robots.txt", () => {
  it("404 means allow all, and the file is fetched once per origin", async () => {
    robots = (res) => res.writeHead(404).end();
    const fetcher = fixtureFetcher();
    for (const path of ["/a", "/b", "/c"])
      expect((await fetcher.fetch({ url: `${server.origin}${path}` })).status).toBe(200);
    await fetcher.close();
    expect(server.hits("/robots.txt")).toBe(1);
  });

  it("503 means disallow all: the page is never requested", async () => {
    robots = (res) => res.writeHead(503).end();
    const fetcher = fixtureFetcher();
    expect(await codeOf(fetcher.fetch({ url: `${server.origin}/page` }))).toBe("robots_disallowed");
    await fetcher.close();
    expect(server.hits("/page")).toBe(0);
  });

  it("an unreachable robots.txt (connection dropped) means disallow all", async () => {
    robots = (res) => res.destroy();
    const fetcher = fixtureFetcher({ retries: { count: 0 } });
    expect(await codeOf(fetcher.fetch({ url: `${server.origin}/page` }))).toBe("robots_disallowed");
    await fetcher.close();
    expect(server.hits("/page")).toBe(0);
  });

  it("applies our group, longest match and wildcards", async () => {
    robots = text(
      [
        "User-agent: *",
        "Disallow: /",
        "",
        "User-agent: ReputationMonitor",
        "Disallow: /reviews/*?sort=",
        "Disallow: /*.pdf$",
        "Allow: /reviews/",
      ].join("\n"),
    );
    const fetcher = fixtureFetcher();
    const code = (path: string) => codeOf(fetcher.fetch({ url: `${server.origin}${path}` }));
    expect(await code("/reviews/1")).toBe("ok");
    expect(await code("/reviews/1?sort=date")).toBe("robots_disallowed");
    expect(await code("/menu.pdf")).toBe("robots_disallowed");
    expect(await code("/menu.pdf?download=1")).toBe("ok");
    await fetcher.close();
  });

  it("ignoreRobots skips the check (official APIs)", async () => {
    robots = text("User-agent: *\nDisallow: /");
    const fetcher = fixtureFetcher();
    expect(await codeOf(fetcher.fetch({ url: `${server.origin}/api/v1/items` }))).toBe("robots_disallowed");
    const res = await fetcher.fetch({ url: `${server.origin}/api/v1/items`, ignoreRobots: true });
    await fetcher.close();
    expect(res.status).toBe(200);
  });

  it("reads only the first 500 KiB of an oversized file", async () => {
    const head = "User-agent: *\nDisallow: /private\n";
    const filler = `# ${"x".repeat(600 * 1024)}\n`;
    robots = text(`${head}${filler}Disallow: /late\n`);
    const fetcher = fixtureFetcher();
    expect(await codeOf(fetcher.fetch({ url: `${server.origin}/private/1` }))).toBe("robots_disallowed");
    expect(await codeOf(fetcher.fetch({ url: `${server.origin}/late` }))).toBe("ok");
    await fetcher.close();
  });

  it("shares the cache between fetchers given the same store", async () => {
    robots = text("User-agent: *\nDisallow: /nope");
    const cache = createMemoryRobotsCache();
    const first = fixtureFetcher({ robotsCache: cache });
    const second = fixtureFetcher({ robotsCache: cache });
    expect(await codeOf(first.fetch({ url: `${server.origin}/nope` }))).toBe("robots_disallowed");
    expect(await codeOf(second.fetch({ url: `${server.origin}/nope` }))).toBe("robots_disallowed");
    await Promise.all([first.close(), second.close()]);
    expect(server.hits("/robots.txt")).toBe(1);
  });

  it("honours Crawl-delay when it is larger than the host interval", async () => {
    robots = text("User-agent: *\nCrawl-delay: 0.25\nAllow: /");
    const fetcher = fixtureFetcher({ hostIntervalMs: 50 });
    for (const path of ["/d1", "/d2", "/d3"]) await fetcher.fetch({ url: `${server.origin}${path}` });
    await fetcher.close();
    const times = server.requests.filter((r) => r.path.startsWith("/d")).map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    console.info(`crawl-delay 250 ms: gaps ${gaps.map((g) => g.toFixed(0)).join(", ")} ms`);
    expect(gaps).toHaveLength(2);
    // Arrival gaps carry client-side jitter; without Crawl-delay they would be ~50 ms.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(200);
    expect((gaps[0] as number) + (gaps[1] as number)).toBeGreaterThanOrEqual(2 * 250 - 25);
  });

  it("keeps the host interval when Crawl-delay is smaller", async () => {
    robots = text("User-agent: *\nCrawl-delay: 0.01");
    const fetcher = fixtureFetcher({ hostIntervalMs: 150 });
    for (const path of ["/e1", "/e2"]) await fetcher.fetch({ url: `${server.origin}${path}` });
    await fetcher.close();
    const [a, b] = server.requests.filter((r) => r.path.startsWith("/e")).map((r) => r.at);
    expect((b as number) - (a as number)).toBeGreaterThanOrEqual(150 - 25);
  });
});
