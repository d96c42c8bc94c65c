import { describe, expect, it } from "vitest";
import { selectHighlights } from "../../../src/reports/highlights/select.ts";
import type { HighlightInput, HighlightItem } from "../../../src/reports/highlights/types.ts";
import { makeMention, makeSource } from "../../factories/highlight-mentions.ts";

const from = new Date("2026-11-01T00:00:00Z");
const to = new Date("2026-11-16T00:00:00Z");
const now = new Date("2026-11-16T08:00:00Z");
const inPeriod = new Date("2026-11-10T12:00:00Z");
const prevPeriod = new Date("2026-10-25T12:00:00Z");
const LONG = "Accueil chaleureux, conseils précis et livraison en avance : je recommande sans hésiter à tous mes amis.";

function input(over: Partial<HighlightInput> = {}): HighlightInput {
  return {
    from,
    to,
    now,
    businesses: [{ id: "b1", name: "Café Lune" }],
    mentions: [],
    previousMentions: [],
    sources: [],
    ...over,
  };
}

const ofType = (items: HighlightItem[], type: HighlightItem["type"]) => items.filter((i) => i.type === type);

describe("best quote", () => {
  it("prefers a long 5/5 review over a stronger but short 4/5 one", () => {
    const short = makeMention({ id: "short", text: "Parfait !", sentiment: 0.95, stars: 4 });
    const long5 = makeMention({ id: "long5", text: LONG, sentiment: 0.7, stars: 5 });
    const short5 = makeMention({ id: "short5", text: "Super.", sentiment: 0.9, stars: 5 });
    const [best] = ofType(selectHighlights(input({ mentions: [short, short5, long5] })), "best_quote");
    expect(best?.mentionId).toBe("long5");
    expect(best?.quote).toBe(LONG);
    expect(best?.title).toContain("Café Lune");
    expect(best?.url).toBe(long5.url);
  });

  it("skips low-confidence analyses, rating mismatches and mediocre ratings", () => {
    const items = selectHighlights(
      input({
        mentions: [
          makeMention({ id: "unsure", text: LONG, sentiment: 0.9, confidence: 0.2, stars: 5 }),
          makeMention({ id: "mismatch", text: LONG, sentiment: 0.9, stars: 5, ratingMismatch: true }),
          makeMention({ id: "three", text: LONG, sentiment: 0.9, stars: 3 }),
          makeMention({ id: "ok", text: "Bien.", sentiment: 0.3, stars: 4 }),
        ],
      }),
    );
    expect(ofType(items, "best_quote").map((i) => i.mentionId)).toEqual(["ok"]);
  });

  it("cuts long quotes at a word boundary", () => {
    const text = `${"très bon moment ".repeat(60)}fin`;
    const [best] = selectHighlights(
      input({ mentions: [makeMention({ text, sentiment: 0.8, stars: 5 })], options: { maxQuoteChars: 100 } }),
    );
    expect(best?.quote?.length).toBeLessThanOrEqual(101);
    expect(best?.quote).toMatch(/moment…$/);
  });
});

it("never splits an emoji when cutting a quote", () => {
  const text = "😀".repeat(200);
  const [best] = selectHighlights(
    input({ mentions: [makeMention({ text, sentiment: 0.8, stars: 5 })], options: { maxQuoteChars: 101 } }),
  );
  expect(best?.quote).toBe(`${"😀".repeat(101)}…`);
  expect(best?.quote).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
});

describe("worst unanswered", () => {
  it("picks the most negative review the owner has not answered", () => {
    const answered = makeMention({
      id: "answered",
      sentiment: -0.95,
      stars: 1,
      reply: { text: "Nous sommes désolés.", at: inPeriod },
    });
    const bad = makeMention({ id: "bad", sentiment: -0.6, stars: 2 });
    const worse = makeMention({ id: "worse", sentiment: -0.8, stars: 1 });
    const items = ofType(selectHighlights(input({ mentions: [answered, bad, worse] })), "worst_unanswered");
    expect(items.map((i) => i.mentionId)).toEqual(["worse"]);
    expect(items[0]?.score).toBeGreaterThan(0.5);
  });

  it("counts a 1-star review with neutral wording as negative", () => {
    const items = selectHighlights(input({ mentions: [makeMention({ id: "flat", sentiment: 0, stars: 1 })] }));
    expect(ofType(items, "worst_unanswered").map((i) => i.mentionId)).toEqual(["flat"]);
  });
});

describe("aspect moves", () => {
  const many = (n: number, date: Date, aspects: Array<{ aspect: "advice" | "convenience" | "offer"; score: number }>) =>
    Array.from({ length: n }, () => makeMention({ publishedAt: date, aspects }));

  it("reports the most improved and most degraded aspect with their deltas", () => {
    const items = selectHighlights(
      input({
        mentions: many(6, inPeriod, [
          { aspect: "advice", score: 0.6 },
          { aspect: "convenience", score: -0.5 },
          { aspect: "offer", score: 0.2 },
        ]),
        previousMentions: many(6, prevPeriod, [
          { aspect: "advice", score: 0.1 },
          { aspect: "convenience", score: 0.3 },
          { aspect: "offer", score: 0.1 },
        ]),
      }),
    );
    const up = ofType(items, "aspect_improved");
    const down = ofType(items, "aspect_degraded");
    expect(up.map((i) => [i.aspect, i.delta])).toEqual([["advice", 0.5]]);
    expect(down.map((i) => [i.aspect, i.delta])).toEqual([["convenience", -0.8]]);
    expect(down[0]?.publishedAt.toISOString()).toBe(inPeriod.toISOString());
  });

  it("needs the minimum volume in both periods", () => {
    const items = selectHighlights(
      input({
        mentions: many(6, inPeriod, [{ aspect: "advice", score: 0.9 }]),
        previousMentions: many(4, prevPeriod, [{ aspect: "advice", score: -0.9 }]),
      }),
    );
    expect(ofType(items, "aspect_improved")).toEqual([]);
  });
});

describe("new sources", () => {
  it("lists a source whose first mention falls in the period, not an older one", () => {
    const items = selectHighlights(
      input({
        mentions: [
          makeMention({ sourceId: "fresh" }),
          makeMention({ sourceId: "fresh" }),
          makeMention({ sourceId: "old" }),
        ],
        sources: [
          makeSource({ id: "fresh", label: "Forum Gourmand", firstMentionAt: new Date("2026-11-05T09:00:00Z") }),
          makeSource({ id: "old", firstMentionAt: new Date("2025-01-01T00:00:00Z") }),
          makeSource({ id: "other-biz", businessId: "b2", firstMentionAt: inPeriod }),
        ],
      }),
    );
    const fresh = ofType(items, "new_source");
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.title).toContain("Forum Gourmand");
    expect(fresh[0]?.summary).toContain("2 mentions");
    expect(fresh[0]?.publishedAt.toISOString()).toBe("2026-11-05T09:00:00.000Z");
  });
});

describe("scope and stable ids", () => {
  const mentions = [
    makeMention({ id: "good", text: LONG, sentiment: 0.9, stars: 5 }),
    makeMention({ id: "bad", sentiment: -0.9, stars: 1 }),
    makeMention({ id: "late", sentiment: -0.99, stars: 1, publishedAt: to }),
    makeMention({ id: "foreign", businessId: "b2", sentiment: -0.99, stars: 1 }),
  ];

  it("ignores mentions outside [from, to) and of other businesses", () => {
    const ids = selectHighlights(input({ mentions })).map((i) => i.mentionId);
    expect(ids).toContain("bad");
    expect(ids).not.toContain("late");
    expect(ids).not.toContain("foreign");
  });

  it("gives identical ids on two runs and in both languages, distinct ids across items", () => {
    const a = selectHighlights(input({ mentions }));
    const b = selectHighlights(input({ mentions: [...mentions].reverse(), now: new Date("2026-11-20T00:00:00Z") }));
    const fr = selectHighlights(input({ mentions, locale: "fr" }));
    expect(a.length).toBeGreaterThan(1);
    expect(b.map((i) => i.id)).toEqual(a.map((i) => i.id));
    expect(fr.map((i) => i.id)).toEqual(a.map((i) => i.id));
    expect(fr[0]?.title).not.toEqual(a[0]?.title);
    expect(new Set(a.map((i) => i.id)).size).toBe(a.length);
    for (const i of a) expect(i.id).toMatch(/^hl_[0-9a-f]{32}$/);
  });

  it("gives the same mention a different id as best quote of another business subject", () => {
    const two = selectHighlights(
      input({
        businesses: [
          { id: "b1", name: "A" },
          { id: "b2", name: "B" },
        ],
        mentions: [
          makeMention({ id: "x", businessId: "b1", sentiment: 0.9 }),
          makeMention({ id: "x2", businessId: "b2", sentiment: 0.9 }),
        ],
      }),
    );
    expect(two).toHaveLength(2);
    expect(two[0]?.id).not.toBe(two[1]?.id);
  });
});
