import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".xml": "application/xml",
  ".rss": "application/rss+xml",
  ".atom": "application/atom+xml",
  ".rdf": "application/rdf+xml",
  ".json": "application/json",
  ".csv": "text/csv",
};

export interface FixtureServer {
  base: string;
  /** Requests seen, in order (method, path, conditional headers): lets adapter tests check what was sent. */
  requests: Array<{ method: string; path: string; headers: IncomingMessage["headers"] }>;
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | Promise<boolean>;

/**
 * Static server for third-party fixture files on 127.0.0.1, port 0. Content
 * type by extension and never a charset parameter (charset detection is under
 * test); gzip bodies are served as stored, without Content-Encoding. Files get
 * an ETag/Last-Modified and honour If-None-Match, so conditional fetches work.
 * `routes` lets a test answer API-like paths before the static lookup.
 */
export async function startFixtureServer(root: string, routes: Route[] = []): Promise<FixtureServer> {
  const absRoot = resolve(root);
  const requests: FixtureServer["requests"] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, headers: req.headers });
    try {
      for (const route of routes) if (await route(req, res, body)) return;
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
      const file = resolve(join(absRoot, rel));
      if (!file.startsWith(absRoot + sep)) {
        res.writeHead(403).end();
        return;
      }
      const data = await readFile(file);
      const etag = `"${data.length.toString(16)}-${hashBytes(data)}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res
        .writeHead(200, {
          "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
          etag,
          "last-modified": new Date(0).toUTCString(),
        })
        .end(data);
    } catch {
      if (!res.headersSent) res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

function hashBytes(b: Uint8Array): string {
  let h = 2166136261;
  for (let i = 0; i < b.length; i += Math.max(1, Math.floor(b.length / 4096)))
    h = Math.imul(h ^ (b[i] as number), 16777619);
  return (h >>> 0).toString(16);
}
