import { describe, expect, it } from "vitest";
import {
  computeNps,
  decayWeight,
  emotionProfile,
  gradeFromScore,
  lastMonths,
  median,
  normaliseRating,
  responseStats,
  shrunkDecayedMean,
  starBucket,
} from "../../../src/reports/metrics.ts";
import { makeAnalysis, makeMention, stars } from "../../factories/mentions.ts";

const now = new Date("2026-11-20T12:00:00Z");

describe("rating normalisation", () => {
  it("maps any scale linearly onto 1..5", () => {
    expect(normaliseRating(stars(5))).toBe(5);
    expect(normaliseRating(stars(1))).toBe(1);
    expect(normaliseRating({ value: 10, best: 10, worst: 0 })).toBe(5);
    expect(normaliseRating({ value: 5, best: 10, worst: 0 })).toBe(3);
    expect(normaliseRating({ value: 9, best: 10, worst: 1 })).toBeCloseTo(4.556, 3);
  });

  it("rejects unusable scales and clamps out-of-range values", () => {
    expect(normaliseRating({ value: 3, best: 1, worst: 1 })).toBeNull();
    expect(normaliseRating({ value: Number.NaN, best: 5, worst: 1 })).toBeNull();
    expect(normaliseRating(null)).toBeNull();
    expect(normaliseRating({ value: 7, best: 5, worst: 1 })).toBe(5);
  });

  it("buckets to the nearest star", () => {
    expect(starBucket(4.556)).toBe(5);
    expect(starBucket(4.49)).toBe(4);
    expect(starBucket(0.2)).toBe(1);
  });
});

describe("NPS from stars", () => {
  it("matches a hand-computed case, scaling to 5 first", () => {
    // 5,5,5,5 and 9/10 (-> 4.56) are promoters; 4 and 7/10 (-> 3.67) passives; 3 and 1 detractors.
    const ratings = [
      stars(5),
      stars(5),
      stars(5),
      stars(5),
      { value: 9, best: 10, worst: 1 },
      stars(4),
      { value: 7, best: 10, worst: 1 },
      stars(3),
      stars(1),
      null,
      null,
    ];
    const nps = computeNps(ratings);
    expect(nps).toMatchObject({ promoters: 5, passives: 2, detractors: 2, rated: 9, unrated: 2 });
    // (5 - 2) / 9 = 33.3 %
    expect(nps.value).toBe(33);
  });

  it("excludes unrated mentions and counts them", () => {
    const nps = computeNps([stars(1), null, null, null]);
    expect(nps.rated).toBe(1);
    expect(nps.unrated).toBe(3);
    expect(nps.value).toBe(-100);
  });

  it("has no value without any rating", () => {
    expect(computeNps([null, null]).value).toBeNull();
    expect(computeNps([]).value).toBeNull();
  });
});

describe("time-decayed shrunk mean", () => {
  const opts = { now, halfLifeDays: 365, priorMean: 3.5, priorWeight: 5 };

  it("halves the weight of a review one half-life old", () => {
    expect(decayWeight(now, now, 365)).toBe(1);
    expect(decayWeight(new Date(now.getTime() - 365 * 86_400_000), now, 365)).toBeCloseTo(0.5, 10);
    expect(decayWeight(null, now, 365)).toBe(0.5);
  });

  it("pulls small volumes toward the prior more than large ones", () => {
    const two = shrunkDecayedMean(
      [
        { value: 5, at: now },
        { value: 5, at: now },
      ],
      opts,
    );
    const many = shrunkDecayedMean(
      Array.from({ length: 200 }, () => ({ value: 5, at: now })),
      opts,
    );
    // (5 × 3.5 + 2 × 5) / 7
    expect(two.mean).toBeCloseTo(27.5 / 7, 10);
    expect(many.mean).toBeGreaterThan(4.95);
    expect(two.rawMean).toBe(5);
  });

  it("lets recent reviews outweigh old ones", () => {
    const old = new Date(now.getTime() - 3 * 365 * 86_400_000);
    const r = shrunkDecayedMean(
      [
        { value: 1, at: now },
        { value: 5, at: old },
      ],
      { ...opts, priorWeight: 0 },
    );
    expect(r.mean).toBeLessThan(1.5);
  });

  it("equals the prior without observations", () => {
    expect(shrunkDecayedMean([], opts).mean).toBe(3.5);
  });
});

describe("grades", () => {
  it.each([
    [100, "A"],
    [80, "A"],
    [79.9, "B"],
    [65, "B"],
    [64, "C"],
    [50, "C"],
    [49, "D"],
    [35, "D"],
    [34, "E"],
    [0, "E"],
  ] as const)("%d -> %s", (score, grade) => {
    expect(gradeFromScore(score)).toBe(grade);
  });
});

describe("response stats", () => {
  it("is not_visible when no reply is seen anywhere", () => {
    const r = responseStats([makeMention({ rating: stars(1) }), makeMention({ rating: stars(5) })]);
    expect(r.status).toBe("not_visible");
    expect(r.rate).toBeNull();
  });

  it("counts only sources showing replies and takes the median delay", () => {
    const at = (h: number) => new Date(Date.parse("2026-10-01T10:00:00Z") + h * 3_600_000);
    const r = responseStats([
      makeMention({ sourceId: "a", rating: stars(1), reply: { text: "Désolé", at: at(10) } }),
      makeMention({ sourceId: "a", rating: stars(2), reply: null }),
      makeMention({ sourceId: "a", rating: stars(5), reply: { text: "Merci", at: at(30) } }),
      makeMention({ sourceId: "a", rating: stars(4), reply: { text: "Merci", at: at(50) } }),
      makeMention({ sourceId: "b", rating: stars(1), reply: null }),
    ]);
    expect(r.status).toBe("ok");
    expect(r.visibleSourceIds).toEqual(["a"]);
    expect(r.considered).toBe(4);
    expect(r.replied).toBe(3);
    expect(r.negativeConsidered).toBe(2);
    expect(r.negativeReplied).toBe(1);
    expect(r.medianFirstResponseHours).toBe(30);
  });
});

describe("emotion profile", () => {
  it("gives the share of analysed mentions expressing each emotion and the mean intensity", () => {
    const ms = [
      makeMention({ analysis: makeAnalysis({ emotions: { joy: 0.8 } }) }),
      makeMention({ analysis: makeAnalysis({ emotions: { joy: 0.4, anger: 0.05 } }) }),
      makeMention({ analysis: makeAnalysis({ emotions: { frustration: 0.6 } }) }),
      makeMention({ analysis: null }),
    ];
    const p = emotionProfile(ms);
    expect(p.analysed).toBe(3);
    const joy = p.items.find((e) => e.emotion === "joy")!;
    expect(joy.count).toBe(2);
    expect(joy.share).toBeCloseTo(2 / 3, 3);
    expect(joy.meanIntensity).toBeCloseTo(0.6, 6);
    // Below the presence threshold, anger is not counted.
    expect(p.items.find((e) => e.emotion === "anger")!.count).toBe(0);
  });
});

describe("helpers", () => {
  it("median and month windows", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    const months = lastMonths(new Date("2026-02-10T00:00:00Z"), 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-03");
    expect(months[11]).toBe("2026-02");
  });
});
