import { describe, expect, it } from "vitest";
import { HIGHLIGHT_FORMATS, renderHighlights } from "../../../src/reports/highlights/render.ts";
import { selectHighlights } from "../../../src/reports/highlights/select.ts";
import type { FeedMeta } from "../../../src/reports/highlights/types.ts";
import { makeMention } from "../../factories/highlight-mentions.ts";
import { parseStrictXml } from "./strict-xml.ts";

const meta: FeedMeta = {
  title: "Highlights",
  homePageUrl: "https://reputation.example.org/",
  feedUrl: "https://reputation.example.org/v1/highlights?format=atom",
  generatedAt: new Date("2026-11-16T08:00:00Z"),
};

const items = selectHighlights({
  from: new Date("2026-11-01T00:00:00Z"),
  to: new Date("2026-11-16T00:00:00Z"),
  now: new Date("2026-11-16T08:00:00Z"),
  businesses: [{ id: "b1", name: "Lune" }],
  mentions: [makeMention({ sentiment: 0.8, stars: 5 }), makeMention({ sentiment: -0.8, stars: 1 })],
  previousMentions: [],
  sources: [],
});

describe("renderHighlights", () => {
  it.each(HIGHLIGHT_FORMATS)("renders %s, with and without items", (format) => {
    for (const list of [items, []]) {
      const { contentType, body } = renderHighlights(format, list, meta, { locale: "fr", nextCursor: "abc" });
      expect(contentType).toContain("charset=utf-8");
      if (format === "rss" || format === "atom") parseStrictXml(body);
      if (format === "json") {
        const parsed = JSON.parse(body);
        expect(parsed.nextCursor).toBe("abc");
        expect(parsed.items.map((i: { id: string }) => i.id)).toEqual(list.map((i) => i.id));
        if (list.length > 0) expect(parsed.items[0].publishedAt).toBe(list[0]?.publishedAt.toISOString());
      }
      if (format === "jsonfeed") expect(JSON.parse(body).items).toHaveLength(list.length);
      if (format === "html") expect(body.startsWith("<table")).toBe(true);
    }
  });

  it("uses the empty feed's generatedAt as its date", () => {
    expect(renderHighlights("atom", [], meta).body).toContain("<updated>2026-11-16T08:00:00Z</updated>");
    expect(renderHighlights("rss", [], meta).body).toContain(
      "<lastBuildDate>Mon, 16 Nov 2026 08:00:00 GMT</lastBuildDate>",
    );
  });
});
