import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, isObject, str, toIsoDate, toNumber, uniqueBy } from "../util.ts";

type Obj = Record<string, unknown>;

const utf8 = new TextEncoder();
const utf8dec = new TextDecoder();

/** Facet offsets are UTF-8 byte offsets into `record.text`, not UTF-16 indexes. */
export function sliceByBytes(text: string, byteStart: number, byteEnd: number): string {
  const bytes = utf8.encode(text);
  return utf8dec.decode(bytes.subarray(Math.max(0, byteStart), Math.min(bytes.length, byteEnd)));
}

export interface FacetLink {
  text: string;
  uri?: string;
  did?: string;
  tag?: string;
}

export function facetLinks(record: Obj): FacetLink[] {
  const text = str(record.text) ?? "";
  return asArray(record.facets)
    .filter(isObject)
    .flatMap((f) => {
      const idx = isObject(f.index) ? f.index : {};
      const span = sliceByBytes(text, toNumber(idx.byteStart) ?? 0, toNumber(idx.byteEnd) ?? 0);
      return asArray(f.features)
        .filter(isObject)
        .map((feat) => ({ text: span, uri: str(feat.uri), did: str(feat.did), tag: str(feat.tag) }));
    });
}

function isPostView(v: unknown): v is Obj {
  return isObject(v) && typeof v.uri === "string" && isObject(v.record) && isObject(v.author);
}

/** at://did/app.bsky.feed.post/rkey -> https://bsky.app/profile/did/post/rkey */
export function postWebUrl(uri: string, handle?: string): string | undefined {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri);
  return m ? `https://bsky.app/profile/${handle ?? m[1]}/post/${m[2]}` : undefined;
}

export function postToMention(p: Obj): RawMention {
  const record = p.record as Obj;
  const author = p.author as Obj;
  const handle = str(author.handle);
  const url = postWebUrl(String(p.uri), handle);
  const lang = asArray(record.langs).map(str).find(Boolean);
  const publishedAt = toIsoDate(record.createdAt ?? p.indexedAt);
  return {
    externalId: String(p.uri),
    kind: isObject(record.reply) ? "comment" : "post",
    ...(url ? { url } : {}),
    text: str(record.text) ?? "",
    author: { ...(handle ? { name: handle } : {}), ...(str(author.did) ? { id: str(author.did) } : {}) },
    ...(lang ? { lang } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    engagement: {
      likes: toNumber(p.likeCount) ?? 0,
      shares: (toNumber(p.repostCount) ?? 0) + (toNumber(p.quoteCount) ?? 0),
      replies: toNumber(p.replyCount) ?? 0,
    },
  };
}

function threadPosts(node: unknown, out: Obj[], depth: number): number {
  if (!isObject(node) || depth > 50) return 0;
  if (isPostView(node.post)) out.push(node.post);
  const replies = asArray(node.replies);
  for (const r of replies) threadPosts(r, out, depth + 1);
  return replies.length;
}

export function isBluesky(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (Array.isArray(v.posts))
    return v.posts.length === 0 ? "cursor" in v || "hitsTotal" in v || "uri" in v : isPostView(v.posts[0]);
  if (Array.isArray(v.feed))
    return v.feed.length === 0 ? "cursor" in v : isObject(v.feed[0]) && isPostView(v.feed[0].post);
  return isObject(v.thread) && typeof v.thread.$type === "string" && v.thread.$type.startsWith("app.bsky.");
}

/** searchPosts / getQuotes (`posts`), getAuthorFeed / timelines (`feed`), getPostThread (`thread`). */
export function parseBluesky(v: unknown): ParseResult {
  if (!isObject(v) || !isBluesky(v)) throw new ParseError("unsupported_format", "not a Bluesky feed, search or thread");
  const details: Obj = {};
  let posts: Obj[] = [];
  if (Array.isArray(v.posts)) {
    posts = v.posts.filter(isPostView);
    details.posts = v.posts.length;
  } else if (Array.isArray(v.feed)) {
    posts = v.feed
      .filter(isObject)
      .map((f) => f.post)
      .filter(isPostView);
    details.feed = v.feed.length;
  } else if (isObject(v.thread)) {
    details.thread_type = v.thread.$type;
    details.thread_replies = threadPosts(v.thread, posts, 0);
  }
  const cursor = str(v.cursor);
  const total = toNumber(v.hitsTotal);
  details.cursor = cursor ? "present" : "absent";
  if (total !== undefined) details.hitsTotal = total;
  const mentions = uniqueBy(posts.map(postToMention), (m) => m.externalId);
  return result("bluesky", {
    mentions,
    paging: { ...(cursor ? { next: cursor } : {}), ...(total !== undefined ? { total } : {}) },
    details,
  });
}
