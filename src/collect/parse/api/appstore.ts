import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, hashId, isObject, str, toIsoDate, toNumber } from "../util.ts";

type Obj = Record<string, unknown>;

/** iTunes RSS-as-JSON wraps every value: `{ "label": "..." }`. */
function label(v: unknown): string | undefined {
  if (isObject(v)) return str(v.label);
  return str(v);
}

export function isAppStoreFeed(v: unknown): boolean {
  return (
    isObject(v) && isObject(v.feed) && ("entry" in v.feed || "author" in v.feed) && isObject(v.feed.id ?? v.feed.title)
  );
}

/**
 * App Store customer reviews (`itunes.apple.com/{cc}/rss/customerreviews/page={n}/id={app}/sortby=mostrecent/json`).
 * Apple caps it at 10 pages of 50 reviews; older feeds put the app itself first (no `im:rating`).
 */
export function parseAppStore(v: unknown): ParseResult {
  if (!isAppStoreFeed(v)) throw new ParseError("unsupported_format", "not an App Store customer-reviews feed");
  const feed = (v as Obj).feed as Obj;
  const mentions: RawMention[] = [];
  for (const e of asArray(feed.entry).filter(isObject)) {
    const rating = toNumber(label(e["im:rating"]));
    if (rating === undefined) continue;
    const content = label(e.content) ?? "";
    const title = label(e.title);
    const author = isObject(e.author) ? label(e.author.name) : undefined;
    const updated = toIsoDate(label(e.updated));
    const id = label(e.id);
    const link = isObject(e.link) && isObject(e.link.attributes) ? str(e.link.attributes.href) : undefined;
    mentions.push({
      externalId: id ?? hashId("appstore", author, updated, content),
      kind: "review",
      ...(link ? { url: link } : {}),
      ...(title ? { title } : {}),
      text: content.trim(),
      ...(author ? { author: { name: author } } : {}),
      rating: { value: rating, best: 5, worst: 1 },
      ...(updated ? { publishedAt: updated } : {}),
      engagement: { likes: toNumber(label(e["im:voteSum"])) ?? 0 },
    });
  }
  const links = asArray(feed.link)
    .filter(isObject)
    .map((l) => (isObject(l.attributes) ? l.attributes : {}));
  const next = links.find((a) => a.rel === "next");
  const lastLink = links.find((a) => a.rel === "last");
  const self = links.find((a) => a.rel === "self");
  const nextHref = str(next?.href);
  const selfHref = str(self?.href);
  // Apple's last page links "next" to itself; only a different URL is a next page.
  const hasNext = nextHref && nextHref !== selfHref && mentions.length > 0;
  return result("appstore", {
    mentions,
    ...(hasNext ? { paging: { next: nextHref } } : {}),
    details: { reviews: mentions.length, last: str(lastLink?.href) },
  });
}
