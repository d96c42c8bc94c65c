import { describe, expect, it } from "vitest";
import type { MentionRecord } from "../../../src/domain.ts";
import { analyseMention } from "../../../src/pipeline/prepare.ts";
import { computeDiagnostic, type DiagnosticInput } from "../../../src/reports/diagnostic/index.ts";
import {
  bakeryInput,
  emptyInput,
  FR_POSITIVE,
  fromSeed,
  hotelInput,
  makeMention,
  stars,
} from "../../factories/mentions.ts";

const now = new Date("2026-11-20T12:00:00Z");
const ids = (r: ReturnType<typeof computeDiagnostic>) => r.recommendations.map((x) => x.id);

describe("recommendations", () => {
  it("are derived from the bakery's data and cite its numbers and quotes", () => {
    const r = computeDiagnostic(bakeryInput(now));
    expect(r.recommendations.length).toBeGreaterThanOrEqual(3);
    expect(r.recommendations.length).toBeLessThanOrEqual(5);
    // Negative Google reviews 5, 30, 55 and 80 days old; the 80-day one has a reply: 3 unanswered.
    const reply = r.recommendations.find((x) => x.id === "reply-negatives")!;
    expect(reply.figures.unanswered).toBe(3);
    expect(reply.message.text).toContain("aux 3 avis négatifs");
    expect(reply.message.text).toContain("Quarante minutes d'attente");
    expect(reply.quote?.mentionId).toBe("bk-neg-0");
    // Convenience carries 6 negative mentions (waiting, phone, forgotten order).
    const fix = r.recommendations.find((x) => x.id === "fix-irritant-convenience")!;
    expect(fix.figures.negative).toBe(6);
    expect(fix.message.text).toContain("Gain de temps & praticité");
    expect(fix.message.text).toMatch(/6 mentions négatives sur \d+/);
    // Ordered by priority.
    const priorities = r.recommendations.map((x) => x.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    for (const rec of r.recommendations) expect(rec.message.text).toMatch(/\d/);
  });

  it("change when the data changes", () => {
    const bakery = computeDiagnostic(bakeryInput(now));
    const hotel = computeDiagnostic(hotelInput(now));
    expect(ids(hotel)).not.toEqual(ids(bakery));
    // Three positive reviews on a single platform: ask for reviews, diversify, no complaint handling.
    expect(ids(hotel)).toEqual(expect.arrayContaining(["ask-reviews", "diversify-sources", "collect-more"]));
    expect(ids(hotel)).not.toContain("reply-negatives");
    const diversify = hotel.recommendations.find((x) => x.id === "diversify-sources")!;
    expect(diversify.message.text).toContain("All 3 reviews come from a single source (reviews.example.com)");
  });

  it("asks to start replying when no reply is visible at all", () => {
    const input = bakeryInput(now);
    const r = computeDiagnostic({ ...input, mentions: input.mentions.map((m) => ({ ...m, reply: null })) });
    expect(ids(r)).toContain("start-replying");
    expect(ids(r)).not.toContain("reply-negatives");
    const rec = r.recommendations.find((x) => x.id === "start-replying")!;
    // 6 Google reviews with 1–2 stars + 1 unrated negative post; the 5-star angry review counts by its stars.
    // All 7 are from the last year, so all are in the backlog, to be answered oldest first.
    expect(rec.figures).toEqual({ reviews: 19, negative: 7, backlog: 7 });
    expect(rec.message.text).toContain("Répondez aux 7 avis négatifs publiés depuis le");
    expect(rec.message.text).toContain("du plus ancien au plus récent");
    const oldest = input.mentions.filter((m) => m.id === rec.quote?.mentionId).map((m) => m.publishedAt!.getTime())[0]!;
    const negDates = r.negativeReviews.recent.map((q) => new Date(q.publishedAt!).getTime());
    expect(negDates.every((d) => d >= oldest)).toBe(true);
  });

  it("flag slow replies with the measured median", () => {
    const mentions = FR_POSITIVE.map((s, i) =>
      fromSeed(s, { now, daysAgo: 10 + i, id: `slow-${i}`, reply: { text: "Merci", afterHours: 24 * 6 } }),
    );
    const r = computeDiagnostic(bakeryInput(now, { mentions }));
    const rec = r.recommendations.find((x) => x.id === "reply-faster")!;
    expect(rec.figures.medianFirstResponseHours).toBe(144);
    expect(rec.message.text).toContain("6 jours");
  });

  it("point an empty diagnostic back to its sources", () => {
    const r = computeDiagnostic({
      ...emptyInput(now, "en"),
      sources: [{ id: "s", url: "https://example.com/reviews", kind: "web", found: 0 }],
    });
    expect(ids(r)).toEqual(["check-sources", "collect-more"]);
    expect(r.recommendations[0]!.message.text).toContain("None of the 1 pages");
  });

  it("are localised", () => {
    const en = computeDiagnostic({ ...bakeryInput(now), locale: "en" });
    const fix = en.recommendations.find((x) => x.id === "fix-irritant-convenience")!;
    expect(fix.message.text).toContain("Time saved & convenience");
    expect(fix.message.text).toContain("Reduce waiting times");
  });
});

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** What people write under a recipe, by the stars they give. */
const RECIPE_TEXTS: Record<"good" | "mixed" | "bad", { short: string[]; written: string[] }> = {
  good: {
    short: ["Très bon", "Délicieux !", "Top", "Parfait"],
    written: [
      "Recette facile à suivre, la pâte est croustillante et toute la famille a adoré.",
      "Très bonne recette, j'ai ajouté un peu de cannelle et c'était parfait.",
      "Parfait pour un dessert rapide le dimanche, je la refais souvent.",
    ],
  },
  mixed: { short: ["Bof", "Correct"], written: ["Bonne base mais beaucoup trop sucré à mon goût."] },
  bad: {
    short: ["Raté", "Pas terrible"],
    written: [
      "Les quantités sont fausses, la pâte était immangeable. Décevant.",
      "Le temps de cuisson indiqué est beaucoup trop court, tout était cru au milieu.",
    ],
  },
};

/** A recipe page as it really looks: 100 ratings, mostly stars alone, one source, no visible reply. */
function recipeInput(locale: "fr" | "en" = "fr"): DiagnosticInput {
  const rnd = prng(42);
  const mentions: MentionRecord[] = [];
  for (let i = 0; i < 100; i++) {
    const roll = rnd();
    const value = roll < 0.55 ? 5 : roll < 0.8 ? 4 : roll < 0.88 ? 3 : roll < 0.94 ? 2 : 1;
    const pool = RECIPE_TEXTS[value >= 4 ? "good" : value === 3 ? "mixed" : "bad"];
    const kind = rnd();
    const text =
      kind < 0.7 ? "" : kind < 0.85 ? pool.short[i % pool.short.length]! : pool.written[i % pool.written.length]!;
    const rating = stars(value);
    mentions.push(
      makeMention({
        id: `recipe-${String(i).padStart(3, "0")}`,
        sourceId: "src-recipe",
        sourceKind: "web",
        sourceUrl: "https://recettes.example.fr/tarte-aux-pommes",
        text,
        rating,
        publishedAt: new Date(now.getTime() - Math.floor(rnd() * 1100) * 86_400_000),
        analysis: analyseMention({ text, lang: "fr", rating }),
      }),
    );
  }
  return {
    business: { name: "Tarte aux pommes de Mamie" },
    locale,
    now,
    mentions,
    sources: [{ id: "src-recipe", url: "https://recettes.example.fr/tarte-aux-pommes", kind: "web", found: 100 }],
    aggregateRatings: [{ sourceId: "src-recipe", value: 4.4, best: 5, count: 240 }],
    collectedAt: now,
    method: { description: "Test." },
  };
}

describe("recommendations on thin, star-only data", () => {
  it("give a recipe page with 100 mostly star-only reviews at least 3 concrete actions", () => {
    const input = recipeInput();
    const written = input.mentions.filter((m) => m.text.split(/\s+/).filter(Boolean).length >= 5).length;
    const r = computeDiagnostic(input);
    expect(r.recommendations.length).toBeGreaterThanOrEqual(3);
    expect(r.recommendations.length).toBeLessThanOrEqual(5);
    expect(ids(r)).toEqual(
      expect.arrayContaining(["ask-comments", "start-replying", "unread-reviews", "diversify-sources"]),
    );
    const comments = r.recommendations.find((x) => x.id === "ask-comments")!;
    expect(comments.figures.written).toBe(written);
    expect(comments.message.text).toContain(`seuls ${written} % de vos 100 avis ont un commentaire écrit`);
    const unread = r.recommendations.find((x) => x.id === "unread-reviews")!;
    expect(unread.figures.unread).toBe(140);
    expect(unread.message.text).toContain("140 avis annoncés");
    const diversify = r.recommendations.find((x) => x.id === "diversify-sources")!;
    expect(diversify.message.text).toContain("(recettes.example.fr)");
    const replying = r.recommendations.find((x) => x.id === "start-replying")!;
    expect(replying.message.text).toMatch(
      /Répondez aux \d+ avis négatifs .*publiés depuis le \d+ \S+ 20\d\d, du plus ancien/,
    );
    const en = computeDiagnostic(recipeInput("en"));
    expect(en.recommendations.find((x) => x.id === "ask-comments")!.message.text).toContain(
      `only ${written}% of your 100 reviews have a written comment`,
    );
  });

  it("always give 3 to 5 actions with numbers and no empty quote, whatever the data", () => {
    const rnd = prng(7);
    const texts = [
      "",
      "",
      "Bien",
      ...Object.values(RECIPE_TEXTS).flatMap((p) => [...p.short, ...p.written]),
      "Great staff but we waited forty minutes for a table.",
    ];
    for (let run = 0; run < 150; run++) {
      const n = 1 + Math.floor(rnd() * 14);
      const sourcesUsed = 1 + Math.floor(rnd() * 3);
      const mentions = Array.from({ length: n }, (_, i) => {
        const text = texts[Math.floor(rnd() * texts.length)]!;
        const rating = rnd() < 0.85 ? stars(1 + Math.floor(rnd() * 5)) : null;
        const dated = rnd() < 0.9;
        const publishedAt = dated ? new Date(now.getTime() - Math.floor(rnd() * 700) * 86_400_000) : null;
        return makeMention({
          id: `p${run}-${i}`,
          sourceId: `src-${i % sourcesUsed}`,
          text,
          rating,
          publishedAt,
          reply: rnd() < 0.2 ? { text: "Merci", at: null } : null,
          analysis: analyseMention({ text, rating: rating ?? undefined }),
        });
      });
      const locale = run % 2 === 0 ? "fr" : "en";
      const r = computeDiagnostic({ ...emptyInput(now, locale), mentions });
      const label = `run ${run}: ${ids(r).join(",")}`;
      expect(r.recommendations.length, label).toBeGreaterThanOrEqual(3);
      expect(r.recommendations.length, label).toBeLessThanOrEqual(5);
      for (const rec of r.recommendations) {
        expect(rec.message.text, label).toMatch(/\d/);
        expect(rec.message.text, label).not.toMatch(/“\s*”|«\s*»|\{\w+\}/);
      }
    }
  });
});
