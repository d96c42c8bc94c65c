import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../../../src/db/client.ts";
import { createBusiness } from "../../../src/db/queries/businesses.ts";
import { deleteMentions, loadMentions, type MentionInput, upsertMentions } from "../../../src/db/queries/mentions.ts";
import { rowsOf } from "../../../src/db/queries/rows.ts";
import { createSource, deleteSource } from "../../../src/db/queries/sources.ts";
import { trendSums, trendSumsOfWindows } from "../../../src/db/queries/trends.ts";
import { aspectStats } from "../../../src/reports/highlights/select-trends.ts";

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ databaseUrl: inject("databaseUrl"), max: 2 });
});
afterAll(async () => database.close());

const LABELS = ["negative", "neutral", "positive"] as const;
function m(i: number, day: number, opts: { text?: string; stars?: number } = {}): MentionInput {
  const label = LABELS[i % 3]!;
  return {
    externalId: `r${i}`,
    contentHash: `${opts.text ?? "t"}-${day}-${opts.stars ?? i}`,
    kind: "review",
    text: opts.text ?? `review ${i}`,
    lang: i % 2 ? "fr" : "en",
    rating: { value: opts.stars ?? (i % 10) + 1, best: 10, worst: 1 },
    publishedAt: new Date(Date.UTC(2026, 2, day, 10)),
    analysis: {
      version: "t",
      lang: i % 2 ? "fr" : "en",
      sentimentScore: label === "positive" ? 0.6 : label === "negative" ? -0.7 : 0,
      sentimentLabel: label,
      confidence: 0.7,
      emotions: i % 4 === 0 ? { anger: 0.5, frustration: 0.25 } : { joy: 0.8 },
      aspects: [
        { aspect: i % 2 ? "offer" : "convenience", polarity: "positive", score: ((i % 7) - 3) / 7, evidence: [] },
      ],
      touchpoints: [],
      ratingMismatch: false,
    },
  };
}

/** Raw truth: the same figures computed by GROUP BY over the raw rows. */
async function raw(businessId: string) {
  const r = await database.db.execute(sql`
    select to_char(date_trunc('month', m.occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as t, count(*)::int as n,
      count(*) filter (where a.sentiment_label = 'negative')::int as neg,
      round(sum(1 + 4 * (m.rating_value - m.rating_worst) / (m.rating_best - m.rating_worst))::numeric, 6)::float8 as rsum,
      count(*) filter (where a.emotions ? 'anger')::int as anger
    from mentions m join analyses a on a.mention_id = m.id where m.business_id = ${businessId} group by 1 order by 1`);
  return rowsOf<{ t: string; n: number; neg: number; rsum: number; anger: number }>(r);
}

/** Aspect rollups next to the same figures from the raw rows (aspectStats' rule, per day). */
async function aspectsBothWays(businessId: string) {
  const fromRollup = await database.db.execute(sql`
    select day::text as day, aspect, sum(count)::int as n, sum(score_micros)::bigint::text as micros,
      max(latest) as latest
    from rollup_aspects_daily where business_id = ${businessId} group by 1, 2 order by 1, 2`);
  const mentions = await loadMentions(database.db, { businessId });
  const byDay = new Map<string, typeof mentions>();
  for (const x of mentions) {
    const day = x.occurredAt.toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), x]);
  }
  const expected = [];
  for (const [day, list] of [...byDay].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const stats = aspectStats(list);
    for (const aspect of [...stats.keys()].sort()) {
      const st = stats.get(aspect)!;
      expected.push({ day, aspect, n: st.count, micros: String(Math.round(st.sum * 1e6)), latest: st.latest });
    }
  }
  const got = rowsOf<{ day: string; aspect: string; n: number; micros: string; latest: Date | string }>(fromRollup).map(
    (r) => ({ ...r, latest: new Date(r.latest).getTime() }),
  );
  return { got, expected };
}

async function fromRollups(businessId: string) {
  const rows = await trendSums(database.db, {
    businessIds: [businessId],
    bucket: "month",
    from: "2026-01-01",
    to: "2027-01-01",
  });
  return rows.map((r) => ({
    t: r.t,
    n: r.count,
    neg: r.negative,
    rsum: Math.round(r.ratingSum * 1e6) / 1e6,
    anger: r.emotions.anger!.n,
  }));
}

describe("rollups reconcile with raw rows", () => {
  it("after inserts, re-collection with edits, deletions and a deleted source", async () => {
    const { db } = database;
    const b = await createBusiness(db, { name: "Rollup check" });
    const s1 = await createSource(db, { businessId: b.id, kind: "feed", url: "https://a.example/1" });
    const s2 = await createSource(db, { businessId: b.id, kind: "feed", url: "https://a.example/2" });
    const batch = Array.from({ length: 90 }, (_, i) => m(i, 1 + (i % 28)));
    await upsertMentions(db, { businessId: b.id, sourceId: s1.id, rows: batch });
    await upsertMentions(db, { businessId: b.id, sourceId: s2.id, rows: batch.slice(0, 30) });
    expect(await fromRollups(b.id)).toEqual(await raw(b.id));
    expect((await fromRollups(b.id))[0]?.n).toBe(120);
    const first = await aspectsBothWays(b.id);
    expect(first.got).toEqual(first.expected);
    expect(first.got.length).toBe(28); // one aspect a day (parity of the day)

    // Re-collection: same rows (no change) plus edits that move 10 reviews to April and change stars.
    await upsertMentions(db, { businessId: b.id, sourceId: s1.id, rows: batch });
    const edited = batch.map((r, i) => (i < 10 ? m(i, 31 + i, { text: "edited", stars: 2 }) : r));
    await upsertMentions(db, { businessId: b.id, sourceId: s1.id, rows: edited });
    const afterEdit = await fromRollups(b.id);
    expect(afterEdit).toEqual(await raw(b.id));
    expect(afterEdit.map((x) => x.t)).toEqual(["2026-03-01", "2026-04-01"]);
    expect(afterEdit[1]?.n).toBe(9);
    const edits = await aspectsBothWays(b.id);
    expect(edits.got).toEqual(edits.expected);

    expect(await deleteMentions(db, { sourceId: s1.id, externalIds: ["r20", "r21", "r22", "r5"] })).toBe(4);
    expect(await fromRollups(b.id)).toEqual(await raw(b.id));
    const deletions = await aspectsBothWays(b.id);
    expect(deletions.got).toEqual(deletions.expected);

    await deleteSource(db, s2.id);
    const final = await fromRollups(b.id);
    expect(final).toEqual(await raw(b.id));
    expect(final.reduce((n, x) => n + x.n, 0)).toBe(86);
    const gone = await aspectsBothWays(b.id);
    expect(gone.got).toEqual(gone.expected);
  });

  it("filters by aspect, emotion, language and source from their own rollup rows", async () => {
    const { db } = database;
    const b = await createBusiness(db, { name: "Rollup filters" });
    const s = await createSource(db, { businessId: b.id, kind: "feed", url: "https://a.example/3" });
    await upsertMentions(db, { businessId: b.id, sourceId: s.id, rows: Array.from({ length: 40 }, (_, i) => m(i, 3)) });
    const q = { businessIds: [b.id], bucket: "day" as const, from: "2026-03-01", to: "2026-04-01" };
    expect((await trendSums(db, { ...q, aspect: "offer" }))[0]?.count).toBe(20);
    expect((await trendSums(db, { ...q, emotion: "anger" }))[0]?.count).toBe(10);
    expect((await trendSums(db, { ...q, lang: "fr" }))[0]?.count).toBe(20);
    expect((await trendSums(db, { ...q, sourceId: s.id }))[0]?.count).toBe(40);
    expect(await trendSums(db, { ...q, emotion: "fear" })).toEqual([]);
  });

  it("reads several windows in one statement, each equal to its own query", async () => {
    const { db } = database;
    const a = await createBusiness(db, { name: "Window A" });
    const c = await createBusiness(db, { name: "Window C" });
    for (const [b, n] of [
      [a, 50],
      [c, 20],
    ] as const) {
      const s = await createSource(db, { businessId: b.id, kind: "feed", url: `https://w.example/${b.id}` });
      // Days 1..56 of March: February 26th onward spills into April, so windows straddle months.
      const rows = Array.from({ length: n }, (_, i) => ({ ...m(i, 1 + ((i * 7) % 56)), externalId: `w${i}` }));
      await upsertMentions(db, { businessId: b.id, sourceId: s.id, rows });
    }
    for (const bucket of ["day", "week", "month"] as const) {
      const current = { from: "2026-03-15", to: "2026-04-20", businessIds: [a.id, c.id] };
      const previous = { from: "2026-02-07", to: "2026-03-15", businessIds: [a.id] };
      const [got1, got2] = await trendSumsOfWindows(db, { bucket, businessIds: [a.id] }, [current, previous]);
      expect(got1).toEqual(await trendSums(db, { bucket, ...current }));
      expect(got2).toEqual(await trendSums(db, { bucket, ...previous }));
      expect(got1!.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
      expect(got2!.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
      expect(new Set(got2!.map((r) => r.businessId))).toEqual(new Set([a.id]));
    }
  });
});
