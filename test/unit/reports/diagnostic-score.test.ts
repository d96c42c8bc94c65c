import { describe, expect, it } from "vitest";
import type { MentionRecord } from "../../../src/domain.ts";
import { computeDiagnostic } from "../../../src/reports/diagnostic/index.ts";
import { apportion } from "../../../src/reports/diagnostic/score.ts";
import {
  bakeryInput,
  EN_REVIEWS,
  emptyInput,
  FR_NEGATIVE,
  FR_POSITIVE,
  fiveStarMentions,
  fromSeed,
  hotelInput,
  makeAnalysis,
  makeMention,
  stars,
} from "../../factories/mentions.ts";

const now = new Date("2026-11-20T12:00:00Z");

function sumOfContributions(r: ReturnType<typeof computeDiagnostic>): number {
  return r.score.components.reduce((a, c) => a + c.contribution, 0);
}

/** A deterministic pseudo-random mix of seeds, sources, replies and missing data. */
function mixedInput(seed: number) {
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const seeds = [...FR_POSITIVE, ...FR_NEGATIVE, ...EN_REVIEWS];
  const n = 1 + Math.floor(rnd() * 40);
  const mentions: MentionRecord[] = Array.from({ length: n }, (_, i) => {
    const s = seeds[Math.floor(rnd() * seeds.length)]!;
    const m = fromSeed(
      { ...s, stars: rnd() < 0.2 ? null : s.stars },
      {
        now,
        daysAgo: rnd() < 0.1 ? null : Math.floor(rnd() * 700),
        id: `mix-${seed}-${i}`,
        sourceId: `src-${Math.floor(rnd() * 4)}`,
        reply: rnd() < 0.3 ? { text: "Merci", afterHours: rnd() < 0.2 ? null : rnd() * 200 } : null,
      },
    );
    return rnd() < 0.1 ? { ...m, analysis: null } : m;
  });
  return bakeryInput(now, { mentions });
}

describe("reputation score", () => {
  it("components add up exactly to the score", () => {
    const inputs = [
      bakeryInput(now),
      hotelInput(now),
      emptyInput(now),
      ...Array.from({ length: 60 }, (_, i) => mixedInput(i + 1)),
    ];
    for (const input of inputs) {
      const r = computeDiagnostic(input);
      if (r.score.value === null) {
        expect(sumOfContributions(r)).toBe(0);
        continue;
      }
      expect(Number.isInteger(r.score.value)).toBe(true);
      expect(sumOfContributions(r)).toBe(r.score.value);
      expect(r.score.value).toBeGreaterThanOrEqual(0);
      expect(r.score.value).toBeLessThanOrEqual(100);
      const used = r.score.components.filter((c) => c.available);
      expect(used.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(1, 3);
      for (const c of used) expect(Math.abs(c.contribution - c.weight * c.value!)).toBeLessThan(1.0001);
    }
  });

  it("apportions whole points by largest remainder", () => {
    expect(apportion([10.45, 20.4, 30.15])).toEqual([11, 20, 30]);
    expect(apportion([10.2, 20.3, 30.5])).toEqual([10, 20, 31]);
    expect(apportion([33.34, 33.33, 33.33]).reduce((a, b) => a + b, 0)).toBe(100);
    expect(apportion([])).toEqual([]);
  });

  it("shrinks small volumes: 2 five-star reviews score lower than 200", () => {
    const few = computeDiagnostic(bakeryInput(now, { mentions: fiveStarMentions(now, 2) }));
    const many = computeDiagnostic(bakeryInput(now, { mentions: fiveStarMentions(now, 200) }));
    const rating = (r: typeof few) => r.score.components.find((c) => c.key === "rating")!.value!;
    expect(rating(few)).toBeLessThan(rating(many));
    expect(rating(few)).toBeLessThan(90);
    expect(rating(many)).toBeGreaterThan(95);
    expect(few.score.value!).toBeLessThan(many.score.value!);
  });

  it("re-weights and says so when owner replies are not visible", () => {
    const input = bakeryInput(now);
    const noReplies = input.mentions.map((m) => ({ ...m, reply: null }));
    const r = computeDiagnostic({ ...input, mentions: noReplies });
    const resp = r.score.components.find((c) => c.key === "responsiveness")!;
    expect(resp.available).toBe(false);
    expect(resp.contribution).toBe(0);
    expect(resp.evidence.key).toBe("evidence.responsiveness.notVisible");
    expect(r.score.note.key).toBe("score.note.reweighted");
    expect(r.score.note.text).toContain("Réponses aux avis négatifs");
    const rating = r.score.components.find((c) => c.key === "rating")!;
    expect(rating.weight).toBeCloseTo(0.4 / 0.85, 3);
    expect(r.response.status).toBe("not_visible");
  });

  it("scores text only when no star rating exists, and says so", () => {
    const unrated = bakeryInput(now).mentions.map((m) => ({ ...m, rating: null }));
    const r = computeDiagnostic(bakeryInput(now, { mentions: unrated }));
    expect(r.score.status).toBe("ok");
    const rating = r.score.components.find((c) => c.key === "rating")!;
    expect(rating.available).toBe(false);
    expect(rating.evidence.text).toMatch(/Aucune note/);
    expect(r.nps.value).toBeNull();
    expect(r.nps.unrated).toBe(unrated.length);
  });

  it("counts the ratings a page declares beyond those collected", () => {
    const input = bakeryInput(now, { mentions: fiveStarMentions(now, 2) });
    const without = computeDiagnostic(input);
    const withDeclared = computeDiagnostic({
      ...input,
      aggregateRatings: [{ sourceId: "src-google", value: 2.1, best: 5, count: 300 }],
    });
    const rating = (r: typeof without) => r.score.components.find((c) => c.key === "rating")!;
    expect(rating(withDeclared).value!).toBeLessThan(rating(without).value!);
    expect(rating(withDeclared).evidence.params.declared).toBe(298);
    expect(withDeclared.rating.declared).toEqual([
      { sourceId: "src-google", url: input.sources[0]!.url, value: 2.1, count: 300 },
    ]);
  });

  it("rewards replies to negative reviews", () => {
    const base = [FR_NEGATIVE[0]!, FR_NEGATIVE[1]!, FR_POSITIVE[0]!].map((s, i) =>
      fromSeed(s, { now, daysAgo: 10 + i, id: `r-${i}`, reply: i === 2 ? { text: "Merci", afterHours: 5 } : null }),
    );
    const answered = base.map((m) => ({ ...m, reply: m.reply ?? { text: "Nous sommes désolés", at: null } }));
    const a = computeDiagnostic(bakeryInput(now, { mentions: base }));
    const b = computeDiagnostic(bakeryInput(now, { mentions: answered }));
    const resp = (r: typeof a) => r.score.components.find((c) => c.key === "responsiveness")!.value;
    expect(resp(a)).toBe(0);
    expect(resp(b)).toBe(100);
    expect(b.score.value!).toBeGreaterThan(a.score.value!);
  });

  it("gives no score and says not enough data for an empty input", () => {
    const r = computeDiagnostic(emptyInput(now));
    expect(r.score).toMatchObject({ status: "insufficient_data", value: null, grade: null });
    expect(r.score.note.text).toMatch(/Pas assez de données/);
    expect(r.score.components).toHaveLength(5);
    expect(r.rating.status).toBe("insufficient_data");
    expect(r.nps.status).toBe("insufficient_data");
    expect(r.sentiment.status).toBe("insufficient_data");
    expect(r.emotions.status).toBe("insufficient_data");
    expect(r.aspects.status).toBe("insufficient_data");
    expect(r.aspects.items).toHaveLength(7);
    expect(r.touchpoints.status).toBe("insufficient_data");
    expect(r.strengths).toEqual([]);
    expect(r.irritants).toEqual([]);
    expect(r.trend.months).toHaveLength(12);
    expect(r.response.status).toBe("not_visible");
    expect(r.competitors.status).toBe("insufficient_data");
    expect(r.coverage.sentence.key).toBe("coverage.none");
    const en = computeDiagnostic(emptyInput(now, "en"));
    expect(en.headline.text).toMatch(/not enough data/);
  });

  it("still scores a single rated review (shrunk toward the prior)", () => {
    const r = computeDiagnostic(
      bakeryInput(now, {
        mentions: [
          makeMention({ rating: stars(1), publishedAt: now, analysis: makeAnalysis({ sentimentScore: -0.9 }) }),
        ],
      }),
    );
    expect(r.score.status).toBe("ok");
    const rating = r.score.components.find((c) => c.key === "rating")!;
    // (5 × 3.5 + 1) / 6 = 3.08 -> 52.1 / 100: one review cannot sink the score on its own.
    expect(rating.value).toBeCloseTo(52.1, 1);
  });
});

describe("robustness", () => {
  it("treats invalid dates as undated instead of producing NaN", () => {
    const input = bakeryInput(now);
    input.mentions[0] = { ...input.mentions[0]!, publishedAt: new Date("not a date") };
    const r = computeDiagnostic(input);
    expect(Number.isFinite(r.score.value)).toBe(true);
    expect(r.coverage.undated).toBe(1);
    expect(JSON.stringify(r)).not.toContain("NaN");
  });
});
