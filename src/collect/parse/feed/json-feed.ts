import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, hashId, htmlToText, isObject, resolveUrl, str, toIsoDate } from "../util.ts";

export function isJsonFeed(v: unknown): boolean {
  return isObject(v) && typeof v.version === "string" && v.version.includes("jsonfeed.org");
}

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1). */
export function parseJsonFeed(v: unknown, docUrl?: string): ParseResult {
  if (!isJsonFeed(v)) throw new ParseError("not_a_feed", "JSON document is not a JSON Feed");
  const feed = v as Record<string, unknown>;
  const items = asArray(feed.items).filter(isObject);
  const seen = new Set<string>();
  const mentions: RawMention[] = [];
  for (const it of items) {
    const text = htmlToText(str(it.content_text) ?? str(it.content_html) ?? str(it.summary) ?? "");
    const title = str(it.title) ? htmlToText(str(it.title)) : undefined;
    const url = resolveUrl(str(it.url) ?? str(it.external_url), docUrl);
    const id = str(it.id) ?? url ?? hashId("jsonfeed", title, text);
    if (seen.has(id) || (!text && !title)) continue;
    seen.add(id);
    const authorObj = asArray(it.authors ?? it.author).find(isObject);
    const author = authorObj ? str(authorObj.name) : undefined;
    const publishedAt = toIsoDate(it.date_published);
    const updatedAt = toIsoDate(it.date_modified);
    const lang = str(it.language) ?? str(feed.language);
    mentions.push({
      externalId: id,
      kind: "article",
      ...(url ? { url } : {}),
      ...(title ? { title } : {}),
      text: text || title || "",
      ...(author ? { author: { name: author } } : {}),
      ...(lang ? { lang } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(updatedAt ? { updatedAt } : {}),
    });
  }
  const next = str(feed.next_url);
  return result("jsonfeed", {
    mentions,
    paging: next ? { next } : undefined,
    details: { items: items.length, title: str(feed.title), version: feed.version },
  });
}
