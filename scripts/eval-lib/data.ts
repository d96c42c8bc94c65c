/** Reading the evaluation sets (../shared/eval) at run time; nothing from them is copied into the repo. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface SentimentItem {
  id: string;
  lang: string;
  text: string;
  label: "negative" | "neutral" | "positive";
  score?: number;
  source: string;
}
export interface EnEmotionItem {
  id: string;
  text: string;
  ekman: string[];
}
export interface FrEmotionItem {
  id: string;
  text: string;
  emotions: string[];
  aspects: Array<{ aspect: string; polarity: string }>;
  touchpoints: string[];
}

export function readJsonl<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}

/** The sets found in `dir`; each file name minus ".jsonl" ("sentiment/fr-dev"). */
export function sets(dir: string) {
  const s = (name: string) => path.join(dir, "sentiment", name);
  const e = (name: string) => path.join(dir, "emotion", name);
  const pick = (base: string, stems: string[]) =>
    stems.map((st) => ({ name: st, file: base === "s" ? s(`${st}.jsonl`) : e(`${st}.jsonl`) }));
  return {
    sentiment: pick("s", ["fr-dev", "fr-holdout", "fr-movies-dev", "fr-movies-holdout", "en-dev", "en-holdout"]).filter(
      (x) => existsSync(x.file),
    ),
    enEmotion: pick("e", ["en-dev", "en-holdout"]).filter((x) => existsSync(x.file)),
    frEmotion: pick("e", ["fr-dev", "fr-holdout"]).filter((x) => existsSync(x.file)),
  };
}
