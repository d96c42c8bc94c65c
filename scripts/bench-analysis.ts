/**
 * Throughput of the full analyze() next to VADER-JS, same process, same texts (every
 * text of the evaluation sets), one warm-up round then several timed rounds,
 * alternating the systems (in an order that rotates each round) so machine noise hits
 * them alike; reports the median and the best round. JavaScript runs on one core.
 *   npm run bench:analysis [-- --dir ../shared/eval] [--rounds 5] [--baseline path/to/index.ts]
 * Also times the worst cases (100 KB of emoji, 1 MB of one word), the import (and, in a
 * child process, the import with the TS loader's transform cache off) and the one-time
 * load of the language detector's model.
 * --baseline loads another copy of the analyser (e.g. the previous release, unpacked
 * elsewhere) and times it in the same rounds, so a before/after sees the same machine load.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readJsonl, sets } from "./eval-lib/data.ts";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.resolve(opt("dir") ?? path.resolve(repoRoot, "../shared/eval"));
const rounds = Number(opt("rounds") ?? 5);

// The TS loader transforms each module on its first import on a machine and caches the
// result: that one-time cost is the loader's, not the module's. It is timed apart, in a
// child process with the loader's cache turned off; a second child fills the cache if it
// is empty, so that the import timed below costs what it does on every later start.
const analysisUrl = pathToFileURL(path.resolve(repoRoot, "src/analysis/index.ts")).href;
/** The import's time in a new process, NaN when that process fails (the figure is then left out). */
function childImportMs(env: NodeJS.ProcessEnv): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(analysisUrl)}); console.log(performance.now() - t);`;
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: repoRoot,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    return Number(out.trim().split("\n").pop());
  } catch {
    return Number.NaN;
  }
}
const { TSX_DISABLE_CACHE: _ignored, ...cachedEnv } = process.env;
const uncachedImportMs = childImportMs({ ...cachedEnv, TSX_DISABLE_CACHE: "1" });
childImportMs(cachedEnv);

const t0 = performance.now();
const { analyze, warmLanguageDetector } = await import("../src/analysis/index.ts");
const importMs = performance.now() - t0;
// The language model loads on the first detection that needs it (a service does it at
// boot): timed here on its own so that neither the import nor the rounds hide it.
const t1 = performance.now();
warmLanguageDetector();
const detectorMs = performance.now() - t1;
const { vaderScore } = await import("./eval-lib/baselines.ts");
type AnalyzeFn = typeof analyze;
const baselineFile = opt("baseline");
let baseline: AnalyzeFn | null = null;
if (baselineFile !== undefined) {
  const mod = (await import(pathToFileURL(path.resolve(baselineFile)).href)) as {
    analyze?: AnalyzeFn;
    default?: { analyze?: AnalyzeFn };
  };
  baseline = mod.analyze ?? mod.default?.analyze ?? null;
  if (baseline === null) {
    console.error(`no analyze() exported by ${baselineFile}`);
    process.exit(1);
  }
}

const found = sets(dir);
const texts: string[] = [];
for (const s of [...found.sentiment, ...found.enEmotion, ...found.frEmotion]) {
  for (const x of readJsonl<{ text: string }>(s.file)) texts.push(x.text);
}
if (texts.length === 0) {
  console.error(`no evaluation files under ${dir}`);
  process.exit(1);
}
const chars = texts.reduce((n, t) => n + t.length, 0);

let sink = 0;
function timeRound(fn: (t: string) => number): number {
  const start = performance.now();
  for (const t of texts) sink += fn(t);
  return performance.now() - start;
}
const ours = (t: string) => analyze(t).sentiment.score;
const base = baseline === null ? null : (t: string) => (baseline as AnalyzeFn)(t).sentiment.score;

timeRound(ours);
timeRound(vaderScore);
if (base !== null) timeRound(base);
const oursMs: number[] = [];
const vaderMs: number[] = [];
const baseMs: number[] = [];
// The order rotates from round to round, so that no system always runs right after
// another one (whose garbage and cache footprint it would inherit).
const runs: Array<[(t: string) => number, number[]]> = [
  [ours, oursMs],
  [vaderScore, vaderMs],
];
if (base !== null) runs.push([base, baseMs]);
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < runs.length; k++) {
    const [fn, into] = runs[(r + k) % runs.length] as [(t: string) => number, number[]];
    into.push(timeRound(fn));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rate = (ms: number) => (texts.length / ms) * 1000;
const o = rate(median(oursMs));
const v = rate(median(vaderMs));
console.log(
  `texts: ${texts.length} (mean ${Math.round(chars / texts.length)} chars), ${rounds} rounds after warm-up, one core`,
);
console.log(
  `analyze()  ${Math.round(o).toLocaleString("en")} texts/s  (best round ${Math.round(rate(Math.min(...oursMs))).toLocaleString("en")})`,
);
console.log(
  `VADER-JS   ${Math.round(v).toLocaleString("en")} texts/s  (best round ${Math.round(rate(Math.min(...vaderMs))).toLocaleString("en")})`,
);
console.log(`ratio      ${(o / v).toFixed(1)}×`);
if (base !== null) {
  const b = rate(median(baseMs));
  console.log(
    `baseline   ${Math.round(b).toLocaleString("en")} texts/s  (best round ${Math.round(rate(Math.min(...baseMs))).toLocaleString("en")})  ${baselineFile}`,
  );
  console.log(`speed-up   ${(o / b).toFixed(2)}× over the baseline, same rounds`);
}

const emoji = "😀😡👍🙏".repeat((100 * 1024) / 8);
const word = "excellent ".repeat(100 * 1024);
for (const [name, text] of [
  ["100 KB of emoji", emoji],
  ["1 MB of one word", word],
] as const) {
  // First call, then the best of three: the first shows a cold call, the best one the cost itself.
  const time = (fn: AnalyzeFn) => {
    const ms: number[] = [];
    for (let k = 0; k < 4; k++) {
      const s = performance.now();
      fn(text);
      ms.push(performance.now() - s);
    }
    return `${(ms[0] as number).toFixed(1)} ms first, ${Math.min(...ms.slice(1)).toFixed(1)} ms best of 3`;
  };
  const extra = baseline !== null ? `  (baseline ${time(baseline)})` : "";
  console.log(`worst case ${name}: ${time(analyze)}${extra}`);
}
const uncached = Number.isFinite(uncachedImportMs)
  ? `; ${uncachedImportMs.toFixed(0)} ms in a new process with the loader's cache off (its first run on a machine)`
  : "";
console.log(`import of src/analysis/index.ts: ${importMs.toFixed(0)} ms (through the TS loader)${uncached}`);
console.log(`first language detection (loads eld's model, once per process): ${detectorMs.toFixed(0)} ms`);
if (sink === Number.POSITIVE_INFINITY) console.log(sink);
