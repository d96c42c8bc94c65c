import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, startFixtureServer } from "../../helpers/fixture-server.ts";
import { fixturesRoot } from "../../helpers/manifest.ts";
import { pickFeed } from "../../helpers/workers.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot());
});
afterAll(() => server.close());

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((ok) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "error", FETCH_HOST_INTERVAL_MS: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (code) => ok({ code, stdout, stderr }));
  });
}

describe("npm run cli -- parse", () => {
  it("fetches through the guarded layer when the host is allowed and prints the ParsedDocument", async () => {
    const feed = pickFeed();
    const r = await cli(["parse", `${server.base}${feed.path}`, "--json"], { FETCH_ALLOW_HOSTS: "127.0.0.1" });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { format: string; mentions: unknown[] };
    expect(doc.format).toBe(feed.expected.format);
    expect(doc.mentions).toHaveLength(Number(feed.expected.items));
  });

  it("refuses loopback by default with a clear message and a non-zero exit", async () => {
    const r = await cli(["parse", `${server.base}${pickFeed().path}`, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/blocked_address|refused/);
    expect(r.stdout).toBe("");
  });

  it("reads a local file, and reports an unreadable one as a typed parse error", async () => {
    const ok = await cli(["parse", join(fixturesRoot(), pickFeed().path), "--kind", "feed"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^format: /m);
    const bad = await cli(["parse", join(repoRoot, "package.json"), "--kind", "feed"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/could not parse: \w+/);
  });
});
