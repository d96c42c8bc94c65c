import type { Adapter, RawMention } from "../types.ts";
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

/**
 * Reddit search (`/search.json`, or `/r/{sub}/search.json` with `options.subreddit`),
 * newest first, paged with `after` until a page holds only known posts.
 * With an OAuth token the oauth.reddit.com host is used.
 */
export const redditAdapter: Adapter = {
  kind: "reddit",
  async collect(source, state, ctx) {
    const query = source.query?.trim();
    if (!query) throw new ParseError("invalid_input", "a reddit source needs a query");
    const token = credential(ctx, "reddit", "accessToken");
    const base = apiBase(source, token ? "https://oauth.reddit.com" : "https://www.reddit.com");
    const sub = option(source, "subreddit");
    const path = sub ? `/r/${encodeURIComponent(sub)}/search.json` : "/search.json";
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const seen = seenIds(state);
    const since = typeof state.lastSeenAt === "string" ? state.lastSeenAt : undefined;
    const budget = pageBudget(ctx);
    const all: RawMention[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const url = withQuery(`${base}${path}`, {
        q: query,
        sort: "new",
        limit: 100,
        restrict_sr: sub ? "1" : undefined,
        after,
        raw_json: 1,
      });
      const { doc } = await fetchAndParse(ctx, { url, headers, ignoreRobots: Boolean(token) }, "reddit");
      pages++;
      if (!doc) break;
      all.push(...doc.mentions);
      after = doc.paging?.next;
      const fresh = onlyNew(doc.mentions, seen).filter((m) => !since || !m.publishedAt || m.publishedAt > since);
      if (fresh.length < doc.mentions.length) break;
    } while (after && pages < budget);
    const fresh = onlyNew(all, seen).filter((m) => !since || !m.publishedAt || m.publishedAt > since);
    return done(
      fresh,
      { lastSeenAt: latestDate(all, since), seenIds: rememberIds(all, seen) },
      coverage(all.length, undefined, "Reddit listings stop at about 1000 items"),
      after && pages >= budget ? { warnings: [`page budget (${budget}) reached; older posts not fetched`] } : {},
    );
  },
};
