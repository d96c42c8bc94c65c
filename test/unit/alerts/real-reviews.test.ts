/**
 * Explanations on real customer reviews (French insurance, English Yelp) from
 * the shared evaluation sets. The human label stands in for the analysis, so
 * this tests the alert logic, not the sentiment model. Skipped where the
 * shared folder is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { MentionRecord } from "../../../src/domain.ts";
import { evaluateRule } from "../../../src/reports/alerts/evaluate.ts";
import { AlertRule } from "../../../src/reports/alerts/rules.ts";
import { STOP_WORDS } from "../../../src/reports/alerts/stop-words.ts";
import { fold } from "../../../src/reports/alerts/text.ts";
import { makeMention, spreadDates } from "../../factories/highlight-mentions.ts";

const EVAL = new URL("../../../../shared/eval/sentiment/", import.meta.url);
const FR = new URL("fr-dev.jsonl", EVAL);
const EN = new URL("en-dev.jsonl", EVAL);

interface Row {
  text: string;
  label: "negative" | "neutral" | "positive";
  stars?: number;
  category?: string;
  source: string;
}

const load = (u: URL): Row[] =>
  readFileSync(u, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Row);

const DAY = 86_400_000;
const now = new Date("2026-11-20T12:02:00Z");
const windowStart = new Date("2026-11-19T12:00:00Z");
const rule = AlertRule.parse({ id: "real", businessId: "b1", type: "negative_spike" });

function asMentions(rows: Row[], from: Date, to: Date): MentionRecord[] {
  const dates = spreadDates(rows.length, from, to);
  return rows.map((r, i) =>
    makeMention({
      text: r.text,
      publishedAt: dates[i]!,
      sentiment: r.label === "negative" ? -0.7 : r.label === "positive" ? 0.7 : 0,
      ...(r.stars ? { stars: r.stars } : {}),
    }),
  );
}

function spikeTerms(current: Row[], baseline: Row[]): string[] {
  const d = evaluateRule(rule, {
    now,
    current: asMentions(current, windowStart, new Date(windowStart.getTime() + DAY)),
    baseline: asMentions(baseline, new Date(windowStart.getTime() - 14 * DAY), windowStart),
  });
  expect(d).not.toBeNull();
  return d!.explanation.topTerms.map((t) => t.term);
}

describe.skipIf(!existsSync(FR) || !existsSync(EN))("explanations on real reviews", () => {
  const fr = existsSync(FR) ? load(FR) : [];
  const en = existsSync(EN) ? load(EN) : [];
  const frNegative = (category: string) => fr.filter((r) => r.label === "negative" && r.category === category);

  it("names what a burst of home-insurance complaints is about, against car-insurance ones", () => {
    const terms = spikeTerms(frNegative("habitation").slice(0, 30), frNegative("auto").slice(0, 56));
    expect(terms).toContain("habitation");
    expect(terms.some((t) => ["dégât", "eaux", "vétusté"].includes(t))).toBe(true);
    // The word every insurance complaint has is not news.
    expect(terms[0]).not.toBe("assurance");
  });

  it("names health insurance complaints", () => {
    const terms = spikeTerms(frNegative("sante").slice(0, 30), frNegative("auto").slice(0, 56));
    expect(terms).toContain("mutuelle");
  });

  it("keeps stop-words and contraction stubs out of English terms", () => {
    const yelp = en.filter((r) => r.label === "negative" && r.source.includes("yelp"));
    const terms = spikeTerms(yelp.slice(0, 40), yelp.slice(40, 96));
    expect(terms.length).toBeGreaterThan(3);
    for (const t of terms) {
      expect(STOP_WORDS.has(fold(t))).toBe(false);
      expect(t.length).toBeGreaterThanOrEqual(3);
    }
    expect(terms).not.toContain("don");
  });
});
