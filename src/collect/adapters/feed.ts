import type { Adapter } from "../types.ts";
import { ParseError } from "../types.ts";
import { coverage, done, fetchAndParse, latestDate, onlyNew, rememberIds, seenIds } from "./shared.ts";

/**
 * RSS/Atom/JSON Feed. Conditional GET with the ETag/Last-Modified kept in the
 * state: a 304 yields no mentions and keeps the state (with `notModified`).
 * A feed only shows its latest items, so coverage is what the feed shows.
 */
export const feedAdapter: Adapter = {
  kind: "feed",
  async collect(source, state, ctx) {
    if (!source.url) throw new ParseError("invalid_input", "a feed source needs a url");
    const { res, doc } = await fetchAndParse(
      ctx,
      {
        url: source.url,
        ...(typeof state.etag === "string" ? { etag: state.etag } : {}),
        ...(typeof state.lastModified === "string" ? { lastModified: state.lastModified } : {}),
      },
      "feed",
    );
    if (!doc) return { mentions: [], nextState: { ...state, notModified: true }, coverage: coverage(0) };
    const seen = seenIds(state);
    const fresh = onlyNew(doc.mentions, seen);
    return done(
      fresh,
      {
        etag: res.etag ?? (typeof state.etag === "string" ? state.etag : undefined),
        lastModified: res.lastModified ?? (typeof state.lastModified === "string" ? state.lastModified : undefined),
        seenIds: rememberIds(doc.mentions, seen),
        lastSeenAt: latestDate(doc.mentions, state.lastSeenAt),
        format: doc.format,
      },
      coverage(doc.mentions.length, undefined, "a feed lists only its most recent items"),
      { warnings: doc.warnings },
    );
  },
};
