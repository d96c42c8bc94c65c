import { describe, expect, it } from "vitest";
import { computeDiagnostic } from "../../../src/reports/diagnostic/index.ts";
import { bakeryInput, hotelInput } from "../../factories/mentions.ts";

const now = new Date("2026-11-20T12:00:00Z");

/**
 * Golden figures for a fixed input. The counts are hand-checked (see the
 * factory: 10 positive + 6 negative + 1 mismatched Google reviews, 2 unrated
 * posts); score and rating component are the formula's output, pinned so any
 * change to the scoring is deliberate and shows up here.
 */
describe("golden diagnostic: Boulangerie du Marché", () => {
  const r = computeDiagnostic(
    bakeryInput(now, { competitors: [{ name: "Harbour Hotel", ...hotelInput(now), aggregateRatings: [] }] }),
  );

  it("keeps its key figures", () => {
    expect(r.coverage.mentions).toBe(19);
    expect(r.rating.count).toBe(17);
    // (2 × (5+5+5+4+5) + 2+1+1+2+2+1 + 5) / 17 = 62 / 17
    expect(r.rating.average).toBe(3.65);
    expect(r.rating.distribution).toEqual({ 1: 3, 2: 3, 3: 0, 4: 2, 5: 9 });
    // 9 promoters, 2 passives, 6 detractors: (9 − 6) / 17 = 17.6 %
    expect(r.nps).toMatchObject({ value: 18, promoters: 9, passives: 2, detractors: 6, rated: 17, unrated: 2 });
    expect(r.nps.note.text).toContain("2 mentions sans étoiles en sont exclues");
    expect(r.sentiment.counts).toEqual({ positive: 11, neutral: 0, negative: 8 });
    expect(r.mismatches.count).toBe(1);
    expect(r.negativeReviews.count).toBe(7);
    expect(r.response).toMatchObject({
      status: "ok",
      replied: 6,
      considered: 17,
      negativeReplied: 1,
      negativeConsidered: 6,
    });
    // Reply delays of the replied reviews: 20, 28, 36, 44, 52 h and 120 h -> median 40 h.
    expect(r.response.medianFirstResponseHours).toBe(40);
    const convenience = r.aspects.items.find((a) => a.aspect === "convenience")!;
    expect(convenience).toMatchObject({ volume: 8, positive: 2, negative: 6, name: "Gain de temps & praticité" });
    expect(r.trend.months.reduce((a, m) => a + m.count, 0)).toBe(19);
    expect(r.trend.months.at(-1)).toMatchObject({ month: "2026-11", count: 4 });
  });

  it("keeps its score", () => {
    expect(r.score.value).toBe(56);
    expect(r.score.grade).toBe("C");
    const values = Object.fromEntries(r.score.components.map((c) => [c.key, c.value]));
    expect(values.rating).toBeCloseTo(63.7, 1);
    expect(values.responsiveness).toBeCloseTo(16.7, 1);
    expect(values.spread).toBeCloseTo(66.7, 1);
    expect(r.competitors.items.map((c) => [c.name, c.isSelf])).toEqual([
      ["Boulangerie du Marché", true],
      ["Harbour Hotel", false],
    ]);
    expect(r.competitors.items[0]!.score).toBe(r.score.value);
  });

  it("is deterministic and JSON-safe", () => {
    const again = computeDiagnostic(
      bakeryInput(now, { competitors: [{ name: "Harbour Hotel", ...hotelInput(now), aggregateRatings: [] }] }),
    );
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(r)));
    expect(r.generatedAt).toBe(now.toISOString());
    expect(r.methodology.statements.map((s) => s.key)).toContain("method.noFilter");
  });
});
