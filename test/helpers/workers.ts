import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Route } from "./fixture-server.ts";
import { fixturesRoot, type ManifestRow, readManifest } from "./manifest.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A well-formed real feed from the corpus with a known item count (first match, by MANIFEST criteria). */
export function pickFeed(minItems = 5): ManifestRow & { items: number } {
  const row = readManifest().find(
    (r) =>
      r.kind === "feeds" &&
      r.expected.strict_xml === "true" &&
      ["rss20", "atom10"].includes(r.expected.format ?? "") &&
      Number(r.expected.items) >= minItems &&
      !r.expected.gzip_magic,
  );
  if (!row) throw new Error("no suitable feed in the fixtures MANIFEST");
  return { ...row, items: Number(row.expected.items) };
}

/** `/plain/<path>`: the fixture without validators, so every run re-parses (tests upsert idempotency). */
export const plainRoute: Route = async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (!url.pathname.startsWith("/plain/")) return false;
  const body = await readFile(join(fixturesRoot(), decodeURIComponent(url.pathname.slice(7))));
  res.writeHead(200, { "content-type": "application/xml" }).end(body);
  return true;
};

/** `/slow/<ms>/<path>`: sends half the file, waits, then the rest (a collection caught mid-flight). */
export const slowRoute: Route = async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const m = /^\/slow\/(\d+)\/(.+)$/.exec(url.pathname);
  if (!m) return false;
  const body = await readFile(join(fixturesRoot(), decodeURIComponent(m[2]!)));
  res.writeHead(200, { "content-type": "application/xml" });
  res.write(body.subarray(0, body.length >> 1));
  await new Promise((r) => setTimeout(r, Number(m[1])));
  if (!res.destroyed) res.end(body.subarray(body.length >> 1));
  return true;
};

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `reputation work` as a real separate process. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  // One process (node with the tsx loader), so a SIGKILL really kills the worker and not just a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "work"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise<void>((resolvePromise, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes("workers started")) resolvePromise();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.once("exit", (code) => reject(new Error(`worker exited early (${code}): ${out.slice(-2000)}`)));
  });
  ready.catch(() => {});
  return {
    child,
    output: () => out,
    ready,
    stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((r) => {
        child.once("exit", (code) => r(code));
        child.kill(signal);
      });
    },
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  stepMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** `/limited/<key>/<path>`: the first request per key answers 429 with Retry-After: 1, later ones serve the file. */
export function rateLimitedRoute(): Route {
  const seen = new Set<string>();
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const m = /^\/limited\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!m) return false;
    if (!seen.has(m[1]!)) {
      seen.add(m[1]!);
      res.writeHead(429, { "retry-after": "1" }).end("slow down");
      return true;
    }
    const body = await readFile(join(fixturesRoot(), decodeURIComponent(m[2]!)));
    res.writeHead(200, { "content-type": "application/xml" }).end(body);
    return true;
  };
}
