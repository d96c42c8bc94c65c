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

export function tripadvisorLocationFrom(url: string | null | undefined): string | undefined {
  return url ? /-d(\d+)(?:-|\.html|$)/.exec(url)?.[1] : undefined;
}

/** Tripadvisor Content API: location details (rating, count) and the 5 most recent reviews. */
export const tripadvisorAdapter: Adapter = {
  kind: "tripadvisor",
  async collect(source, state, ctx) {
    const locationId =
      option(source, "locationId") ??
      tripadvisorLocationFrom(source.url) ??
      (/^\d+$/.test(source.query ?? "") ? (source.query as string) : undefined);
    if (!locationId) throw new ParseError("invalid_input", "a tripadvisor source needs a location id");
    const key = requireCredential(ctx, "tripadvisor", "apiKey");
    const base = apiBase(source, "https://api.content.tripadvisor.com");
    const language = option(source, "language") ?? "en";
    const details = await fetchAndParse(
      ctx,
      { url: withQuery(`${base}/api/v1/location/${locationId}/details`, { key, language }), ignoreRobots: true },
      "tripadvisor",
    );
    const reviews = await fetchAndParse(
      ctx,
      { url: withQuery(`${base}/api/v1/location/${locationId}/reviews`, { key, language }), ignoreRobots: true },
      "tripadvisor",
    );
    const seen = seenIds(state);
    const mentions = reviews.doc?.mentions ?? [];
    return done(
      onlyNew(mentions, seen),
      { seenIds: rememberIds(mentions, seen) },
      coverage(
        mentions.length,
        details.doc?.paging?.total,
        "Tripadvisor Content API: 5 most recent reviews per language",
      ),
      { ratings: details.doc?.ratings ?? [] },
    );
  },
};
