import type { Adapter, SourceKind } from "../types.ts";
import { ParseError } from "../types.ts";
import { appstoreAdapter } from "./appstore.ts";
import { blueskyAdapter } from "./bluesky.ts";
import { feedAdapter } from "./feed.ts";
import { googlePlacesAdapter } from "./google-places.ts";
import { hackernewsAdapter } from "./hackernews.ts";
import { importAdapter } from "./import.ts";
import { mastodonAdapter } from "./mastodon.ts";
import { redditAdapter } from "./reddit.ts";
import { tripadvisorAdapter } from "./tripadvisor.ts";
import { trustpilotAdapter } from "./trustpilot.ts";
import { webAdapter } from "./web.ts";
import { yelpAdapter } from "./yelp.ts";

export const ADAPTERS: Record<SourceKind, Adapter> = {
  web: webAdapter,
  feed: feedAdapter,
  mastodon: mastodonAdapter,
  bluesky: blueskyAdapter,
  hackernews: hackernewsAdapter,
  reddit: redditAdapter,
  appstore: appstoreAdapter,
  "google-places": googlePlacesAdapter,
  trustpilot: trustpilotAdapter,
  yelp: yelpAdapter,
  tripadvisor: tripadvisorAdapter,
  import: importAdapter,
};

export function getAdapter(kind: SourceKind): Adapter {
  const adapter = (ADAPTERS as Record<string, Adapter | undefined>)[kind];
  if (!adapter) throw new ParseError("unsupported_format", `no adapter for source kind "${String(kind).slice(0, 40)}"`);
  return adapter;
}

export { APPSTORE_MAX_PAGES, appStoreTarget } from "./appstore.ts";
export { placeIdFrom } from "./google-places.ts";
export { DEFAULT_MAX_PAGES } from "./shared.ts";
export { tripadvisorLocationFrom } from "./tripadvisor.ts";
export { trustpilotDomainFrom } from "./trustpilot.ts";
export { yelpAliasFrom } from "./yelp.ts";
export {
  appstoreAdapter,
  blueskyAdapter,
  feedAdapter,
  googlePlacesAdapter,
  hackernewsAdapter,
  importAdapter,
  mastodonAdapter,
  redditAdapter,
  tripadvisorAdapter,
  trustpilotAdapter,
  webAdapter,
  yelpAdapter,
};
