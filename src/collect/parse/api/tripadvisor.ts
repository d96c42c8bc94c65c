import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, isObject, platformRating, str, toIsoDate, toNumber } from "../util.ts";

type Obj = Record<string, unknown>;

export function isTripadvisor(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (Array.isArray(v.data))
    return v.data.length === 0 || (isObject(v.data[0]) && "location_id" in v.data[0] && "published_date" in v.data[0]);
  return "location_id" in v && ("num_reviews" in v || "rating" in v);
}

/** Tripadvisor Content API: `/location/{id}/reviews` (`data[]`, max 5) and `/location/{id}/details`. */
export function parseTripadvisor(v: unknown): ParseResult {
  if (!isTripadvisor(v)) throw new ParseError("unsupported_format", "not a Tripadvisor Content API response");
  const body = v as Obj;
  const mentions: RawMention[] = [];
  for (const r of asArray(body.data).filter(isObject)) {
    const user = isObject(r.user) ? r.user : {};
    const rating = toNumber(r.rating);
    const publishedAt = toIsoDate(r.published_date);
    const experiencedAt = toIsoDate(r.travel_date);
    const owner = isObject(r.owner_response) ? r.owner_response : undefined;
    const replyText = owner ? str(owner.text) : undefined;
    const replyAt = owner ? toIsoDate(owner.published_date) : undefined;
    const name = str(user.username);
    const lang = str(r.lang);
    const url = str(r.url);
    const title = str(r.title);
    mentions.push({
      externalId: String(r.id),
      kind: "review",
      ...(url ? { url } : {}),
      ...(title ? { title } : {}),
      text: (str(r.text) ?? "").trim(),
      ...(name ? { author: { name } } : {}),
      ...(rating !== undefined ? { rating: { value: rating, best: 5, worst: 1 } } : {}),
      ...(lang ? { lang } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(experiencedAt ? { experiencedAt } : {}),
      ...(replyText ? { reply: { text: replyText, ...(replyAt ? { at: replyAt } : {}) } } : {}),
      engagement: { likes: toNumber(r.helpful_votes) ?? 0 },
    });
  }
  const value = toNumber(body.rating);
  const count = toNumber(body.num_reviews);
  const ratings = platformRating(value, count, str(body.name));
  return result("tripadvisor", {
    mentions,
    ratings,
    ...(count !== undefined ? { paging: { total: count } } : {}),
    details: { reviews: mentions.length, rating: value ?? null, num_reviews: count ?? null },
  });
}
