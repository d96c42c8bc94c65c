import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, htmlToText, isObject, str, toIsoDate, toNumber } from "../util.ts";

export function isHnSearch(v: unknown): boolean {
  return isObject(v) && Array.isArray(v.hits) && ("nbHits" in v || "hitsPerPage" in v);
}

/** Hacker News through the Algolia API (`/api/v1/search_by_date`): stories and comments. */
export function parseHn(v: unknown): ParseResult {
  if (!isHnSearch(v)) throw new ParseError("unsupported_format", "not an Algolia Hacker News search response");
  const body = v as Record<string, unknown>;
  const mentions: RawMention[] = [];
  for (const h of asArray(body.hits).filter(isObject)) {
    const id = str(h.objectID);
    if (!id) continue;
    const tags = asArray(h._tags).map(String);
    const isComment = tags.includes("comment") || (h.comment_text != null && h.title == null);
    const text = htmlToText(str(h.comment_text) ?? str(h.story_text) ?? "");
    const title = str(h.title) ?? undefined;
    const publishedAt = toIsoDate(h.created_at ?? h.created_at_i);
    const author = str(h.author);
    mentions.push({
      externalId: id,
      kind: isComment ? "comment" : "post",
      url: `https://news.ycombinator.com/item?id=${id}`,
      ...(title ? { title } : {}),
      text: text || title || str(h.story_title) || "",
      ...(author ? { author: { name: author } } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      engagement: { likes: toNumber(h.points) ?? 0, replies: toNumber(h.num_comments) ?? 0 },
    });
  }
  const page = toNumber(body.page) ?? 0;
  const pages = toNumber(body.nbPages) ?? 0;
  const total = toNumber(body.nbHits);
  return result("hn", {
    mentions,
    paging: { ...(page + 1 < pages ? { next: String(page + 1) } : {}), ...(total !== undefined ? { total } : {}) },
    details: { hits: mentions.length, nbHits: total, page, nbPages: pages },
  });
}
