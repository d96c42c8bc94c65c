import type { Adapter, AggregateRating, RawMention } from "../types.ts";
import { ParseError } from "../types.ts";
import { coverage, done, fetchAndParse, onlyNew, pageBudget, rememberIds, seenIds } from "./shared.ts";

/**
 * A web page with schema.org reviews. The first page is fetched conditionally;
 * `<link rel="next">` pages follow within the page budget. Only reviews not seen
 * before are returned; the aggregate rating is returned on every run.
 */
export const webAdapter: Adapter = {
  kind: "web",
  async collect(source, state, ctx) {
    if (!source.url) throw new ParseError("invalid_input", "a web source needs a url");
    const seen = seenIds(state);
    const budget = pageBudget(ctx);
    const first = await fetchAndParse(
      ctx,
      {
        url: source.url,
        ...(typeof state.etag === "string" ? { etag: state.etag } : {}),
        ...(typeof state.lastModified === "string" ? { lastModified: state.lastModified } : {}),
      },
      "web",
    );
    if (!first.doc) return { mentions: [], nextState: { ...state, notModified: true }, coverage: coverage(0) };
    const all: RawMention[] = [...first.doc.mentions];
    const ratings: AggregateRating[] = [...first.doc.ratings];
    const warnings = [...(first.doc.warnings ?? [])];
    const visited = new Set([source.url, first.res.url]);
    const origin = new URL(first.res.url).origin;
    // Only same-site pagination: a rel=next to another host is not this source.
    const sameSite = (u: string | undefined) => (u && new URL(u).origin === origin ? u : undefined);
    let next = sameSite(first.doc.paging?.next);
    let pages = 1;
    while (next && pages < budget && !visited.has(next)) {
      visited.add(next);
      let page: Awaited<ReturnType<typeof fetchAndParse>>;
      try {
        page = await fetchAndParse(ctx, { url: next }, "web");
      } catch (err) {
        // The first page succeeded; a failing later page is reported, not fatal.
        warnings.push(`next page not read: ${(err as { code?: string }).code ?? (err as Error).message}`);
        break;
      }
      pages++;
      if (!page.doc) break;
      const fresh = onlyNew(page.doc.mentions, seen);
      all.push(...page.doc.mentions);
      // Reviews are usually newest first: a page with nothing new means the rest is known.
      if (fresh.length === 0) break;
      next = sameSite(page.doc.paging?.next);
    }
    if (next && pages >= budget && !visited.has(next))
      warnings.push(`page budget (${budget}) reached before the last page`);
    const fresh = onlyNew(all, seen);
    const reported = ratings.find((r) => r.count !== undefined)?.count;
    return done(
      fresh,
      {
        etag: first.res.etag,
        lastModified: first.res.lastModified,
        seenIds: rememberIds(all, seen),
        pages,
      },
      coverage(all.length, reported),
      { ratings, warnings },
    );
  },
};
