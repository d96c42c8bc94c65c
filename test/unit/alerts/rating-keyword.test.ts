import { describe, expect, it } from "vitest";
import { evaluateRule } from "../../../src/reports/alerts/evaluate.ts";
import { AlertRule } from "../../../src/reports/alerts/rules.ts";
import { compileKeyword, fold } from "../../../src/reports/alerts/text.ts";
import { type MentionSpec, makeMention, spreadDates } from "../../factories/highlight-mentions.ts";

const DAY = 86_400_000;
const now = new Date("2026-11-20T12:02:00Z");
const end = new Date("2026-11-20T12:00:00Z");

describe("rating_drop", () => {
  const rule = AlertRule.parse({ id: "rule-rating", businessId: "b1", type: "rating_drop", minDrop: 0.5, minCount: 5 });
  const weekStart = new Date(end.getTime() - 7 * DAY);
  // A 90-day baseline holds 12 whole weeks: the baseline is made of whole windows.
  const baseline = spreadDates(40, new Date(weekStart.getTime() - 84 * DAY), weekStart).map((d, i) =>
    makeMention({ publishedAt: d, stars: i % 2 === 0 ? 5 : 4, sentiment: 0.5 }),
  );
  const week = (stars: number[]) =>
    spreadDates(stars.length, weekStart, end).map((d, i) =>
      makeMention({
        publishedAt: d,
        stars: stars[i]!,
        sentiment: stars[i]! <= 2 ? -0.6 : 0.4,
        text: stars[i]! <= 2 ? "Serveur désagréable, plats froids." : "Correct.",
        sourceId: "tripadvisor",
      }),
    );

  it("fires when the mean drops by at least minDrop, with both means in the explanation", () => {
    const d = evaluateRule(rule, { now, current: week([5, 4, 2, 1, 3, 2]), baseline });
    expect(d).not.toBeNull();
    expect(d!.explanation.expected).toBe(4.5);
    expect(d!.explanation.observed).toBe(2.83);
    expect(d!.explanation.stats.drop).toBe(1.67);
    expect(d!.severity).toBe("critical");
    expect(d!.explanation.topTerms.map((t) => t.term)).toEqual(expect.arrayContaining(["serveur", "plats"]));
    expect(d!.explanation.topSources[0]).toMatchObject({ sourceId: "tripadvisor", count: 4 });
    expect(d!.explanation.message.fr).toContain("en baisse de 1,67");
  });

  it("stays quiet on a small dip or too few ratings", () => {
    expect(evaluateRule(rule, { now, current: week([5, 4, 4, 4, 5, 4]), baseline })).toBeNull();
    expect(evaluateRule(rule, { now, current: week([1, 1, 1, 1]), baseline })).toBeNull();
    expect(evaluateRule(rule, { now, current: week([1, 1, 1, 1, 1]), baseline: baseline.slice(0, 4) })).toBeNull();
  });
});

describe("keyword matching", () => {
  it.each([
    ["remboursé", "Je n'ai jamais été rembourse !", true],
    ["rembourse", "Enfin REMBOURSÉ après 3 mois", true],
    ["remboursé", "Demande de remboursement en cours", false],
    ["rembours*", "Demande de remboursement en cours", true],
    ["arnaque", "C'est une vraie l’arnaque", true],
    ["arnaque", "Les arnaqueurs du coin", false],
    ["service client", "Le service-client est injoignable", true],
    ["SAV", "le sav ne répond pas", true],
    ["sav", "savon parfumé", false],
    ["refund", "They refused my REFUND.", true],
    ["refund", "refunded quickly", false],
    ["cœur", "fait avec coeur", true],
  ])("%j in %j -> %s", (keyword, text, expected) => {
    expect(compileKeyword(keyword).test(fold(text))).toBe(expected);
  });
});

describe("keyword rule", () => {
  const rule = AlertRule.parse({
    id: "rule-kw",
    businessId: "b1",
    type: "keyword",
    keywords: ["remboursé", "arnaque"],
  });
  const collected = (minutesAgo: number, text: string, over: MentionSpec = {}) =>
    makeMention({
      text,
      collectedAt: new Date(end.getTime() - minutesAgo * 60_000),
      publishedAt: new Date(end.getTime() - 3 * DAY),
      sentiment: -0.5,
      ...over,
    });

  it("fires on new mentions containing a keyword and lists them", () => {
    const hit1 = collected(10, "Jamais rembourse, une arnaque.");
    const hit2 = collected(20, "Enfin remboursé, merci.", { sentiment: 0.6 });
    const miss = collected(15, "Demande de remboursement envoyée.");
    const old = collected(24 * 60, "Une arnaque pure.");
    const d = evaluateRule(rule, { now, current: [hit1, hit2, miss, old], baseline: [] });
    expect(d).not.toBeNull();
    expect(d!.explanation.matchedMentionIds).toEqual([hit1.id, hit2.id].sort());
    expect(d!.explanation.matchedKeywords).toEqual([
      { keyword: "remboursé", count: 2 },
      { keyword: "arnaque", count: 1 },
    ]);
    expect(d!.explanation.sampleMentionIds[0]).toBe(hit1.id);
    expect(d!.explanation.message.en).toContain('"remboursé" (2)');
  });

  it("does not report a mention twice across evaluations", () => {
    const hit = collected(10, "Quelle arnaque.");
    const first = evaluateRule(rule, { now, current: [hit], baseline: [] });
    expect(first).not.toBeNull();
    const next = new Date(now.getTime() + 5 * 60_000);
    expect(evaluateRule(rule, { now: next, current: [hit], baseline: [], lastFiredAt: first!.firedAt })).toBeNull();
    const fresh = makeMention({ text: "Encore une arnaque", collectedAt: new Date(now.getTime() + 60_000) });
    const second = evaluateRule(rule, { now: next, current: [hit, fresh], baseline: [], lastFiredAt: first!.firedAt });
    expect(second?.explanation.matchedMentionIds).toEqual([fresh.id]);
  });
});

describe("rule schemas", () => {
  it("fills defaults", () => {
    const r = AlertRule.parse({ id: "r", businessId: "b", type: "negative_spike" });
    expect(r).toMatchObject({
      enabled: true,
      windowMinutes: 1440,
      baselineDays: 14,
      minCount: 5,
      cooldownMinutes: 360,
      sensitivity: { method: "zscore", threshold: 3 },
    });
  });

  it.each([
    [{ type: "keyword", keywords: [] }, "keywords"],
    [{ type: "keyword", keywords: ["!!"] }, "keywords"],
    [{ type: "negative_spike", sensitivity: { method: "magic", threshold: 2 } }, "sensitivity"],
    [{ type: "negative_spike", cooldownMinutes: -1 }, "cooldownMinutes"],
    [{ type: "rating_drop", minDrop: 0 }, "minDrop"],
    [{ type: "rating_drop", windowMinutes: 60 * 24 * 30, baselineDays: 7 }, "baselineDays"],
    [{ type: "volume" }, "type"],
  ])("rejects %j at %s", (body, path) => {
    const res = AlertRule.safeParse({ id: "r", businessId: "b", ...body });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => String(i.path[0]))).toContain(path);
  });
});
