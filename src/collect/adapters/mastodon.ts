import type { Adapter, RawMention } from "../types.ts";
import { ParseError } from "../types.ts";
import {
  coverage,
  credential,
  done,
  fetchAndParse,
  onlyNew,
  option,
  pageBudget,
  rememberIds,
  seenIds,
  withQuery,
} from "./shared.ts";

const PAGE_SIZE = 40;

/**
 * Mastodon-API servers (Mastodon, Pleroma, Akkoma). `url` is the instance;
 * `query` is a `#hashtag` (tag timeline, incremental with `since_id`) or
 * search terms (v2 search, needs an access token on most servers, paged by
 * offset and filtered against seen ids). Ids are opaque strings.
 */
export const mastodonAdapter: Adapter = {
  kind: "mastodon",
  async collect(source, state, ctx) {
    const instance = (source.url ?? option(source, "instance"))?.replace(/\/+$/, "");
    const query = (source.query ?? option(source, "hashtag") ?? "").trim();
    if (!instance || !query)
      throw new ParseError("invalid_input", "a mastodon source needs an instance url and a query");
    const token = credential(ctx, "mastodon", "accessToken");
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const budget = pageBudget(ctx);
    const seen = seenIds(state);
    const all: RawMention[] = [];
    const warnings: string[] = [];
    const tag = query.startsWith("#") ? query.slice(1) : option(source, "hashtag") ? query : undefined;
    const sinceId = typeof state.sinceId === "string" ? state.sinceId : undefined;
    let newestId: string | undefined;
    let maxId: string | undefined;
    let pages = 0;
    let exhausted = false;
    while (pages < budget) {
      const url = tag
        ? withQuery(`${instance}/api/v1/timelines/tag/${encodeURIComponent(tag)}`, {
            limit: PAGE_SIZE,
            since_id: sinceId,
            max_id: maxId,
          })
        : withQuery(`${instance}/api/v2/search`, {
            q: query,
            type: "statuses",
            limit: PAGE_SIZE,
            offset: pages * PAGE_SIZE,
            resolve: "false",
          });
      const { doc } = await fetchAndParse(ctx, { url, headers, ignoreRobots: true }, "mastodon");
      pages++;
      const count = Number(doc?.details.statuses ?? 0);
      const mentions = doc?.mentions ?? [];
      if (!newestId && doc && typeof doc.details.id === "string") newestId = doc.details.id;
      all.push(...mentions);
      if (count < PAGE_SIZE) {
        exhausted = true;
        break;
      }
      if (!tag && onlyNew(mentions, seen).length === 0) {
        exhausted = true;
        break;
      }
      maxId = doc?.paging?.next;
    }
    if (!exhausted) warnings.push(`page budget (${budget}) reached; older posts left for the next run`);
    const fresh = onlyNew(all, seen);
    return done(
      fresh,
      {
        sinceId: tag && exhausted ? (newestId ?? sinceId) : (sinceId ?? newestId),
        seenIds: rememberIds(all, seen),
        mode: tag ? "tag" : "search",
      },
      coverage(
        all.length,
        undefined,
        tag ? undefined : "v2 search pages through at most the server's indexed statuses",
      ),
      { warnings },
    );
  },
};
