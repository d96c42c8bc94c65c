/**
 * Scores analyze() on every evaluation set next to natural's SentimentAnalyzer and
 * VADER-JS, run in the same process on the same texts.
 *   npm run eval [-- --dir ../shared/eval] [--errors 20] [--only fr-dev]
 * Label mapping and metrics follow ../shared/eval/README.md.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { neutralBand } from "../src/analysis/config.ts";
import { analyze } from "../src/analysis/index.ts";
import { EMOTIONS, type Emotion } from "../src/domain.ts";
import { baselinesFor } from "./eval-lib/baselines.ts";
import { type EnEmotionItem, type FrEmotionItem, readJsonl, type SentimentItem, sets } from "./eval-lib/data.ts";
import { fmt, macroF1, multiLabelF1, pearson } from "./eval-lib/metrics.ts";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.resolve(opt("dir") ?? path.resolve(repoRoot, "../shared/eval"));
const showErrors = Number(opt("errors") ?? 0);
const only = opt("only");
const noBaselines = args.includes("--no-baselines");
const showZeros = args.includes("--zeros");
const found = sets(dir);
if (found.sentiment.length + found.enEmotion.length + found.frEmotion.length === 0) {
  console.error(`no evaluation files under ${dir}`);
  process.exit(1);
}

const LABELS3 = ["negative", "neutral", "positive"];
const toLabel = (s: number, band: number) => (s >= band ? "positive" : s <= -band ? "negative" : "neutral");

interface Row {
  system: string;
  n: number;
  f3: number;
  acc3: number;
  f2: number;
  acc2: number;
  cov: number;
  r: number;
}

function scoreRow(system: string, items: SentimentItem[], scores: number[], band: number, binaryOnly: boolean): Row {
  const gold = items.map((x) => x.label);
  const labels = binaryOnly ? ["negative", "positive"] : LABELS3;
  const pred = scores.map((s) => toLabel(s, band));
  const three = macroF1(gold, pred, labels);
  const bi = items.map((x, i) => ({ g: x.label, s: scores[i] as number })).filter((x) => x.g !== "neutral");
  const bPred = bi.map((x) => (x.s > 0 ? "positive" : x.s < 0 ? "negative" : "abstain"));
  const two = macroF1(
    bi.map((x) => x.g),
    bPred,
    ["negative", "positive"],
  );
  const withHuman = items.map((x, i) => ({ h: x.score, s: scores[i] as number })).filter((x) => x.h !== undefined);
  const r =
    withHuman.length > 1
      ? pearson(
          withHuman.map((x) => x.s),
          withHuman.map((x) => x.h as number),
        )
      : Number.NaN;
  return {
    system,
    n: items.length,
    f3: three.f1,
    acc3: three.acc,
    f2: two.f1,
    acc2: two.acc,
    cov: bi.length ? bPred.filter((p) => p !== "abstain").length / bi.length : 0,
    r,
  };
}

function printRows(title: string, rows: Row[]) {
  console.log(`\n${title}`);
  console.log("system                      n      3c-F1  3c-acc  bin-F1  bin-acc coverage  r(human)");
  for (const r of rows) {
    console.log(
      `${r.system.padEnd(26)} ${String(r.n).padStart(5)}  ${fmt(r.f3)}   ${fmt(r.acc3)}   ${fmt(r.f2)}   ${fmt(r.acc2)}   ${fmt(r.cov)}   ${fmt(r.r)}`,
    );
  }
}

let langOk = 0;
let langN = 0;

for (const set of found.sentiment) {
  if (only && set.name !== only) continue;
  const items = readJsonl<SentimentItem>(set.file);
  const lang = set.name.startsWith("fr") ? "fr" : "en";
  const binaryOnly = set.name.startsWith("fr-movies");
  const NEUTRAL_BAND = neutralBand(lang);
  const ours = items.map((x) => analyze(x.text));
  for (const [i, a] of ours.entries()) {
    langN++;
    if (a.lang === (items[i] as SentimentItem).lang) langOk++;
  }
  const ourScores = ours.map((a) => a.sentiment.score);
  const rows = [scoreRow("analyze()", items, ourScores, NEUTRAL_BAND, binaryOnly)];
  const baseScores = new Map<string, number[]>();
  for (const b of noBaselines ? [] : baselinesFor(lang)) {
    const sc = items.map((x) => b.score(x.text));
    baseScores.set(b.name, sc);
    rows.push(scoreRow(b.name, items, sc, b.band, binaryOnly));
  }
  printRows(`== sentiment/${set.name} (neutral band ours ±${NEUTRAL_BAND})`, rows);

  const sources = [...new Set(items.map((x) => x.source))];
  if (sources.length > 1) {
    const per: Row[] = [];
    for (const src of sources) {
      const idx = items.map((x, i) => (x.source === src ? i : -1)).filter((i) => i >= 0);
      const sub = idx.map((i) => items[i] as SentimentItem);
      const bin = !sub.some((x) => x.label === "neutral");
      per.push(
        scoreRow(
          `ours ${src}`,
          sub,
          idx.map((i) => ourScores[i] as number),
          NEUTRAL_BAND,
          bin,
        ),
      );
      const v = baseScores.get("vader-sentiment") ?? [];
      per.push(
        scoreRow(
          `vader ${src}`,
          sub,
          idx.map((i) => v[i] as number),
          0.05,
          bin,
        ),
      );
    }
    printRows(`-- per source (sources without neutral items: 3-class over neg/pos)`, per);
  }
  if (!binaryOnly) {
    const sweep = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]
      .map((t) => `${t}:${fmt(scoreRow("", items, ourScores, t, false).f3)}`)
      .join("  ");
    console.log(`neutral-band sweep (3c-F1): ${sweep}`);
  }
  if (showZeros) {
    for (const [i, x] of items.entries())
      if (ourScores[i] === 0 && x.label !== "neutral") console.log(`  [zero ${x.label}] ${x.text.slice(0, 200)}`);
  }
  if (showErrors > 0) {
    const errs = items
      .map((x, i) => ({ x, s: ourScores[i] as number }))
      .filter(({ x, s }) => toLabel(s, NEUTRAL_BAND) !== x.label && !(binaryOnly && x.label === "neutral"))
      .sort((a, b) => Math.abs(b.s) - Math.abs(a.s))
      .slice(0, showErrors);
    for (const { x, s } of errs)
      console.log(`  [${x.label} got ${s.toFixed(2)}] ${x.text.slice(0, 220).replace(/\n/g, " ")}`);
  }
}

const toEkman: Record<Emotion, string> = {
  joy: "joy",
  trust: "joy",
  gratitude: "joy",
  anticipation: "joy",
  anger: "anger",
  frustration: "anger",
  sadness: "sadness",
  disappointment: "sadness",
  fear: "fear",
  surprise: "surprise",
  disgust: "disgust",
};

for (const set of found.enEmotion) {
  if (only && set.name !== only) continue;
  const items = readJsonl<EnEmotionItem>(set.file);
  const pred = items.map((x) => {
    const a = analyze(x.text);
    const out = [...new Set(Object.keys(a.emotions).map((e) => toEkman[e as Emotion]))];
    return out.length ? out : ["neutral"];
  });
  const labels = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"];
  const m = multiLabelF1(
    items.map((x) => x.ekman),
    pred,
    labels,
  );
  console.log(`\n== emotion/${set.name} (GoEmotions → Ekman-7; natural and VADER have no emotion output)`);
  console.log(`analyze() Ekman-7 macro-F1 ${fmt(m.macro)}  micro-F1 ${fmt(m.micro)}`);
  console.log(`  per label: ${labels.map((l) => `${l} ${fmt(m.per[l]?.f1 ?? 0)} (n=${m.per[l]?.n})`).join(", ")}`);
  if (showErrors > 0) {
    let k = 0;
    for (const [i, x] of items.entries()) {
      if (k >= showErrors) break;
      if (JSON.stringify([...x.ekman].sort()) !== JSON.stringify([...(pred[i] as string[])].sort())) {
        console.log(`  [${x.ekman.join(",")} got ${(pred[i] as string[]).join(",")}] ${x.text.slice(0, 160)}`);
        k++;
      }
    }
  }
}

for (const set of found.frEmotion) {
  if (only && set.name !== only) continue;
  const items = readJsonl<FrEmotionItem>(set.file);
  const res = items.map((x) => analyze(x.text));
  const predE = res.map((a) => (Object.keys(a.emotions).length ? Object.keys(a.emotions) : ["neutral"]));
  const goldE = items.map((x) => x.emotions);
  const present = [...EMOTIONS, "neutral"].filter((l) => goldE.some((g) => g.includes(l)));
  const em = multiLabelF1(goldE, predE, present);
  console.log(`\n== emotion/${set.name} (French, hand-labelled; macro over the ${present.length} labels present)`);
  console.log(`analyze() emotions macro-F1 ${fmt(em.macro)}  micro-F1 ${fmt(em.micro)}`);
  console.log(`  per label: ${present.map((l) => `${l} ${fmt(em.per[l]?.f1 ?? 0)} (n=${em.per[l]?.n})`).join(", ")}`);
  const goldA = items.map((x) => x.aspects.map((a) => a.aspect));
  const predA = res.map((a) => a.aspects.map((x) => x.aspect));
  const aspects = ["offer", "convenience", "sensations", "advice", "relationship", "personalisation", "identity"];
  const am = multiLabelF1(goldA, predA, aspects);
  let polOk = 0;
  let polN = 0;
  for (const [i, x] of items.entries()) {
    for (const g of x.aspects) {
      const p = res[i]?.aspects.find((a) => a.aspect === g.aspect);
      if (p === undefined) continue;
      polN++;
      if (p.polarity === g.polarity) polOk++;
    }
  }
  console.log(
    `analyze() aspects macro-F1 ${fmt(am.macro)}  micro-F1 ${fmt(am.micro)}  polarity accuracy on found ${fmt(polOk / polN)} (${polN})`,
  );
  console.log(`  per aspect: ${aspects.map((l) => `${l} ${fmt(am.per[l]?.f1 ?? 0)} (n=${am.per[l]?.n})`).join(", ")}`);
  const tps = ["digital", "physical", "remote"];
  const tm = multiLabelF1(
    items.map((x) => x.touchpoints),
    res.map((a) => a.touchpoints),
    tps,
  );
  console.log(
    `analyze() touchpoints macro-F1 ${fmt(tm.macro)}  (${tps.map((l) => `${l} ${fmt(tm.per[l]?.f1 ?? 0)}`).join(", ")})`,
  );
  if (showErrors > 0) {
    for (const [i, x] of items.slice(0, showErrors).entries()) {
      console.log(
        `  gold E=${x.emotions.join(",")} A=${x.aspects.map((a) => `${a.aspect}${a.polarity[0]}`).join(",")} T=${x.touchpoints.join(",")}`,
      );
      console.log(
        `  got  E=${predE[i]?.join(",")} A=${res[i]?.aspects.map((a) => `${a.aspect}${a.polarity[0]}`).join(",")} T=${res[i]?.touchpoints.join(",")}`,
      );
      console.log(`     ${x.text.slice(0, 300).replace(/\n/g, " ")}`);
    }
  }
}

if (langN > 0)
  console.log(`\nlanguage detection (sentiment sets, no hint given): ${fmt(langOk / langN)} of ${langN} correct`);
