import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, hashId, isObject, platformRating, str, toIsoDate, toNumber } from "../util.ts";

type Obj = Record<string, unknown>;

export function isGooglePlaces(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (typeof v.status === "string" && ("result" in v || "html_attributions" in v)) return true;
  return typeof v.name === "string" && v.name.startsWith("places/") && ("reviews" in v || "rating" in v);
}

/**
 * Place Details, legacy (`result.reviews[]` with epoch `time` and a localised
 * `relative_time_description`) and Places API (New) (`reviews[].publishTime`).
 * The API returns at most 5 reviews per place.
 */
export function parseGooglePlaces(v: unknown): ParseResult {
  if (!isGooglePlaces(v)) throw new ParseError("unsupported_format", "not a Google Place Details response");
  const body = v as Obj;
  const legacy = typeof body.status === "string";
  const place: Obj = legacy ? (isObject(body.result) ? body.result : {}) : body;
  const placeId = str(place.place_id) ?? str(place.id) ?? str(place.name);
  const placeUrl = str(place.url) ?? str(place.googleMapsUri);
  const mentions: RawMention[] = [];
  for (const r of asArray(place.reviews).filter(isObject)) {
    const textObj = isObject(r.text) ? r.text : isObject(r.originalText) ? r.originalText : undefined;
    const text = (textObj ? str(textObj.text) : str(r.text)) ?? "";
    const lang = (textObj ? str(textObj.languageCode) : str(r.language)) ?? undefined;
    const attribution = isObject(r.authorAttribution) ? r.authorAttribution : {};
    const author = str(r.author_name) ?? str(attribution.displayName);
    const authorId = str(r.author_url) ?? str(attribution.uri);
    const publishedAt = toIsoDate(r.time ?? r.publishTime);
    const rating = toNumber(r.rating);
    mentions.push({
      externalId: str(r.name) ?? hashId("google", placeId, authorId ?? author, String(r.time ?? r.publishTime ?? "")),
      kind: "review",
      ...(placeUrl ? { url: placeUrl } : {}),
      text: text.trim(),
      ...(author || authorId
        ? { author: { ...(author ? { name: author } : {}), ...(authorId ? { id: authorId } : {}) } }
        : {}),
      ...(rating !== undefined ? { rating: { value: rating, best: 5, worst: 1 } } : {}),
      ...(lang ? { lang } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    });
  }
  const value = toNumber(place.rating);
  const count = toNumber(place.user_ratings_total ?? place.userRatingCount);
  const nameObj = place.displayName;
  const itemName = isObject(nameObj) ? str(nameObj.text) : legacy ? str(place.name) : undefined;
  const ratings = platformRating(value, count, itemName);
  const warnings = legacy && body.status !== "OK" ? [`Places API status ${String(body.status)}`] : [];
  return result("google-places", {
    mentions,
    ratings,
    warnings,
    ...(count !== undefined ? { paging: { total: count } } : {}),
    details: {
      status: legacy ? body.status : "OK",
      reviews: mentions.length,
      rating: value ?? null,
      user_ratings_total: count ?? null,
      placeId,
    },
  });
}
