import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { toAtom, toJsonFeed, toRss } from "../../../src/reports/highlights/format-feeds.ts";
import { toHtmlFragment } from "../../../src/reports/highlights/format-html.ts";
import { selectHighlights } from "../../../src/reports/highlights/select.ts";
import { highlightUuid } from "../../../src/reports/highlights/stable-id.ts";
import type { FeedMeta } from "../../../src/reports/highlights/types.ts";
import { makeMention, makeSource } from "../../factories/highlight-mentions.ts";
import { childTexts, parseStrictXml } from "./strict-xml.ts";

const HOSTILE = 'Top</title><script>alert("x")</script> ]]> & co \u0000\u0007\ufffe fin \ud800 «ok» 😀';

const meta: FeedMeta = {
  title: "Café <Lune> & Co",
  homePageUrl: "https://reputation.example.org/businesses/b1",
  feedUrl: "https://reputation.example.org/v1/businesses/b1/highlights?format=rss",
  description: "Highlights ]]> of the week",
  generatedAt: new Date("2026-11-16T08:00:00Z"),
};

const items = selectHighlights({
  from: new Date("2026-11-01T00:00:00Z"),
  to: new Date("2026-11-16T00:00:00Z"),
  now: new Date("2026-11-16T08:00:00Z"),
  businesses: [{ id: "b1", name: 'Café "Lune" </title>' }],
  mentions: [
    makeMention({ id: "good", text: HOSTILE, sentiment: 0.9, stars: 5, url: "javascript:alert(1)" }),
    makeMention({ id: "bad", text: "Service lent & froid <b>nul</b>", sentiment: -0.8, stars: 1 }),
    makeMention({ id: "n1", sourceId: "blog", publishedAt: new Date("2026-11-03T00:00:00Z") }),
  ],
  previousMentions: [],
  sources: [makeSource({ id: "blog", label: "Blog <3 & \u0001", firstMentionAt: new Date("2026-11-03T00:00:00Z") })],
});

function expectNoHostileLeak(doc: string) {
  expect(doc).not.toContain("<script");
  expect(doc).not.toContain("</title><");
  expect(doc).not.toContain("]]>");
  expect(doc).not.toMatch(/[\u0000\u0007\ufffe]/);
  expect(doc).not.toContain("javascript:");
}

describe("feeds", () => {
  it("has the three kinds of item this fixture is built for", () => {
    expect(items.map((i) => i.type).sort()).toEqual(["best_quote", "new_source", "worst_unanswered"]);
  });

  it("RSS 2.0 is well-formed, with non-permalink guids and RFC 822 dates", () => {
    const xml = toRss(items, meta);
    expectNoHostileLeak(xml);
    const doc = parseStrictXml(xml);
    const channel = doc.getElementsByTagName("channel")[0]!;
    expect(childTexts(channel, "title")).toEqual([meta.title]);
    const entries = Array.from(doc.getElementsByTagName("item"));
    expect(entries).toHaveLength(items.length);
    const guids = entries.map((e) => e.getElementsByTagName("guid")[0]!);
    expect(guids.every((g) => g.getAttribute("isPermaLink") === "false")).toBe(true);
    expect(new Set(guids.map((g) => g.textContent))).toEqual(new Set(items.map((i) => i.id)));
    for (const e of entries) {
      const pub = childTexts(e, "pubDate")[0]!;
      expect(pub).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(Number.isNaN(Date.parse(pub))).toBe(false);
    }
    // The hostile quote survives as text once decoded, minus the characters XML cannot hold.
    const description = entries.map((e) => childTexts(e, "description")[0]!).join("\n");
    expect(description).toContain("<blockquote>Top&lt;/title&gt;&lt;script&gt;");
  });

  it("Atom 1.0 is well-formed, with urn:uuid ids derived from the stable ids and RFC 3339 dates", () => {
    const xml = toAtom(items, meta);
    expectNoHostileLeak(xml);
    const doc = parseStrictXml(xml);
    expect(doc.documentElement?.namespaceURI).toBe("http://www.w3.org/2005/Atom");
    const entries = Array.from(doc.getElementsByTagName("entry"));
    expect(entries).toHaveLength(items.length);
    const ids = entries.map((e) => childTexts(e, "id")[0]!);
    expect(new Set(ids)).toEqual(new Set(items.map((i) => `urn:uuid:${highlightUuid(i.id)}`)));
    for (const id of ids)
      expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const e of entries) expect(childTexts(e, "updated")[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(childTexts(doc.documentElement!, "updated")[0]).toBe("2026-11-10T12:00:00Z");
  });

  it("is byte-identical on two runs", () => {
    expect(toRss(items, meta)).toBe(toRss([...items].reverse(), meta));
    expect(toAtom(items, meta)).toBe(toAtom([...items].reverse(), meta));
  });

  it("JSON Feed 1.1 has its version, required fields and escaped HTML", () => {
    const feed = JSON.parse(JSON.stringify(toJsonFeed(items, meta)));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe(meta.title);
    expect(feed.home_page_url).toBe(meta.homePageUrl);
    expect(feed.feed_url).toBe(meta.feedUrl);
    expect(feed.items).toHaveLength(items.length);
    for (const i of feed.items) {
      expect(typeof i.id).toBe("string");
      expect(typeof i.title).toBe("string");
      expect(typeof i.content_text).toBe("string");
      expect(i.content_html).not.toContain("<script");
      expect(Number.isNaN(Date.parse(i.date_published))).toBe(false);
      expect(i.url ?? "").not.toContain("javascript:");
    }
    const best = feed.items.find((i: { tags: string[] }) => i.tags.includes("best_quote"));
    expect(best.content_text).toContain('Top</title><script>alert("x")</script> ]]> & co');
    expect(best.content_text).not.toMatch(/[\u0000\u0007\ufffe]/);
    expect(best.content_html).toContain("&lt;script&gt;");
  });
});

describe("HTML fragment", () => {
  it.each(["fr", "en"] as const)("is an inline-styled table fragment with %s labels", (locale) => {
    const html = toHtmlFragment(items, meta, locale);
    expectNoHostileLeak(html);
    expect(html).not.toMatch(/<(html|head|body|style|script|link|meta)\b/i);
    expect(html).not.toMatch(/\sclass=/);
    const $ = cheerio.load(html, null, false);
    expect($.root().children().first().is("table")).toBe(true);
    $("*").each((_, el) => {
      const tag = (el as { tagName: string }).tagName;
      if (["table", "td", "span", "div", "a"].includes(tag)) expect($(el).attr("style"), tag).toBeTruthy();
    });
    expect($("td").text()).toContain('Top</title><script>alert("x")</script>');
    const labels =
      locale === "fr" ? ["Meilleur avis", "Avis négatif sans réponse"] : ["Best review", "Unanswered negative review"];
    for (const l of labels) expect($.text()).toContain(l);
    // A link only where the URL is http(s).
    for (const a of $("a").toArray()) expect($(a).attr("href")).toMatch(/^https:\/\//);
  });

  it("says so when there is nothing to highlight", () => {
    expect(cheerio.load(toHtmlFragment([], meta, "fr"), null, false).text()).toContain("Rien à signaler");
  });
});
