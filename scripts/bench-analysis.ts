/**
 * Throughput of the full analyze() next to VADER-JS, same process, same texts (every
 * text of the evaluation sets), one warm-up round then several timed rounds,
 * alternating the two so machine noise hits both alike. JavaScript runs on one core.
 *   npm run bench:analysis [-- --dir ../shared/eval] [--rounds 5]
 * Also times the worst cases (100 KB of emoji, 1 MB of one word) and the import.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readJsonl, sets } from "./eval-lib/data.ts";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.resolve(opt("dir") ?? path.resolve(repoRoot, "../shared/eval"));
const rounds = Number(opt("rounds") ?? 5);

const t0 = performance.now();
const { analyze } = await import("../src/analysis/index.ts");
const importMs = performance.now() - t0;
const { vaderScore } = await import("./eval-lib/baselines.ts");

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

timeRound(ours);
timeRound(vaderScore);
const oursMs: number[] = [];
const vaderMs: number[] = [];
for (let r = 0; r < rounds; r++) {
  oursMs.push(timeRound(ours));
  vaderMs.push(timeRound(vaderScore));
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

const emoji = "😀😡👍🙏".repeat((100 * 1024) / 8);
const word = "excellent ".repeat(100 * 1024);
for (const [name, text] of [
  ["100 KB of emoji", emoji],
  ["1 MB of one word", word],
] as const) {
  const s = performance.now();
  analyze(text);
  console.log(`worst case ${name}: ${(performance.now() - s).toFixed(1)} ms`);
}
console.log(`import of src/analysis/index.ts: ${importMs.toFixed(0)} ms (through the TS loader)`);
if (sink === Number.POSITIVE_INFINITY) console.log(sink);
