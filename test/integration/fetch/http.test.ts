import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FetchError } from "../../../src/collect/fetch/index.ts";
import { fixtureFetcher, startServer, type TestServer, withoutRobots } from "./servers.ts";

const PAGE = "<html><body>Service impeccable, équipe très accueillante.</body></html>";
const ETAG = '"v1-abc"';
const LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT";
let failuresLeft = 0;
let server: TestServer;

beforeAll(async () => {
  server = await startServer(
    withoutRobots((req, res) => {
      switch (req.url) {
        case "/conditional":
          if (req.headers["if-none-match"] === ETAG || req.headers["if-modified-since"] === LAST_MODIFIED) {
            res.writeHead(304, { etag: ETAG }).end();
          } else {
            res.writeHead(200, { etag: ETAG, "last-modified": LAST_MODIFIED, "content-type": "text/html" }).end(PAGE);
          }
          return;
        case "/flaky":
          if (failuresLeft-- > 0) res.writeHead(500).end("boom");
          else res.end("recovered");
          return;
        case "/drop-once":
          if (failuresLeft-- > 0) res.socket?.destroy();
          else res.end("reconnected");
          return;
        case "/always-500":
          res.writeHead(502).end();
          return;
        case "/missing":
          res.writeHead(404).end("not here");
          return;
        case "/gzip":
          res.writeHead(200, { "content-encoding": "gzip", "content-type": "text/html; charset=utf-8" });
          res.end(zlib.gzipSync(PAGE));
          return;
        case "/deflate":
          res.writeHead(200, { "content-encoding": "deflate" }).end(zlib.deflateSync(PAGE));
          return;
        case "/br":
          res.writeHead(200, { "content-encoding": "br" }).end(zlib.brotliCompressSync(PAGE));
          return;
        case "/latin1":
          res.writeHead(200, { "content-type": "text/html; charset=ISO-8859-1" }).end(Buffer.from(PAGE, "latin1"));
          return;
        case "/headers":
          res.end(JSON.stringify(req.headers));
          return;
        default:
          res.writeHead(404).end();
      }
    }),
  );
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const decode = (body: Uint8Array) => new TextDecoder().decode(body);

describe("conditional requests", () => {
  it("returns validators, then a 304 with an empty body when nothing changed", async () => {
    const fetcher = fixtureFetcher();
    const first = await fetcher.fetch({ url: `${server.origin}/conditional` });
    expect(first.notModified).toBe(false);
    expect(first.etag).toBe(ETAG);
    expect(first.lastModified).toBe(LAST_MODIFIED);
    expect(decode(first.body)).toBe(PAGE);

    const second = await fetcher.fetch({
      url: `${server.origin}/conditional`,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    await fetcher.close();
    expect(second.status).toBe(304);
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
    expect(second.etag).toBe(ETAG);
    expect(second.lastModified).toBe(LAST_MODIFIED); // kept from the request: the 304 did not repeat it
    const sent = server.requests.filter((r) => r.path === "/conditional")[1];
    expect(sent?.headers["if-none-match"]).toBe(ETAG);
    expect(sent?.headers["if-modified-since"]).toBe(LAST_MODIFIED);
  });
});

describe("retries", () => {
  it("retries a 500 with growing backoff, then succeeds", async () => {
    failuresLeft = 2;
    const fetcher = fixtureFetcher({ retries: { count: 2, baseDelayMs: 60, maxDelayMs: 1000 }, random: () => 1 });
    const res = await fetcher.fetch({ url: `${server.origin}/flaky` });
    await fetcher.close();
    expect(decode(res.body)).toBe("recovered");
    const times = server.requests.filter((r) => r.path === "/flaky").map((r) => r.at);
    expect(times).toHaveLength(3);
    const gaps = [(times[1] as number) - (times[0] as number), (times[2] as number) - (times[1] as number)];
    console.info(`backoff gaps ${gaps.map((g) => g.toFixed(0)).join(", ")} ms (expected >= 60, >= 120)`);
    expect(gaps[0]).toBeGreaterThanOrEqual(55);
    expect(gaps[1]).toBeGreaterThanOrEqual(115);
  });

  it("retries a dropped connection", async () => {
    failuresLeft = 1;
    const fetcher = fixtureFetcher();
    const res = await fetcher.fetch({ url: `${server.origin}/drop-once` });
    await fetcher.close();
    expect(decode(res.body)).toBe("reconnected");
    expect(server.hits("/drop-once")).toBe(2);
  });

  it("gives up after the configured attempts with http_error and the status", async () => {
    const fetcher = fixtureFetcher({ retries: { count: 2, baseDelayMs: 10 } });
    const err = (await fetcher.fetch({ url: `${server.origin}/always-500` }).catch((e: unknown) => e)) as FetchError;
    await fetcher.close();
    expect(err.code).toBe("http_error");
    expect(err.status).toBe(502);
    expect(err.retryable).toBe(true);
    expect(server.hits("/always-500")).toBe(3);
  });

  it("does not retry a 404", async () => {
    const fetcher = fixtureFetcher();
    const err = (await fetcher.fetch({ url: `${server.origin}/missing` }).catch((e: unknown) => e)) as FetchError;
    await fetcher.close();
    expect(err.code).toBe("http_error");
    expect(err.status).toBe(404);
    expect(err.retryable).toBe(false);
    expect(server.hits("/missing")).toBe(1);
  });
});

describe("content", () => {
  it.each(["/gzip", "/deflate", "/br"])("decodes %s", async (path) => {
    const fetcher = fixtureFetcher();
    const res = await fetcher.fetch({ url: `${server.origin}${path}` });
    await fetcher.close();
    expect(decode(res.body)).toBe(PAGE);
  });

  it("returns bytes and the content type as sent, without charset decoding", async () => {
    const fetcher = fixtureFetcher();
    const res = await fetcher.fetch({ url: `${server.origin}/latin1` });
    await fetcher.close();
    expect(res.contentType).toBe("text/html; charset=ISO-8859-1");
    expect(Buffer.from(res.body).equals(Buffer.from(PAGE, "latin1"))).toBe(true);
  });

  it("sends our User-Agent and Accept-Encoding whatever the caller passes", async () => {
    const fetcher = fixtureFetcher({ userAgent: "ReputationMonitor/9 (test)" });
    const res = await fetcher.fetch({
      url: `${server.origin}/headers`,
      headers: { "User-Agent": "spoofed", "Accept-Encoding": "zstd", Accept: "application/json" },
    });
    await fetcher.close();
    const seen = JSON.parse(decode(res.body)) as Record<string, string>;
    expect(seen["user-agent"]).toBe("ReputationMonitor/9 (test)");
    expect(seen["accept-encoding"]).toBe("gzip, deflate, br");
    expect(seen.accept).toBe("application/json");
  });
});
