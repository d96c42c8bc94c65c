import type { Adapter, AggregateRating, CollectContext, RawMention, SourceSpec } from "../types.ts";
import { ParseError } from "../types.ts";
import {
  apiBase,
  coverage,
  credential,
  done,
  fetchAndParse,
  latestDate,
  onlyNew,
  option,
  pageBudget,
  rememberIds,
  seenIds,
  withQuery,
} from "./shared.ts";

export function trustpilotDomainFrom(url: string | null | undefined): string | undefined {
  return url ? /trustpilot\.com\/review\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() : undefined;
}

async function businessUnitId(
  ctx: CollectContext,
  source: SourceSpec,
  base: string,
  key: string,
  domain?: string,
): Promise<string> {
  const id = option(source, "businessUnitId");
  if (id) return id;
  if (!domain)
    throw new ParseError(
      "invalid_input",
      "a trustpilot source needs options.businessUnitId or a trustpilot.com/review/<domain> url",
    );
  const res = await ctx.fetcher.fetch({
    url: withQuery(`${base}/v1/business-units/find`, { name: domain, apikey: key }),
    ignoreRobots: true,
  });
  try {
    const found = JSON.parse(new TextDecoder().decode(res.body)) as { id?: unknown };
    if (typeof found.id === "string") return found.id;
  } catch {
    /* reported below */
  }
  throw new ParseError("invalid_input", `no Trustpilot business unit for ${domain}`);
}

/**
 * Trustpilot: the Business Units API when an API key is configured, else the
 * public review page's `__NEXT_DATA__` (sorted by recency). Newest first,
 * paged until a page holds nothing new.
 */
export const trustpilotAdapter: Adapter = {
  kind: "trustpilot",
  async collect(source, state, ctx) {
    const domain = trustpilotDomainFrom(source.url) ?? source.query?.trim().toLowerCase();
    const key = credential(ctx, "trustpilot", "apiKey");
    const seen = seenIds(state);
    const since = typeof state.lastSeenAt === "string" ? state.lastSeenAt : undefined;
    const budget = pageBudget(ctx);
    const all: RawMention[] = [];
    const ratings: AggregateRating[] = [];
    let reported: number | undefined;
    let more = true;
    let page = 1;
    const base = key ? apiBase(source, "https://api.trustpilot.com") : apiBase(source, "https://www.trustpilot.com");
    const unit = key ? await businessUnitId(ctx, source, base, key, domain) : undefined;
    if (!key && !domain) throw new ParseError("invalid_input", "a trustpilot source needs a domain or review url");
    while (more && page <= budget) {
      const url = key
        ? withQuery(`${base}/v1/business-units/${unit}/reviews`, {
            apikey: key,
            orderBy: "createdat.desc",
            perPage: 100,
            page,
          })
        : withQuery(`${base}/review/${domain}`, { sort: "recency", page: page > 1 ? page : undefined });
      const { doc } = await fetchAndParse(ctx, { url, ignoreRobots: Boolean(key) }, key ? "trustpilot" : "web");
      page++;
      if (!doc || doc.mentions.length === 0) break;
      if (ratings.length === 0) ratings.push(...doc.ratings);
      reported ??= doc.paging?.total ?? doc.ratings[0]?.count;
      all.push(...doc.mentions);
      const fresh = onlyNew(doc.mentions, seen).filter((m) => !since || !m.publishedAt || m.publishedAt > since);
      more = fresh.length === doc.mentions.length;
    }
    const fresh = onlyNew(all, seen).filter((m) => !since || !m.publishedAt || m.publishedAt > since);
    return done(
      fresh,
      { lastSeenAt: latestDate(all, since), seenIds: rememberIds(all, seen) },
      coverage(all.length, reported),
      { ratings },
    );
  },
};
