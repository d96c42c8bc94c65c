import type { ServerResponse } from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "../../../src/collect/fetch/index.ts";
import { fixtureFetcher, startServer, type TestServer, withoutRobots } from "./servers.ts";

const MiB = 1024 * 1024;
const ZEROS = Buffer.alloc(MiB);

/** What the server managed to hand to the socket before the client hung up. */
const sent: Record<string, number> = {};

function drainedOrClosed(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("close", done);
  });
}

/** Writes `total` bytes of zeros through `sink` with backpressure, stopping when the client leaves. */
async function pumpZeros(res: ServerResponse, sink: NodeJS.WritableStream, total: number): Promise<void> {
  let written = 0;
  while (written < total && !res.destroyed) {
    const ok = sink.write(ZEROS);
    written += ZEROS.length;
    if (!ok) await drainedOrClosed(sink as unknown as NodeJS.EventEmitter);
  }
  if (!res.destroyed) sink.end();
}

function countWrites(name: string, res: ServerResponse): void {
  sent[name] = 0;
  const write = res.write.bind(res) as (chunk: Buffer) => boolean;
  res.write = ((chunk: Buffer) => {
    sent[name] = (sent[name] ?? 0) + chunk.length;
    return write(chunk);
  }) as typeof res.write;
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer(
    withoutRobots(async (req, res) => {
      switch (req.url) {
        case "/huge-declared":
          countWrites("huge-declared", res);
          res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(100 * MiB) });
          return pumpZeros(res, res, 100 * MiB);
        case "/huge-chunked":
          countWrites("huge-chunked", res);
          res.writeHead(200, { "content-type": "application/octet-stream" });
          return pumpZeros(res, res, 100 * MiB);
        case "/gzip-bomb":
        case "/br-bomb": {
          const gzip = req.url === "/gzip-bomb";
          const name = req.url.slice(1);
          countWrites(name, res);
          res.writeHead(200, { "content-type": "text/html", "content-encoding": gzip ? "gzip" : "br" });
          const encoder = gzip
            ? zlib.createGzip({ level: 9 })
            : zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
          encoder.pipe(res);
          res.once("close", () => encoder.destroy());
          return pumpZeros(res, encoder, 1024 * MiB);
        }
        case "/trickle": {
          res.writeHead(200, { "content-type": "text/html" });
          const timer = setInterval(() => res.write("x"), 1000);
          res.once("close", () => clearInterval(timer));
          return;
        }
        case "/huge-headers": {
          const headers: Record<string, string> = {};
          for (let i = 0; i < 200; i++) headers[`x-filler-${i}`] = "y".repeat(1000);
          res.writeHead(200, headers).end("tiny");
          return;
        }
        case "/no-headers":
          return; // accept, then never answer
        default:
          res.writeHead(404).end();
      }
    }),
  );
});
afterAll(() => server.close());

async function timed(promise: Promise<unknown>): Promise<{ error: FetchError; ms: number }> {
  const started = performance.now();
  const error = (await promise.catch((e: unknown) => e)) as FetchError;
  return { error, ms: performance.now() - started };
}

describe("response bombs", () => {
  it("refuses a declared 100 MB body from its Content-Length", async () => {
    const fetcher = fixtureFetcher();
    const { error, ms } = await timed(fetcher.fetch({ url: `${server.origin}/huge-declared` }));
    await fetcher.close();
    expect(error).toBeInstanceOf(FetchError);
    expect(error.code).toBe("too_large");
    expect(error.retryable).toBe(false);
    expect(ms).toBeLessThan(2000);
    expect(sent["huge-declared"]).toBeLessThan(100 * MiB);
    console.info(`declared 100 MB: stopped after ${ms.toFixed(0)} ms, server wrote ${sent["huge-declared"]} bytes`);
  });

  it("stops a chunked 100 MB body at the 10 MiB default cap", async () => {
    const fetcher = fixtureFetcher();
    const { error, ms } = await timed(fetcher.fetch({ url: `${server.origin}/huge-chunked` }));
    await fetcher.close();
    expect(error.code).toBe("too_large");
    expect(ms).toBeLessThan(3000);
    expect(sent["huge-chunked"]).toBeLessThan(20 * MiB);
    console.info(`chunked 100 MB: ${error.message}; ${ms.toFixed(0)} ms, server wrote ${sent["huge-chunked"]} bytes`);
  });

  it.each(["gzip-bomb", "br-bomb"])("stops a 1 GB %s at the decompressed cap", async (name) => {
    const fetcher = fixtureFetcher({ maxBytes: 10 * MiB });
    const { error, ms } = await timed(fetcher.fetch({ url: `${server.origin}/${name}` }));
    await fetcher.close();
    expect(error.code).toBe("too_large");
    expect(ms).toBeLessThan(5000);
    const wire = Number(/read (\d+) from the wire/.exec(error.message)?.[1]);
    expect(wire).toBeGreaterThan(0);
    expect(wire).toBeLessThan(2 * MiB);
    console.info(`${name}: ${error.message}; ${ms.toFixed(0)} ms, server compressed output ${sent[name]} bytes`);
  });

  it("honours a per-request maxBytes", async () => {
    const fetcher = fixtureFetcher();
    const { error } = await timed(fetcher.fetch({ url: `${server.origin}/gzip-bomb`, maxBytes: 64 * 1024 }));
    await fetcher.close();
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("65536");
  });

  it("cuts a 1 byte/s trickle at the total deadline", async () => {
    const fetcher = fixtureFetcher({ timeouts: { totalMs: 1200, bodyMs: 5000 } });
    const { error, ms } = await timed(fetcher.fetch({ url: `${server.origin}/trickle` }));
    await fetcher.close();
    expect(error.code).toBe("timeout");
    expect(error.retryable).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(1150);
    expect(ms).toBeLessThan(2500);
    console.info(`trickle: timeout after ${ms.toFixed(0)} ms`);
  });

  it("refuses 200 KB of response headers", async () => {
    const fetcher = fixtureFetcher();
    const { error, ms } = await timed(fetcher.fetch({ url: `${server.origin}/huge-headers` }));
    await fetcher.close();
    expect(error.code).toBe("too_large");
    expect(ms).toBeLessThan(2000);
  });

  it("gives up on a server that never sends headers", async () => {
    const fetcher = fixtureFetcher({ timeouts: { headersMs: 300, totalMs: 5000 } });
    const { error, ms } = await timed(fetcher.fetch({ url: `${server.origin}/no-headers` }));
    await fetcher.close();
    expect(error.code).toBe("timeout");
    expect(ms).toBeLessThan(1500);
  });
});
