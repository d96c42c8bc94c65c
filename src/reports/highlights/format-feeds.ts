/**
 * Machine formats of the highlights: JSON Feed 1.1, RSS 2.0 and Atom 1.0.
 * Every string goes through one escaper; dates are RFC 3339 (JSON Feed, Atom)
 * or RFC 822 (RSS). Items come out newest first, as feed readers expect.
 */
import { escapeXml, rfc822, rfc3339, safeUrl, stripInvalidXmlChars } from "../escape.ts";
import { itemHtml, itemText, newestFirst } from "./item-content.ts";
import { highlightUuid } from "./stable-id.ts";
import type { FeedMeta, HighlightItem } from "./types.ts";

function feedUpdated(items: readonly HighlightItem[], meta: FeedMeta): Date {
  // The newest item, so the same items always give the same document (caches, ETags).
  let max = -Infinity;
  for (const i of items) max = Math.max(max, i.publishedAt.getTime());
  return Number.isFinite(max) ? new Date(max) : meta.generatedAt;
}

export interface JsonFeed {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language?: string;
  items: Array<Record<string, unknown> & { id: string; content_text: string; content_html: string }>;
}

export function toJsonFeed(items: readonly HighlightItem[], meta: FeedMeta): JsonFeed {
  const locale = meta.locale ?? "en";
  const clean = stripInvalidXmlChars;
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: clean(meta.title),
    home_page_url: meta.homePageUrl,
    feed_url: meta.feedUrl,
    ...(meta.description ? { description: clean(meta.description) } : {}),
    language: locale,
    items: newestFirst(items).map((i) => {
      const url = safeUrl(i.url);
      return {
        id: i.id,
        ...(url ? { url } : {}),
        title: clean(i.title),
        summary: clean(i.summary),
        content_text: itemText(i),
        content_html: itemHtml(i, locale),
        date_published: rfc3339(i.publishedAt),
        tags: [i.type],
        // JSON Feed extensions are objects whose key starts with an underscore.
        _reputation: {
          type: i.type,
          business_id: i.businessId,
          score: i.score,
          ...(i.mentionId ? { mention_id: i.mentionId } : {}),
          ...(i.aspect ? { aspect: i.aspect, delta: i.delta } : {}),
        },
      };
    }),
  };
}

export function toRss(items: readonly HighlightItem[], meta: FeedMeta): string {
  const locale = meta.locale ?? "en";
  const x = escapeXml;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    `<title>${x(meta.title)}</title>`,
    `<link>${x(meta.homePageUrl)}</link>`,
    `<description>${x(meta.description ?? meta.title)}</description>`,
    `<language>${x(locale)}</language>`,
    `<lastBuildDate>${rfc822(feedUpdated(items, meta))}</lastBuildDate>`,
    `<atom:link href="${x(meta.feedUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const i of newestFirst(items)) {
    const url = safeUrl(i.url);
    out.push(
      "<item>",
      `<title>${x(i.title)}</title>`,
      ...(url ? [`<link>${x(url)}</link>`] : []),
      `<description>${x(itemHtml(i, locale))}</description>`,
      `<guid isPermaLink="false">${x(i.id)}</guid>`,
      `<pubDate>${rfc822(i.publishedAt)}</pubDate>`,
      `<category>${x(i.type)}</category>`,
      "</item>",
    );
  }
  out.push("</channel>", "</rss>");
  return `${out.join("\n")}\n`;
}

export function toAtom(items: readonly HighlightItem[], meta: FeedMeta): string {
  const locale = meta.locale ?? "en";
  const x = escapeXml;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(locale)}">`,
    `<id>urn:uuid:${highlightUuid(`feed:${meta.feedUrl}`)}</id>`,
    `<title type="text">${x(meta.title)}</title>`,
    ...(meta.description ? [`<subtitle type="text">${x(meta.description)}</subtitle>`] : []),
    `<updated>${rfc3339(feedUpdated(items, meta))}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${x(meta.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${x(meta.homePageUrl)}"/>`,
    // Entries carry no author of their own: reviewer names are personal data and stay out.
    `<author><name>${x(meta.title)}</name></author>`,
  ];
  for (const i of newestFirst(items)) {
    const url = safeUrl(i.url);
    out.push(
      "<entry>",
      `<id>urn:uuid:${highlightUuid(i.id)}</id>`,
      `<title type="text">${x(i.title)}</title>`,
      `<updated>${rfc3339(i.publishedAt)}</updated>`,
      `<published>${rfc3339(i.publishedAt)}</published>`,
      ...(url ? [`<link rel="alternate" type="text/html" href="${x(url)}"/>`] : []),
      `<category term="${x(i.type)}"/>`,
      `<summary type="text">${x(i.summary)}</summary>`,
      `<content type="html">${x(itemHtml(i, locale))}</content>`,
      "</entry>",
    );
  }
  out.push("</feed>");
  return `${out.join("\n")}\n`;
}
