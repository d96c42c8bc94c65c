import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFetcher, type FetcherOptions } from "../../../src/collect/fetch/index.ts";

/**
 * A real HTTP server on 127.0.0.1 that records what reached it: TCP connections
 * accepted, requests (path, headers, arrival time). Tests assert on these
 * counts, e.g. "0 connections" for a blocked address.
 */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  at: number;
}

export interface TestServer {
  port: number;
  origin: string;
  connections: number;
  requests: SeenRequest[];
  hits(path: string): number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, server: TestServer) => unknown;

export async function startServer(handler: Handler): Promise<TestServer> {
  let http: Server | undefined;
  const state: TestServer = {
    port: 0,
    origin: "",
    connections: 0,
    requests: [],
    hits: (path) => state.requests.filter((r) => r.path === path).length,
    close: async () => {
      http?.closeAllConnections();
      await new Promise<void>((resolve) => http?.close(() => resolve()));
    },
  };
  http = createServer((req, res) => {
    state.requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, at: performance.now() });
    Promise.resolve(handler(req, res, state)).catch(() => res.destroy());
  });
  http.on("connection", () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => http?.listen(0, "127.0.0.1", resolve));
  state.port = (http.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}

/** Answers 404 to /robots.txt (allow all) and hands everything else to `handler`. */
export function withoutRobots(handler: Handler): Handler {
  return (req, res, server) => {
    if (req.url === "/robots.txt") {
      res.writeHead(404).end();
      return;
    }
    return handler(req, res, server);
  };
}

/** A fetcher set up for fixture servers: 127.0.0.1 allowed, no politeness delay, quick retries. */
export function fixtureFetcher(options: FetcherOptions = {}) {
  return createFetcher({
    allowHosts: ["127.0.0.1"],
    hostIntervalMs: 0,
    retries: { count: 2, baseDelayMs: 20, maxDelayMs: 200 },
    ...options,
  });
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}
