/**
 * One entry point for the route: `format` from the query string in, body and
 * content type out, so the handler stays a few lines long.
 */
import { toAtom, toJsonFeed, toRss } from "./format-feeds.ts";
import { toHtmlFragment } from "./format-html.ts";
import type { FeedMeta, HighlightItem, HighlightLocale } from "./types.ts";

export const HIGHLIGHT_FORMATS = ["json", "jsonfeed", "rss", "atom", "html"] as const;
export type HighlightFormat = (typeof HIGHLIGHT_FORMATS)[number];

export const HIGHLIGHT_CONTENT_TYPES: Record<HighlightFormat, string> = {
  json: "application/json; charset=utf-8",
  jsonfeed: "application/feed+json; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  html: "text/html; charset=utf-8",
};

/** Wire form of an item for `format=json`: dates as RFC 3339 strings, optional fields omitted. */
export function toJsonItems(
  items: readonly HighlightItem[],
): Array<Omit<HighlightItem, "publishedAt"> & { publishedAt: string }> {
  return items.map((i) => ({ ...i, publishedAt: i.publishedAt.toISOString() }));
}

export function renderHighlights(
  format: HighlightFormat,
  items: readonly HighlightItem[],
  meta: FeedMeta,
  opts: { locale?: HighlightLocale; nextCursor?: string | null } = {},
): { contentType: string; body: string } {
  const locale = opts.locale ?? meta.locale ?? "en";
  const withLocale = { ...meta, locale };
  let body: string;
  switch (format) {
    case "json":
      body = JSON.stringify({ items: toJsonItems(items), nextCursor: opts.nextCursor ?? null });
      break;
    case "jsonfeed":
      body = JSON.stringify(toJsonFeed(items, withLocale));
      break;
    case "rss":
      body = toRss(items, withLocale);
      break;
    case "atom":
      body = toAtom(items, withLocale);
      break;
    case "html":
      body = toHtmlFragment(items, withLocale, locale);
      break;
  }
  return { contentType: HIGHLIGHT_CONTENT_TYPES[format], body };
}
