import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/client.ts";
import { mentions } from "../../../src/db/schema/index.ts";
import { type FixtureServer, startFixtureServer } from "../../helpers/fixture-server.ts";
import { fixturesRoot, readManifest } from "../../helpers/manifest.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const work = mkdtempSync(join(tmpdir(), "rep-diag-"));
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot());
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** The real pages with the most JSON-LD reviews, by MANIFEST criteria (not by name). */
function reviewPages(n: number) {
  return readManifest()
    .filter((r) => r.kind === "html" && Number(r.expected.reviews_ld ?? 0) > 10 && r.expected.ld_invalid === "0")
    .sort((a, b) => Number(b.expected.reviews_ld) - Number(a.expected.reviews_ld))
    .slice(0, n);
}

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string }>((ok) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => ok({ code, out }));
  });
}

describe("npm run cli -- diagnose (embedded, no services)", () => {
  it("writes report.json and report.html from a real review page in under 60 s, with verbatim quotes", async () => {
    const [page, rival] = reviewPages(2);
    const dataDir = join(work, "data");
    const t0 = performance.now();
    const { code, out } = await runCli(
      [
        "diagnose",
        "--name",
        "Le Bistrot d'Essai",
        "--url",
        `${server.base}${page!.path}`,
        "--competitor-url",
        `${server.base}${rival!.path}`,
        "--locale",
        "fr",
        "--json",
        join(work, "report.json"),
        "--out",
        join(work, "report.html"),
      ],
      { DATA_DIR: dataDir, FETCH_ALLOW_HOSTS: "127.0.0.1", LOG_LEVEL: "error" },
    );
    const seconds = (performance.now() - t0) / 1000;
    expect(code, out).toBe(0);
    console.info(`diagnose CLI: ${seconds.toFixed(1)} s for ${page!.path} (+ competitor ${rival!.path})`);
    expect(seconds).toBeLessThan(60);

    const report = JSON.parse(readFileSync(join(work, "report.json"), "utf8"));
    for (const key of [
      "score",
      "coverage",
      "rating",
      "nps",
      "sentiment",
      "emotions",
      "aspects",
      "touchpoints",
      "strengths",
      "irritants",
      "mismatches",
      "response",
      "trend",
      "competitors",
      "recommendations",
    ]) {
      expect(report, key).toHaveProperty(key);
    }
    // The score is the sum of its parts.
    const sum = report.score.components.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
    expect(report.score.value).toBeCloseTo(sum, 6);
    expect(report.coverage.mentions).toBeGreaterThan(10);
    expect(report.coverage.sources.some((s: { found: number }) => s.found > 10)).toBe(true);
    expect(report.competitors.items.filter((c: { isSelf: boolean }) => !c.isSelf)).toHaveLength(1);
    expect(report.recommendations.length).toBeGreaterThanOrEqual(3);

    // Every quote is a verbatim substring of a collected text (read back from the embedded database).
    const database = await openDatabase({ dataDir });
    const rows = await database.db.select({ id: mentions.id, text: mentions.text }).from(mentions);
    await database.close();
    const byId = new Map(rows.map((r) => [r.id, r.text]));
    const quotes = [...report.strengths, ...report.irritants];
    for (const q of quotes) expect(byId.get(q.mentionId), q.quote).toContain(q.quote);

    const html = readFileSync(join(work, "report.html"), "utf8");
    expect(html).toContain("Bistrot");
    expect(html).toContain(report.score.value === null ? "" : String(report.score.value));
    expect(html).toMatch(/<html[^>]*lang="fr"/);
  }, 90_000);

  it("fails clearly on bad arguments", async () => {
    const { code, out } = await runCli(["diagnose", "--url", "ftp://x"], { DATA_DIR: join(work, "bad") });
    expect(code).toBe(2);
    expect(out).toMatch(/businessName|urls/);
  });
});
