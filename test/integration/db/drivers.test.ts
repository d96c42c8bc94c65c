import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../../../src/db/client.ts";
import { createBusiness } from "../../../src/db/queries/businesses.ts";
import {
  countMentions,
  deleteMentions,
  listMentions,
  type MentionInput,
  upsertMentions,
} from "../../../src/db/queries/mentions.ts";
import { rowsOf } from "../../../src/db/queries/rows.ts";
import { acquireLease, createSource, deleteSource, releaseLease } from "../../../src/db/queries/sources.ts";

function mention(i: number, text = `review number ${i}`): MentionInput {
  return {
    externalId: `ext-${i}`,
    contentHash: `hash-${text}`,
    kind: "review",
    text,
    rating: { value: (i % 5) + 1, best: 5, worst: 1 },
    publishedAt: new Date(Date.UTC(2026, 0, 1 + (i % 28), 12)),
    analysis: {
      version: "test",
      lang: "en",
      sentimentScore: 0.5,
      sentimentLabel: "positive",
      confidence: 0.8,
      emotions: { joy: 0.6 },
      aspects: [{ aspect: "offer", polarity: "positive", score: 0.5, evidence: ["good"] }],
      touchpoints: ["physical"],
      ratingMismatch: false,
    },
  };
}

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

describe.each([
  ["postgres.js", () => openDatabase({ databaseUrl: inject("databaseUrl"), max: 2 })],
  ["PGlite", () => openDatabase({ dataDir: "memory://" })],
])("%s runs the same migrations and queries", (_name, open) => {
  it("migrates, upserts idempotently and pages by cursor", async () => {
    const database = await open();
    opened.push(database);
    await database.migrate();
    await database.migrate(); // applying twice is a no-op
    const { db } = database;
    const business = await createBusiness(db, { name: "Driver check" });
    const source = await createSource(db, { businessId: business.id, kind: "feed", url: "https://x.example/f" });

    const rows = Array.from({ length: 120 }, (_, i) => mention(i));
    const first = await upsertMentions(db, { businessId: business.id, sourceId: source.id, rows });
    expect(first).toMatchObject({ inserted: 120, updated: 0, unchanged: 0 });
    const second = await upsertMentions(db, { businessId: business.id, sourceId: source.id, rows });
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 120 });
    const changed = rows.map((r, i) => (i < 3 ? mention(i, `edited review ${i}`) : r));
    const third = await upsertMentions(db, { businessId: business.id, sourceId: source.id, rows: changed });
    expect(third).toMatchObject({ inserted: 0, updated: 3, unchanged: 117 });
    expect(await countMentions(db, { sourceId: source.id })).toBe(120);

    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listMentions(db, { businessId: business.id, limit: 50, cursor });
      for (const m of page.items) seen.add(m.id);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.size).toBe(120);
    const { items } = await listMentions(db, { businessId: business.id, limit: 1 });
    expect(items[0]?.analysis?.aspects[0]?.aspect).toBe("offer");
  });

  it("stores awkward texts and analyses byte for byte", async () => {
    const database = await open();
    opened.push(database);
    await database.migrate();
    const { db } = database;
    const business = await createBusiness(db, { name: "Texts check" });
    const source = await createSource(db, { businessId: business.id, kind: "feed", url: "https://x.example/t" });
    const texts = [
      'Il a dit "super" \\o/ {a,b} NULL',
      "NULL",
      "",
      "  spaces  \n\tand lines\r\n",
      "émoji 👍🏽 and 中文, l'accueil",
      "back\\slash\\",
      "x".repeat(20_000),
    ];
    const rows = texts.map((t, i) => ({
      ...mention(i, t),
      title: i % 2 ? null : `t"${i}"`,
      engagement: { likes: i },
      analysis: {
        ...mention(i).analysis!,
        aspects: [{ aspect: "offer" as const, polarity: "positive" as const, score: 0.5, evidence: [t.slice(0, 50)] }],
      },
    }));
    expect(await upsertMentions(db, { businessId: business.id, sourceId: source.id, rows })).toMatchObject({
      inserted: texts.length,
    });
    const { items } = await listMentions(db, { businessId: business.id, limit: 50 });
    const byExternal = new Map(items.map((m) => [m.externalId, m]));
    rows.forEach((r) => {
      const stored = byExternal.get(r.externalId);
      expect(stored?.text).toBe(r.text);
      expect(stored?.title).toBe(r.title);
      expect(stored?.analysis?.aspects[0]?.evidence).toEqual(r.analysis.aspects[0]?.evidence);
    });
  });

  it("deleting a source, a business or mentions removes their mentions and analyses", async () => {
    const database = await open();
    opened.push(database);
    await database.migrate();
    const { db } = database;
    const count = async (table: "mentions" | "analyses") =>
      Number(
        rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n,
      );
    const before = { mentions: await count("mentions"), analyses: await count("analyses") };
    const business = await createBusiness(db, { name: "Cascade check" });
    const s1 = await createSource(db, { businessId: business.id, kind: "feed", url: "https://x.example/c1" });
    const s2 = await createSource(db, { businessId: business.id, kind: "feed", url: "https://x.example/c2" });
    const rows = Array.from({ length: 10 }, (_, i) => mention(i));
    await upsertMentions(db, { businessId: business.id, sourceId: s1.id, rows });
    await upsertMentions(db, { businessId: business.id, sourceId: s2.id, rows });
    expect(await count("analyses")).toBe(before.analyses + 20);

    expect(await deleteMentions(db, { sourceId: s1.id, externalIds: ["ext-0", "ext-1"] })).toBe(2);
    expect(await count("mentions")).toBe(before.mentions + 18);
    expect(await count("analyses")).toBe(before.analyses + 18);
    await deleteSource(db, s1.id);
    expect(await count("mentions")).toBe(before.mentions + 10);
    expect(await count("analyses")).toBe(before.analyses + 10);
    await db.execute(sql`delete from businesses where id = ${business.id}`);
    expect(await count("mentions")).toBe(before.mentions);
    expect(await count("analyses")).toBe(before.analyses);
    // Writing into a source that no longer exists is refused, not stored as orphans.
    await expect(upsertMentions(db, { businessId: business.id, sourceId: s2.id, rows })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await count("mentions")).toBe(before.mentions);
  });

  it("gives a source's lease to one owner at a time", async () => {
    const database = opened.at(-1)!;
    const { db } = database;
    const business = await createBusiness(db, { name: "Lease check" });
    const source = await createSource(db, { businessId: business.id, kind: "feed", url: "https://x.example/f" });
    expect(await acquireLease(db, { sourceId: source.id, owner: "a", ttlMs: 60_000 })).toBe(true);
    expect(await acquireLease(db, { sourceId: source.id, owner: "b", ttlMs: 60_000 })).toBe(false);
    expect(await acquireLease(db, { sourceId: source.id, owner: "a", ttlMs: 60_000 })).toBe(true);
    await releaseLease(db, { sourceId: source.id, owner: "a" });
    expect(await acquireLease(db, { sourceId: source.id, owner: "b", ttlMs: 60_000 })).toBe(true);
  });
});
