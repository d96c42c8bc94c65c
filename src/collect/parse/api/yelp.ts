import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, isObject, platformRating, str, toIsoDate, toNumber } from "../util.ts";

type Obj = Record<string, unknown>;

export function isYelp(v: unknown): boolean {
  if (!isObject(v)) return false;
  const business = typeof v.alias === "string" && "review_count" in v && "rating" in v;
  const reviews =
    Array.isArray(v.reviews) &&
    ("possible_languages" in v || (isObject(v.reviews[0]) && "time_created" in v.reviews[0] && "user" in v.reviews[0]));
  return business || reviews;
}

/** Yelp Fusion business lookup (`/v3/businesses/{id}`) and reviews (`/v3/businesses/{id}/reviews`, max 3). */
export function parseYelp(v: unknown): ParseResult {
  if (!isYelp(v)) throw new ParseError("unsupported_format", "not a Yelp Fusion business or reviews response");
  const body = v as Obj;
  const mentions: RawMention[] = [];
  for (const r of asArray(body.reviews).filter(isObject)) {
    const user = isObject(r.user) ? r.user : {};
    const rating = toNumber(r.rating);
    const publishedAt = toIsoDate(r.time_created);
    const name = str(user.name);
    const url = str(r.url);
    mentions.push({
      externalId: String(r.id),
      kind: "review",
      ...(url ? { url } : {}),
      text: (str(r.text) ?? "").trim(),
      ...(name || user.id
        ? { author: { ...(name ? { name } : {}), ...(str(user.id) ? { id: str(user.id) } : {}) } }
        : {}),
      ...(rating !== undefined ? { rating: { value: rating, best: 5, worst: 1 } } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    });
  }
  const value = toNumber(body.rating);
  const count = toNumber(body.review_count);
  const ratings = platformRating(value, count, str(body.name));
  const total = toNumber(body.total) ?? count;
  return result("yelp", {
    mentions,
    ratings,
    ...(total !== undefined ? { paging: { total } } : {}),
    details: { rating: value ?? null, review_count: count ?? null, reviews: mentions.length, alias: str(body.alias) },
  });
}
