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
} from "./shared.ts";

export function yelpAliasFrom(url: string | null | undefined): string | undefined {
  return url ? /yelp\.[a-z.]+\/biz\/([^/?#]+)/i.exec(url)?.[1] : undefined;
}

/** Yelp Fusion: the business (rating, review count) and its review excerpts (3 at most). */
export const yelpAdapter: Adapter = {
  kind: "yelp",
  async collect(source, state, ctx) {
    const alias = option(source, "alias") ?? yelpAliasFrom(source.url) ?? source.query?.trim();
    if (!alias) throw new ParseError("invalid_input", "a yelp source needs a business alias or url");
    const key = requireCredential(ctx, "yelp", "apiKey");
    const base = apiBase(source, "https://api.yelp.com");
    const headers = { authorization: `Bearer ${key}` };
    const biz = await fetchAndParse(
      ctx,
      { url: `${base}/v3/businesses/${encodeURIComponent(alias)}`, headers, ignoreRobots: true },
      "yelp",
    );
    const reviews = await fetchAndParse(
      ctx,
      {
        url: `${base}/v3/businesses/${encodeURIComponent(alias)}/reviews?sort_by=newest&limit=50`,
        headers,
        ignoreRobots: true,
      },
      "yelp",
    );
    const seen = seenIds(state);
    const mentions = reviews.doc?.mentions ?? [];
    return done(
      onlyNew(mentions, seen),
      { seenIds: rememberIds(mentions, seen) },
      coverage(
        mentions.length,
        biz.doc?.paging?.total ?? reviews.doc?.paging?.total,
        "Yelp Fusion: 3 review excerpts per business",
      ),
      { ratings: biz.doc?.ratings ?? [] },
    );
  },
};
