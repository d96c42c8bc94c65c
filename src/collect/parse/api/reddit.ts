import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, htmlToText, isObject, str, toIsoDate, toNumber } from "../util.ts";

type Obj = Record<string, unknown>;

function isListing(v: unknown): v is Obj {
  return isObject(v) && v.kind === "Listing" && isObject(v.data);
}

export function isReddit(v: unknown): boolean {
  return isListing(v) || (Array.isArray(v) && v.length > 0 && v.every(isListing));
}

function thingToMention(kind: string, d: Obj): RawMention | undefined {
  const permalink = str(d.permalink);
  const url = permalink ? new URL(permalink, "https://www.reddit.com").toString() : str(d.url);
  const publishedAt = toIsoDate(d.created_utc);
  const author = str(d.author);
  const base = {
    externalId: str(d.name) ?? `${kind}_${String(d.id)}`,
    ...(url ? { url } : {}),
    ...(author && author !== "[deleted]" ? { author: { name: author } } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    engagement: { likes: toNumber(d.score) ?? 0, replies: toNumber(d.num_comments) ?? 0 },
  };
  if (kind === "t3") {
    const title = str(d.title) ?? "";
    return { ...base, kind: "post", title, text: htmlToText(str(d.selftext) ?? "") || title };
  }
  if (kind === "t1") {
    const text = htmlToText(str(d.body) ?? "");
    return text ? { ...base, kind: "comment", text } : undefined;
  }
  return undefined;
}

/** Collects t3/t1 things, descending into comment `replies` listings. */
function collect(listing: Obj, out: RawMention[], kinds: Set<string>, depth: number): number {
  const data = listing.data as Obj;
  const children = asArray(data.children).filter(isObject);
  for (const c of children) {
    const kind = str(c.kind) ?? "";
    kinds.add(kind);
    if (!isObject(c.data)) continue;
    const m = thingToMention(kind, c.data);
    if (m) out.push(m);
    if (depth < 30 && isListing(c.data.replies)) collect(c.data.replies, out, kinds, depth + 1);
  }
  return children.length;
}

/** Reddit listings (search, subreddit, comments); `after` is the next-page cursor. */
export function parseReddit(v: unknown): ParseResult {
  if (!isReddit(v)) throw new ParseError("unsupported_format", "not a Reddit listing");
  const listings = (Array.isArray(v) ? v : [v]) as Obj[];
  const mentions: RawMention[] = [];
  const kinds = new Set<string>();
  let children = 0;
  const topKinds = new Set<string>();
  for (const l of listings) {
    children += collect(l, mentions, kinds, 0);
    for (const c of asArray((l.data as Obj).children).filter(isObject)) topKinds.add(String(c.kind));
  }
  const after = str((listings[listings.length - 1]?.data as Obj | undefined)?.after) ?? null;
  return result("reddit", {
    mentions,
    ...(after ? { paging: { next: after } } : {}),
    details: { kind: "Listing", children, child_kinds: [...topKinds].sort(), after },
  });
}
