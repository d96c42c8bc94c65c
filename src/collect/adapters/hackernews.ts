import type { Adapter, RawMention } from "../types.ts";
import { ParseError } from "../types.ts";
import {
  apiBase,
  coverage,
  done,
  fetchAndParse,
  onlyNew,
  option,
  pageBudget,
  rememberIds,
  seenIds,
  withQuery,
} from "./shared.ts";

/**
 * Hacker News through Algolia's `search_by_date`, stories and comments newer
 * than the last run (`numericFilters=created_at_i>…`).
 */
export const hackernewsAdapter: Adapter = {
  kind: "hackernews",
  async collect(source, state, ctx) {
    const query = source.query?.trim();
    if (!query) throw new ParseError("invalid_input", "a hackernews source needs a query");
    const base = apiBase(source, "https://hn.algolia.com");
    const since = typeof state.lastCreatedAt === "number" ? state.lastCreatedAt : undefined;
    const seen = seenIds(state);
    const budget = pageBudget(ctx);
    const all: RawMention[] = [];
    let reported: number | undefined;
    let page = 0;
    let more = true;
    while (more && page < budget) {
      const url = withQuery(`${base}/api/v1/search_by_date`, {
        query,
        tags: option(source, "tags") ?? "(story,comment)",
        hitsPerPage: 100,
        page,
        numericFilters: since !== undefined ? `created_at_i>${since}` : undefined,
      });
      const { doc } = await fetchAndParse(ctx, { url, ignoreRobots: true }, "hackernews");
      page++;
      if (!doc) break;
      reported ??= doc.paging?.total;
      all.push(...doc.mentions);
      more = doc.paging?.next !== undefined;
    }
    let newest = since;
    for (const m of all) {
      const t = m.publishedAt ? Math.floor(Date.parse(m.publishedAt) / 1000) : undefined;
      if (t !== undefined && (newest === undefined || t > newest)) newest = t;
    }
    return done(
      onlyNew(all, seen),
      { lastCreatedAt: newest, seenIds: rememberIds(all, seen) },
      coverage(all.length, reported, "Algolia returns at most 1000 hits per query"),
      more ? { warnings: [`page budget (${budget}) reached; older items not fetched`] } : {},
    );
  },
};
