import type { Adapter, RawMention } from "../types.ts";
import { ParseError } from "../types.ts";
import {
  apiBase,
  coverage,
  done,
  fetchAndParse,
  latestDate,
  onlyNew,
  option,
  pageBudget,
  rememberIds,
  seenIds,
} from "./shared.ts";

/** Apple serves at most 10 pages of 50 reviews per app and storefront. */
export const APPSTORE_MAX_PAGES = 10;

export function appStoreTarget(source: {
  url?: string | null;
  query?: string | null;
  options?: Record<string, unknown>;
}): { id?: string; country: string } {
  const fromUrl = source.url
    ? (/apps\.apple\.com\/([a-z]{2})\/.*?\/id(\d+)/i.exec(source.url) ?? /\/id(\d+)/.exec(source.url))
    : null;
  const idOpt = source.options?.appId;
  const id =
    (typeof idOpt === "string" || typeof idOpt === "number" ? String(idOpt) : undefined) ??
    (fromUrl ? fromUrl[fromUrl.length - 1] : undefined) ??
    (/^\d+$/.test(source.query ?? "") ? (source.query as string) : undefined);
  const countryOpt = source.options?.country;
  const country = (
    typeof countryOpt === "string" ? countryOpt : fromUrl && fromUrl.length > 2 ? fromUrl[1] : "us"
  ) as string;
  return { id, country: country.toLowerCase() };
}

/**
 * App Store customer reviews from Apple's public JSON feed, most recent first,
 * page by page until a page holds nothing new, within the budget and Apple's cap.
 */
export const appstoreAdapter: Adapter = {
  kind: "appstore",
  async collect(source, state, ctx) {
    const { id, country } = appStoreTarget(source);
    if (!id)
      throw new ParseError(
        "invalid_input",
        "an appstore source needs an app id (options.appId or an apps.apple.com url)",
      );
    const base = apiBase(source, "https://itunes.apple.com");
    const seen = seenIds(state);
    const since = typeof state.lastSeenAt === "string" ? state.lastSeenAt : undefined;
    const limit = Math.min(APPSTORE_MAX_PAGES, pageBudget(ctx));
    const all: RawMention[] = [];
    let page = 1;
    let more = true;
    while (more && page <= limit) {
      const url = `${base}/${encodeURIComponent(option(source, "country") ?? country)}/rss/customerreviews/page=${page}/id=${id}/sortby=mostrecent/json`;
      const { doc } = await fetchAndParse(ctx, { url, ignoreRobots: true }, "appstore");
      page++;
      if (!doc || doc.mentions.length === 0) break;
      all.push(...doc.mentions);
      const fresh = onlyNew(doc.mentions, seen).filter((m) => !since || !m.publishedAt || m.publishedAt > since);
      more = doc.paging?.next !== undefined && fresh.length === doc.mentions.length;
    }
    const fresh = onlyNew(all, seen).filter((m) => !since || !m.publishedAt || m.publishedAt > since);
    return done(
      fresh,
      { lastSeenAt: latestDate(all, since), seenIds: rememberIds(all, seen) },
      coverage(all.length, undefined, "App Store feed: 10 pages of 50 reviews (the 500 most recent) per country"),
      more && page > limit ? { warnings: [`page budget (${limit}) reached`] } : {},
    );
  },
};
