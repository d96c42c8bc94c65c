/**
 * Highlights and feeds over real reviews from the shared evaluation sets (the
 * human label stands in for the analysis). Real text brings what fixtures
 * forget: emoji, HTML fragments, odd quotes, very long reviews. Skipped where
 * the shared folder is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toAtom, toJsonFeed, toRss } from "../../../src/reports/highlights/format-feeds.ts";
import { toHtmlFragment } from "../../../src/reports/highlights/format-html.ts";
import { selectHighlights } from "../../../src/reports/highlights/select.ts";
import { makeMention, spreadDates } from "../../factories/highlight-mentions.ts";
import { parseStrictXml } from "./strict-xml.ts";

const EVAL = new URL("../../../../shared/eval/sentiment/", import.meta.url);
const FILES = ["fr-dev.jsonl", "en-dev.jsonl"].map((f) => new URL(f, EVAL));

interface Row {
  id: string;
  text: string;
  label: "negative" | "neutral" | "positive";
  stars?: number;
}

describe.skipIf(!FILES.every((f) => existsSync(f)))("highlights over real reviews", () => {
  const rows = FILES.flatMap((f) =>
    existsSync(f)
      ? readFileSync(f, "utf8")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as Row)
      : [],
  );
  const from = new Date("2026-11-01T00:00:00Z");
  const to = new Date("2026-11-16T00:00:00Z");
  const businesses = Array.from({ length: 20 }, (_, i) => ({ id: `b${i}`, name: `Business ${i}` }));
  const dates = spreadDates(rows.length, from, to);
  const mentions = rows.map((r, i) =>
    makeMention({
      id: r.id,
      businessId: `b${i % 20}`,
      text: r.text,
      publishedAt: dates[i]!,
      sentiment: r.label === "negative" ? -0.7 : r.label === "positive" ? 0.7 : 0,
      ...(r.stars ? { stars: r.stars } : {}),
      ...(i % 3 === 0 ? { reply: { text: "Merci", at: null } } : {}),
    }),
  );
  const items = selectHighlights({ from, to, now: to, businesses, mentions, previousMentions: [], sources: [] });
  const byId = new Map(mentions.map((m) => [m.id, m]));

  it("picks a best quote and an unanswered worst review for every business", () => {
    expect(items.filter((i) => i.type === "best_quote")).toHaveLength(20);
    expect(items.filter((i) => i.type === "worst_unanswered")).toHaveLength(20);
    for (const i of items) {
      const m = byId.get(i.mentionId!)!;
      if (i.type === "best_quote") expect(m.rating === null || m.rating.value >= 4).toBe(true);
      if (i.type === "worst_unanswered") expect(m.reply).toBeNull();
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it("renders strictly valid feeds and a clean fragment", () => {
    const meta = { title: "Real", homePageUrl: "https://x.example/", feedUrl: "https://x.example/f", generatedAt: to };
    parseStrictXml(toRss(items, meta));
    parseStrictXml(toAtom(items, meta));
    expect(JSON.parse(JSON.stringify(toJsonFeed(items, meta))).items).toHaveLength(items.length);
    expect(toHtmlFragment(items, meta, "fr")).not.toMatch(/<script|<style/i);
  });
});
