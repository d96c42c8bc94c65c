import { describe, expect, it } from "vitest";
import type { MentionRecord } from "../../../src/domain.ts";
import { computeBaselineStats } from "../../../src/reports/alerts/baseline.ts";
import { evaluateRule } from "../../../src/reports/alerts/evaluate.ts";
import { termDocs, topTerms } from "../../../src/reports/alerts/explain.ts";
import { AlertRule } from "../../../src/reports/alerts/rules.ts";
import { makeMention, spreadDates } from "../../factories/highlight-mentions.ts";

const DAY = 86_400_000;
const now = new Date("2026-11-20T12:02:00Z");
// Step of 5 minutes: the window ends at 12:00 and starts 24 h earlier.
const windowEnd = new Date("2026-11-20T12:00:00Z");
const windowStart = new Date(windowEnd.getTime() - DAY);
const DAILY_NEGATIVES = [3, 5, 4, 6, 2, 4, 5, 3, 4, 5, 6, 3, 4, 5];

const rule = AlertRule.parse({ id: "rule-spike", businessId: "b1", type: "negative_spike", cooldownMinutes: 360 });

const BASELINE_TEXTS = [
  "Prix trop élevé pour la qualité.",
  "Un peu cher et accueil froid.",
  "Qualité moyenne, prix élevé.",
];
const SPIKE_TEXTS = [
  "Toujours pas de remboursement après trois semaines, colis jamais reçu, qualité zéro.",
  "Colis perdu, le service client ne répond pas, remboursement refusé.",
  "Attente interminable pour un remboursement, colis abîmé. The worst.",
];

function baseline(): MentionRecord[] {
  const out: MentionRecord[] = [];
  DAILY_NEGATIVES.forEach((n, day) => {
    const from = new Date(windowStart.getTime() - (DAILY_NEGATIVES.length - day) * DAY);
    const to = new Date(from.getTime() + DAY);
    spreadDates(n, from, to).forEach((d, i) => {
      out.push(
        makeMention({
          publishedAt: d,
          sentiment: -0.6,
          text: BASELINE_TEXTS[i % 3]!,
          aspects: [{ aspect: "offer", score: -0.5 }],
        }),
      );
    });
    // Positive chatter that must not count as negative.
    for (const d of spreadDates(10, from, to)) out.push(makeMention({ publishedAt: d, sentiment: 0.7, stars: 5 }));
  });
  return out;
}

function spike(n: number): MentionRecord[] {
  return spreadDates(n, windowStart, windowEnd).map((d, i) =>
    makeMention({
      publishedAt: d,
      sentiment: -0.8,
      stars: 1,
      text: SPIKE_TEXTS[i % 3]!,
      sourceId: i % 4 === 0 ? "google" : "trustpilot",
      sourceKind: i % 4 === 0 ? "google-places" : "trustpilot",
      aspects: [{ aspect: "convenience", score: -0.7 }],
    }),
  );
}

describe("negative_spike", () => {
  const base = baseline();

  it("fires on a constructed spike and explains it", () => {
    const current = [
      ...spike(20),
      ...spreadDates(15, windowStart, windowEnd).map((d) => makeMention({ publishedAt: d, sentiment: 0.6 })),
    ];
    const d = evaluateRule(rule, { now, current, baseline: base });
    expect(d).not.toBeNull();
    const e = d!.explanation;
    expect(e.observed).toBe(20);
    expect(e.expected).toBeCloseTo(DAILY_NEGATIVES.reduce((a, b) => a + b) / 14, 2);
    expect(e.stats.zScore).toBeGreaterThan(3);
    expect(d!.severity).toBe("critical");
    expect(d!.windowStart.toISOString()).toBe(windowStart.toISOString());
    const terms = e.topTerms.map((t) => t.term);
    expect(terms.slice(0, 2).sort()).toEqual(["colis", "remboursement"]);
    expect(e.topTerms[0]?.baselineCount).toBe(0);
    // "qualité" is as frequent as "trois" now, but it is the baseline's usual complaint: it ranks lower.
    const all = topTerms(
      current.filter((m) => m.analysis?.sentimentLabel === "negative"),
      termDocs(base.filter((m) => m.analysis?.sentimentLabel === "negative")),
      100,
    ).map((t) => t.term);
    expect(all.indexOf("trois")).toBeGreaterThanOrEqual(0);
    expect(all.indexOf("trois")).toBeLessThan(all.indexOf("qualité"));
    expect(terms).not.toContain("qualité");
    for (const stop of ["les", "pas", "the", "pour", "après"]) expect(terms).not.toContain(stop);
    expect(e.topSources.map((s) => [s.sourceId, s.count])).toEqual([
      ["trustpilot", 15],
      ["google", 5],
    ]);
    expect(e.topAspects[0]?.aspect).toBe("convenience");
    expect(e.sampleMentionIds).toHaveLength(5);
    expect(e.message.en).toContain("20 negative mentions in the last 24 h");
    expect(e.message.fr).toContain("20 mentions négatives");
  });

  it("stays quiet on normal variance", () => {
    for (const n of [2, 4, 6, 7]) expect(evaluateRule(rule, { now, current: spike(n), baseline: base })).toBeNull();
  });

  it("does not call a small rise a spike when the baseline is perfectly flat", () => {
    // 10 negatives every day: std is 0, so without a floor on the spread 13 would be an infinite z.
    const flat = Array.from({ length: 14 }, (_, day) => {
      const from = new Date(windowStart.getTime() - (14 - day) * DAY);
      return spreadDates(10, from, new Date(from.getTime() + DAY)).map((d) =>
        makeMention({ publishedAt: d, sentiment: -0.5 }),
      );
    }).flat();
    expect(evaluateRule(rule, { now, current: spike(13), baseline: flat })).toBeNull();
    expect(evaluateRule(rule, { now, current: spike(20), baseline: flat })?.explanation.stats.baselineStd).toBe(0);
  });

  it("respects minCount even when the baseline is empty", () => {
    expect(evaluateRule(rule, { now, current: spike(4), baseline: [] })).toBeNull();
    expect(evaluateRule(rule, { now, current: spike(5), baseline: [] })).not.toBeNull();
  });

  it("fires once, not again inside its cool-down, and again after it", () => {
    const current = spike(20);
    const first = evaluateRule(rule, { now, current, baseline: base });
    expect(first).not.toBeNull();
    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    expect(evaluateRule(rule, { now: later(10), current, baseline: base, lastFiredAt: first!.firedAt })).toBeNull();
    expect(evaluateRule(rule, { now: later(359), current, baseline: base, lastFiredAt: first!.firedAt })).toBeNull();
    const again = evaluateRule(rule, { now: later(360), current, baseline: base, lastFiredAt: first!.firedAt });
    expect(again).not.toBeNull();
    expect(again!.id).not.toBe(first!.id);
  });

  it("gives the same id inside one step, and ids without colons", () => {
    const a = evaluateRule(rule, { now, current: spike(20), baseline: base });
    const b = evaluateRule(rule, { now: new Date("2026-11-20T12:04:59Z"), current: spike(20), baseline: base });
    expect(a!.id).toBe(b!.id);
    expect(a!.dedupeKey).toBe("rule-spike/20261119T120000Z");
    expect(a!.id).toMatch(/^alt_[0-9a-f]{24}$/);
  });

  it("decides the same from baseline stats as from raw mentions", () => {
    const stats = computeBaselineStats(rule, now, base);
    expect(stats.negativeCounts).toEqual(DAILY_NEGATIVES);
    const raw = evaluateRule(rule, { now, current: spike(20), baseline: base });
    const rolled = evaluateRule(rule, { now, current: spike(20), baseline: stats });
    expect(rolled?.explanation.stats).toEqual(raw?.explanation.stats);
    expect(rolled?.explanation.topTerms).toEqual(raw?.explanation.topTerms);
  });

  it("supports a ratio sensitivity", () => {
    const ratioRule = AlertRule.parse({ ...rule, sensitivity: { method: "ratio", threshold: 2 } });
    expect(evaluateRule(ratioRule, { now, current: spike(8), baseline: base })).toBeNull();
    expect(
      evaluateRule(ratioRule, { now, current: spike(9), baseline: base })?.explanation.stats.ratio,
    ).toBeGreaterThanOrEqual(2);
  });

  it("ignores disabled rules and other businesses' mentions", () => {
    expect(evaluateRule({ ...rule, enabled: false }, { now, current: spike(20), baseline: base })).toBeNull();
    const foreign = spike(20).map((m) => ({ ...m, businessId: "b2" }));
    expect(evaluateRule(rule, { now, current: foreign, baseline: base })).toBeNull();
  });
});
