/**
 * The highlights route reads per-period facts computed by the database
 * (highlightFacts) instead of every mention of both periods. This checks, on
 * both drivers, that the result is the same as the pure selection over the
 * fully loaded mentions, on data made to hit the edges of the rules: exact
 * ties, float4 values, thresholds, odd rating scales, padded and astral
 * texts, replies, duplicate aspects, periods with and without partial days.
 */
import { afterAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../../../src/db/client.ts";
import { createBusiness } from "../../../src/db/queries/businesses.ts";
import { highlightFacts, sourcesFirstSeen } from "../../../src/db/queries/highlights.ts";
import { loadMentions, type MentionInput, upsertMentions } from "../../../src/db/queries/mentions.ts";
import { createSource } from "../../../src/db/queries/sources.ts";
import { ASPECTS, type Aspect, type StoredAnalysis } from "../../../src/domain.ts";
import {
  DEFAULT_HIGHLIGHT_OPTIONS,
  HIGHLIGHT_TYPES,
  type HighlightOptions,
  selectHighlights,
  selectHighlightsFromFacts,
} from "../../../src/reports/highlights/index.ts";

const NOW = new Date("2026-11-20T12:00:00Z");
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TEXTS = [
  "Service rapide et personnel très aimable, je recommande.",
  "Rude staff and a cold pizza, never again.",
  "Great food but we waited 40 minutes for a table. The dessert made up for it though, and the staff apologised.",
  "  Excellent advice from the team, thank you!  ",
  "\u00a0Attente interminable au téléphone, remboursement toujours pas reçu après trois relances et aucune réponse.\u2003",
  "Super 👍👍 on reviendra avec plaisir, merci pour tout 🎉 vraiment une belle soirée passée chez vous 😊😊",
  " \t\n ",
  "ok",
  "x".repeat(79),
  `${"y".repeat(79)} `,
  "z".repeat(80),
];
const SCORES = [-1, -0.9, -0.7, -0.5, -0.3, -0.1, 0, 0.05, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 1];
const CONFIDENCES = [0.3, 0.4999999, 0.5, 0.5000001, 0.6, 0.7, 0.8, 1];
const RATINGS: Array<MentionInput["rating"]> = [
  null,
  null,
  { value: 1, best: 5, worst: 1 },
  { value: 2, best: 5, worst: 1 },
  { value: 2.5, best: 5, worst: 1 },
  { value: 3, best: 5, worst: 1 },
  { value: 4, best: 5, worst: 1 },
  { value: 5, best: 5, worst: 1 },
  { value: 5, best: 5, worst: 1 },
  { value: 9.99, best: 10, worst: 0 },
  { value: 3.5, best: 10, worst: 0 },
  { value: 0.7, best: 1, worst: 0 },
  { value: 7, best: 5, worst: 1 },
  { value: 3, best: 3, worst: 3 },
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function aspects(r: () => number): StoredAnalysis["aspects"] {
  const n = pick(r, [0, 1, 1, 1, 2, 3, 4]);
  const out: StoredAnalysis["aspects"] = [];
  for (let i = 0; i < n; i++) {
    // Few distinct aspects, so that a mention often lists one twice.
    const aspect: Aspect = pick(r, ASPECTS.slice(0, 3));
    const score = pick(r, [...SCORES, 0.123456789, -0.333333333]);
    out.push({ aspect, polarity: score >= 0 ? "positive" : "negative", score, evidence: [] });
  }
  return out;
}

/** A mention; `twin` repeats the same content under another id (exact ties of every key). */
function mention(r: () => number, i: number, base: MentionInput | null): MentionInput {
  if (base) return { ...base, externalId: `m-${i}`, contentHash: `h-${i}` };
  const score = pick(r, SCORES);
  const label = score > 0.05 ? "positive" : score < -0.05 ? "negative" : "neutral";
  const daysAgo = r() * 70;
  return {
    externalId: `m-${i}`,
    contentHash: `h-${i}`,
    kind: "review",
    text: pick(r, TEXTS),
    rating: pick(r, RATINGS),
    // Some mentions have no date: they belong to the day they were collected (NOW).
    publishedAt: r() < 0.08 ? null : new Date(NOW.getTime() - daysAgo * DAY),
    replyText: pick(r, [null, null, null, "", "Merci pour votre retour"]),
    analysis:
      r() < 0.07
        ? null
        : {
            version: "test",
            lang: "fr",
            sentimentScore: score,
            sentimentLabel: r() < 0.1 ? pick(r, ["positive", "negative", "neutral"] as const) : label,
            confidence: pick(r, CONFIDENCES),
            emotions: {},
            aspects: aspects(r),
            touchpoints: [],
            ratingMismatch: r() < 0.1,
          },
  };
}

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

describe.each([
  ["postgres.js", () => openDatabase({ databaseUrl: inject("databaseUrl"), max: 3 })],
  ["PGlite", () => openDatabase({ dataDir: "memory://" })],
])("%s: highlights from database facts", (_name, open) => {
  it("picks exactly what the selection picks over every mention", async () => {
    const database = await open();
    opened.push(database);
    await database.migrate();
    const { db } = database;
    const r = rng(20_261_120);
    const businesses: Array<{ id: string; name: string }> = [];
    for (let b = 0; b < 3; b++) {
      const business = await createBusiness(db, { name: `Facts ${b} ${Date.now()}` });
      businesses.push({ id: business.id, name: business.name });
      for (let s = 0; s < 2; s++) {
        const source = await createSource(db, {
          businessId: business.id,
          kind: "feed",
          url: `https://facts-${b}-${s}.example/feed`,
        });
        const rows: MentionInput[] = [];
        for (let i = 0; i < 150; i++) {
          const twin = rows.length > 0 && r() < 0.3 ? pick(r, rows) : null;
          rows.push(mention(r, i, twin));
        }
        await upsertMentions(db, { businessId: business.id, sourceId: source.id, rows, now: NOW });
      }
    }
    // A source whose first mention falls inside the period.
    const late = await createSource(db, { businessId: businesses[0]!.id, kind: "feed", url: "https://late.example/f" });
    await upsertMentions(db, {
      businessId: businesses[0]!.id,
      sourceId: late.id,
      rows: [0, 1, 2].map((i) => ({ ...mention(r, 1000 + i, null), publishedAt: new Date(NOW.getTime() - i * DAY) })),
      now: NOW,
    });

    const periods = [
      { from: new Date(NOW.getTime() - 30 * DAY), to: NOW },
      { from: new Date(NOW.getTime() - 7 * DAY), to: new Date(NOW.getTime() + 60_000) },
      { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-10-15T06:30:00Z") },
    ];
    const optionSets: Array<Partial<HighlightOptions>> = [
      {},
      { bestQuotes: 3, worstUnanswered: 2 },
      { bestQuotes: 0, worstUnanswered: 5, minConfidence: 0.6, minQuoteChars: 100 },
    ];
    let compared = 0;
    const types = new Set<string>();
    let candidates = 0;
    let loaded = 0;
    for (const scope of [businesses[0]!.id, businesses[1]!.id, null]) {
      const listed = scope ? businesses.filter((b) => b.id === scope) : businesses;
      for (const period of periods) {
        const previous = { from: new Date(2 * period.from.getTime() - period.to.getTime()), to: period.from };
        for (const options of optionSets) {
          const [mentions, previousMentions, sources] = await Promise.all([
            loadMentions(db, { businessId: scope, from: period.from, to: period.to }),
            loadMentions(db, { businessId: scope, from: previous.from, to: previous.to }),
            sourcesFirstSeen(db, { businessIds: scope ? [scope] : undefined }),
          ]);
          const base = { ...period, now: NOW, businesses: listed, locale: "fr" as const, options };
          const expected = selectHighlights({ ...base, mentions, previousMentions, sources });
          const got = await highlightFacts(db, {
            businessId: scope,
            ...period,
            previous,
            options: { ...DEFAULT_HIGHLIGHT_OPTIONS, ...options },
          });
          const actual = selectHighlightsFromFacts({ ...base, facts: got.facts, sources: got.sources });
          expect(actual).toEqual(expected);
          // The facts' sources are the ones sourcesFirstSeen reads.
          const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
          expect([...got.sources].sort(byId)).toEqual([...sources].sort(byId));
          if (scope) expect(got.business).toEqual({ id: scope, name: listed[0]!.name });
          compared += expected.length;
          for (const item of expected) types.add(item.type);
          candidates += got.facts.candidates.length;
          loaded += mentions.length;
        }
      }
    }
    // The comparison saw real selections, and the database sent a fraction of the mentions.
    expect(compared).toBeGreaterThan(50);
    expect([...types].sort()).toEqual([...HIGHLIGHT_TYPES].sort());
    expect(candidates).toBeLessThan(loaded / 2);
  });

  it("answers for a business without mentions and for an unknown business", async () => {
    const database = await open();
    opened.push(database);
    await database.migrate();
    const { db } = database;
    const business = await createBusiness(db, { name: `Empty ${Date.now()}` });
    const period = { from: new Date(NOW.getTime() - 30 * DAY), to: NOW };
    const previous = { from: new Date(NOW.getTime() - 60 * DAY), to: period.from };
    const params = { ...period, previous, options: DEFAULT_HIGHLIGHT_OPTIONS };
    const empty = await highlightFacts(db, { businessId: business.id, ...params });
    expect(empty.facts.candidates).toEqual([]);
    expect(empty.business).toEqual({ id: business.id, name: business.name });
    const unknown = await highlightFacts(db, { businessId: "00000000-0000-4000-8000-000000000000", ...params });
    expect(unknown.business).toBeNull();
  });
});
