import type { Adapter } from "../types.ts";
import { ParseError } from "../types.ts";
import {
  apiBase,
  coverage,
  done,
  fetchAndParse,
  onlyNew,
  option,
  rememberIds,
  requireCredential,
  seenIds,
  withQuery,
} from "./shared.ts";

export function placeIdFrom(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const m =
    /[?&]place_id=([A-Za-z0-9_-]{10,})/.exec(text) ??
    /[?&]query_place_id=([A-Za-z0-9_-]{10,})/.exec(text) ??
    /place_id:([A-Za-z0-9_-]{10,})/.exec(text);
  if (m) return m[1];
  return /^ChI[A-Za-z0-9_-]{10,}$/.test(text.trim()) ? text.trim() : undefined;
}

/** Google Place Details (legacy Places API): the 5 newest reviews plus the place's rating. */
export const googlePlacesAdapter: Adapter = {
  kind: "google-places",
  async collect(source, state, ctx) {
    const placeId = option(source, "placeId") ?? placeIdFrom(source.query) ?? placeIdFrom(source.url);
    if (!placeId) throw new ParseError("invalid_input", "a google-places source needs a place id");
    const key = requireCredential(ctx, "google-places", "apiKey");
    const base = apiBase(source, "https://maps.googleapis.com");
    const url = withQuery(`${base}/maps/api/place/details/json`, {
      place_id: placeId,
      fields: "name,rating,user_ratings_total,reviews,url",
      reviews_sort: "newest",
      language: option(source, "language"),
      key,
    });
    const { doc } = await fetchAndParse(ctx, { url, ignoreRobots: true }, "google-places");
    if (!doc) return { mentions: [], nextState: { ...state, notModified: true }, coverage: coverage(0) };
    const status = String(doc.details.status ?? "");
    if (status !== "OK") throw new ParseError("invalid_input", `Places API status ${status.slice(0, 40)}`);
    const seen = seenIds(state);
    return done(
      onlyNew(doc.mentions, seen),
      { seenIds: rememberIds(doc.mentions, seen) },
      coverage(doc.mentions.length, doc.paging?.total, "Places API: at most 5 reviews per place"),
      { ratings: doc.ratings, warnings: doc.warnings },
    );
  },
};
