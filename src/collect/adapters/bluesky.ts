import type { Adapter, CollectContext, RawMention, SourceSpec } from "../types.ts";
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

const PUBLIC_APPVIEW = "https://public.api.bsky.app";
const PDS = "https://bsky.social";

/** An app-password session (com.atproto.server.createSession); the password never leaves this call. */
async function session(
  ctx: CollectContext,
  source: SourceSpec,
): Promise<{ base: string; headers: Record<string, string> }> {
  const identifier = credential(ctx, "bluesky", "identifier");
  const password = credential(ctx, "bluesky", "appPassword");
  if (!identifier || !password) return { base: apiBase(source, PUBLIC_APPVIEW), headers: {} };
  const pds = apiBase(source, credential(ctx, "bluesky", "service") ?? PDS);
  const res = await ctx.fetcher.fetch({
    url: `${pds}/xrpc/com.atproto.server.createSession`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier, password }),
    ignoreRobots: true,
  });
  let jwt: unknown;
  try {
    jwt = (JSON.parse(new TextDecoder().decode(res.body)) as { accessJwt?: unknown }).accessJwt;
  } catch (err) {
    throw new ParseError("malformed_json", "createSession answered with invalid JSON", { cause: err });
  }
  if (typeof jwt !== "string") throw new ParseError("invalid_input", "createSession returned no accessJwt");
  return { base: pds, headers: { authorization: `Bearer ${jwt}` } };
}

function actorOf(source: SourceSpec): string | undefined {
  const m = source.url ? /bsky\.app\/profile\/([^/?#]+)/.exec(source.url) : null;
  return m?.[1] ?? option(source, "actor");
}

/**
 * Bluesky: `query` runs searchPosts (sort=latest, `since` = newest post seen),
 * a profile URL runs getAuthorFeed. Both page by cursor within the budget.
 */
export const blueskyAdapter: Adapter = {
  kind: "bluesky",
  async collect(source, state, ctx) {
    const actor = actorOf(source);
    const query = source.query?.trim();
    if (!actor && !query) throw new ParseError("invalid_input", "a bluesky source needs a query or a profile url");
    const { base, headers } = await session(ctx, source);
    const seen = seenIds(state);
    const since = typeof state.lastSeenAt === "string" ? state.lastSeenAt : undefined;
    const budget = pageBudget(ctx);
    const all: RawMention[] = [];
    let cursor: string | undefined;
    let reported: number | undefined;
    let pages = 0;
    do {
      const url = query
        ? withQuery(`${base}/xrpc/app.bsky.feed.searchPosts`, { q: query, sort: "latest", limit: 100, since, cursor })
        : withQuery(`${base}/xrpc/app.bsky.feed.getAuthorFeed`, { actor, limit: 100, cursor });
      const { doc } = await fetchAndParse(ctx, { url, headers, ignoreRobots: true }, "bluesky");
      pages++;
      if (!doc) break;
      reported ??= doc.paging?.total;
      all.push(...doc.mentions);
      cursor = doc.paging?.next;
      // An author feed has no `since`: stop at the first page with nothing new.
      if (!query && onlyNew(doc.mentions, seen).length < doc.mentions.length) break;
    } while (cursor && pages < budget);
    const fresh = onlyNew(all, seen).filter((m) => !since || !m.publishedAt || m.publishedAt > since);
    return done(
      fresh,
      { lastSeenAt: latestDate(all, since), seenIds: rememberIds(all, seen) },
      coverage(all.length, reported, query ? "searchPosts returns at most 100 posts per page" : undefined),
      cursor && pages >= budget ? { warnings: [`page budget (${budget}) reached; older posts not fetched`] } : {},
    );
  },
};
