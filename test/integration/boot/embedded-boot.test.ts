import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = mkdtempSync(join(tmpdir(), "rep-boot-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startAll(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "all"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const port = new Promise<number>((ok, fail) => {
    const timer = setInterval(() => {
      const m = /"port":(\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        ok(Number(m[1]));
      }
    }, 20);
    child.once("exit", (code) => {
      clearInterval(timer);
      fail(new Error(`exited ${code}: ${out}`));
    });
  });
  port.catch(() => {});
  return { child, port, output: () => out };
}

describe("npm start, embedded (no DATABASE_URL, no REDIS_URL)", () => {
  it("answers /health, mints a first admin key once, and exits cleanly on SIGTERM", async () => {
    const t0 = performance.now();
    const app = startAll({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
    const port = await app.port;
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    const ms = Math.round(performance.now() - t0);
    expect(health.status).toBe(200);
    console.info(`embedded boot: /health answered ${ms} ms after spawn (cold PGlite data dir)`);
    const ready = (await (await fetch(`http://127.0.0.1:${port}/ready`)).json()) as { queueMode: string };
    expect(ready.queueMode).toBe("in-process");

    const key = /^\s+(rk_[A-Za-z0-9_-]+)$/m.exec(app.output())?.[1];
    expect(key).toBeDefined();
    const list = await fetch(`http://127.0.0.1:${port}/v1/businesses`, { headers: { authorization: `Bearer ${key}` } });
    expect(list.status).toBe(200);
    // Logs are JSON lines and never carry the key.
    const logLines = app
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.every((l) => !l.includes(key!))).toBe(true);

    const exit = new Promise<number | null>((ok) => app.child.once("exit", (code) => ok(code)));
    app.child.kill("SIGTERM");
    expect(await exit).toBe(0);

    // Second start on the same data: warm, no new key.
    const t1 = performance.now();
    const again = startAll({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
    const port2 = await again.port;
    expect((await fetch(`http://127.0.0.1:${port2}/health`)).status).toBe(200);
    console.info(`embedded boot (warm data dir): /health after ${Math.round(performance.now() - t1)} ms`);
    expect(again.output()).not.toContain("First start");
    const exit2 = new Promise<number | null>((ok) => again.child.once("exit", (code) => ok(code)));
    again.child.kill("SIGTERM");
    expect(await exit2).toBe(0);
  });

  it("refuses a bad configuration, listing every problem, with exit code 1", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "all"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", PORT: "http", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((ok) => child.once("exit", (c) => ok(c)));
    expect(code).toBe(1);
    for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL"]) expect(err).toContain(name);
  });
});
