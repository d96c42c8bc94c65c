import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, htmlToText, isObject, str, toIsoDate, toNumber, uniqueBy } from "../util.ts";

type Obj = Record<string, unknown>;

export function isMastodonStatus(v: unknown): v is Obj {
  return (
    isObject(v) && typeof v.content === "string" && "account" in v && "id" in v && ("visibility" in v || "uri" in v)
  );
}

/** A Mastodon/Pleroma/Akkoma Status; ids stay strings (Pleroma's are not numeric). */
export function statusToMention(s: Obj): RawMention {
  const spoiler = str(s.spoiler_text)?.trim();
  const text = htmlToText(str(s.content) ?? "");
  const account = isObject(s.account) ? s.account : {};
  const publishedAt = toIsoDate(s.created_at);
  const updatedAt = toIsoDate(s.edited_at);
  const lang = str(s.language);
  const name = str(account.acct) ?? str(account.username);
  const url = str(s.url) ?? str(s.uri);
  return {
    externalId: String(s.id),
    kind: s.in_reply_to_id ? "comment" : "post",
    ...(url ? { url } : {}),
    ...(spoiler ? { title: spoiler } : {}),
    text,
    author: { ...(name ? { name } : {}), ...(str(account.id) ? { id: str(account.id) } : {}) },
    ...(lang ? { lang } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    engagement: {
      likes: toNumber(s.favourites_count) ?? 0,
      shares: toNumber(s.reblogs_count) ?? 0,
      replies: toNumber(s.replies_count) ?? 0,
    },
  };
}

function statusDetails(statuses: Obj[]): Obj {
  const firstStatus = statuses[0];
  return {
    statuses: statuses.length,
    id: firstStatus ? String(firstStatus.id) : undefined,
    media: statuses.reduce((n, s) => n + asArray(s.media_attachments).length, 0),
    lang: firstStatus ? (str(firstStatus.language) ?? null) : undefined,
    reblog: firstStatus ? (isObject(firstStatus.reblog) ? String(firstStatus.reblog.id) : null) : undefined,
  };
}

/**
 * Mastodon API bodies: an array of Statuses (timelines, tag timelines), one
 * Status, a v2 search result, or a streaming event whose `payload` is itself
 * a JSON string. Reblogs are read as the original post.
 */
export function parseMastodon(v: unknown): ParseResult {
  const details: Obj = {};
  let statuses: Obj[] = [];
  if (Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && "history" in x && !("content" in x))) {
    // Trending tags or links: no posts, but the shape is still Mastodon's.
    details[v.every((x) => isObject(x) && "url" in x && "type" in x) ? "links" : "tags"] = v.length;
  } else if (Array.isArray(v)) statuses = v.filter(isMastodonStatus);
  else if (isMastodonStatus(v)) statuses = [v];
  else if (isObject(v) && typeof v.event === "string") {
    details.event = v.event;
    details.payload_is_string = typeof v.payload === "string";
    let payload: unknown = v.payload;
    if (typeof payload === "string") {
      try {
        payload = JSON.parse(payload);
      } catch (err) {
        if (v.event === "update" || v.event === "status.update")
          throw new ParseError("malformed_json", "streaming payload is not JSON", { cause: err });
      }
    }
    if (isMastodonStatus(payload)) statuses = [payload];
  } else if (isObject(v) && Array.isArray(v.statuses) && Array.isArray(v.accounts)) {
    statuses = v.statuses.filter(isMastodonStatus);
    for (const [k, arr] of Object.entries(v)) if (Array.isArray(arr)) details[k] = arr.length;
  } else {
    throw new ParseError("unsupported_format", "not a Mastodon status, timeline, search or streaming event");
  }
  const originals = statuses.map((s) => (isObject(s.reblog) && isMastodonStatus(s.reblog) ? s.reblog : s));
  const mentions = uniqueBy(originals.map(statusToMention), (m) => m.externalId);
  const last = statuses[statuses.length - 1];
  return result("mastodon", {
    mentions,
    ...(last ? { paging: { next: String(last.id) } } : {}),
    details: { ...statusDetails(statuses), ...details },
  });
}
