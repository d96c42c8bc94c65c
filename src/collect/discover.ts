import { load } from "cheerio";
import { appStoreTarget } from "./adapters/appstore.ts";
import { placeIdFrom } from "./adapters/google-places.ts";
import { tripadvisorLocationFrom } from "./adapters/tripadvisor.ts";
import { trustpilotDomainFrom } from "./adapters/trustpilot.ts";
import { yelpAliasFrom } from "./adapters/yelp.ts";
import { decodeBody } from "./parse/decode.ts";
import { extractStructuredData } from "./parse/html/structured.ts";
import { isFeedRoot, sniff } from "./parse/sniff.ts";
import { resolveUrl, uniqueBy } from "./parse/util.ts";
import type { Fetcher, SourceKind } from "./types.ts";
import { ParseError } from "./types.ts";

export interface ProposedSource {
  kind: SourceKind;
  url?: string;
  query?: string;
  options?: Record<string, unknown>;
  reason: string;
  /** high: review data seen or a platform id found; low: a search guessed from the domain. */
  confidence: "high" | "medium" | "low";
}

export interface DiscoveryResult {
  url: string;
  sources: ProposedSource[];
  warnings: string[];
}

const FEED_TYPES =
  /^(application\/(rss|atom|rdf)\+xml|application\/feed\+json|application\/json|text\/xml|application\/xml)$/i;
const NOT_MASTODON =
  /(^|\.)(medium\.com|youtube\.com|tiktok\.com|threads\.net|threads\.com|substack\.com|flickr\.com|vimeo\.com)$/i;

/** Platform identifiers in one URL (a link on the page or the page itself). */
export function platformSourcesFromUrl(raw: string): ProposedSource[] {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return [];
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const href = u.toString();
  const out: ProposedSource[] = [];
  if (host.endsWith("apps.apple.com") || host === "itunes.apple.com") {
    const { id, country } = appStoreTarget({ url: href });
    if (id)
      out.push({
        kind: "appstore",
        url: href,
        options: { appId: id, country },
        reason: `App Store app id ${id}`,
        confidence: "high",
      });
  }
  const tp = host.endsWith("trustpilot.com") ? trustpilotDomainFrom(href) : undefined;
  if (tp)
    out.push({
      kind: "trustpilot",
      url: `https://www.trustpilot.com/review/${tp}`,
      query: tp,
      reason: `Trustpilot page for ${tp}`,
      confidence: "high",
    });
  const isGoogle = /(^|\.)google\.[a-z.]+$/.test(host) || host === "goo.gl" || host === "maps.app.goo.gl";
  const place = isGoogle || host.endsWith("googleapis.com") ? placeIdFrom(href) : undefined;
  if (place)
    out.push({
      kind: "google-places",
      query: place,
      options: { placeId: place },
      reason: `Google place id ${place}`,
      confidence: "high",
    });
  const alias = /(^|\.)yelp\.[a-z.]+$/.test(host) ? yelpAliasFrom(href) : undefined;
  if (alias)
    out.push({ kind: "yelp", url: href, options: { alias }, reason: `Yelp business ${alias}`, confidence: "high" });
  const loc = host.includes("tripadvisor.") ? tripadvisorLocationFrom(u.pathname) : undefined;
  if (loc)
    out.push({
      kind: "tripadvisor",
      url: href,
      options: { locationId: loc },
      reason: `Tripadvisor location ${loc}`,
      confidence: "high",
    });
  if (host === "bsky.app") {
    const handle = /^\/profile\/([^/]+)\/?$/.exec(u.pathname)?.[1];
    if (handle)
      out.push({
        kind: "bluesky",
        url: `https://bsky.app/profile/${handle}`,
        query: handle,
        reason: `Bluesky profile ${handle}`,
        confidence: "medium",
      });
  }
  const masto = /^\/@([\w.]+)\/?$/.exec(u.pathname);
  if (masto && !NOT_MASTODON.test(host) && host !== "bsky.app") {
    out.push({
      kind: "mastodon",
      url: `${u.protocol}//${u.host}`,
      query: `@${masto[1]}@${u.host}`,
      reason: `Mastodon-style profile @${masto[1]}@${u.host}`,
      confidence: "medium",
    });
  }
  if (host === "reddit.com" || host.endsWith(".reddit.com")) {
    const sub = /^\/r\/([\w]+)/.exec(u.pathname)?.[1];
    if (sub)
      out.push({
        kind: "reddit",
        url: href,
        options: { subreddit: sub },
        reason: `subreddit r/${sub}`,
        confidence: "medium",
      });
  }
  return out;
}

function key(s: ProposedSource): string {
  return `${s.kind}|${s.url ?? ""}|${s.query ?? ""}`;
}

/**
 * Sources worth monitoring for a page whose bytes are already fetched: review
 * markup on the page itself, advertised feeds, platform profiles it links to,
 * and searches by domain. Pure: no network.
 */
export function discoverSources(input: { url: string; body: Uint8Array; contentType?: string }): DiscoveryResult {
  const warnings: string[] = [];
  const found: ProposedSource[] = [...platformSourcesFromUrl(input.url)];
  let text = "";
  try {
    text = decodeBody(input.body, input.contentType).text;
  } catch (err) {
    warnings.push(err instanceof ParseError ? `${err.code}: ${err.message}` : "page could not be decoded");
  }
  const s = sniff(text);
  if (s.type === "markup" && isFeedRoot(s.root)) {
    found.push({ kind: "feed", url: input.url, reason: `the URL is a feed (<${s.root}>)`, confidence: "high" });
  } else if (s.type === "markup") {
    const sd = extractStructuredData(text, input.url);
    for (const w of sd.warnings) warnings.push(w);
    if (sd.ratings.length > 0 || sd.mentions.length > 0) {
      const r = sd.ratings[0];
      const what = r
        ? `rating ${r.value}/${r.best}${r.count !== undefined ? ` from ${r.count} reviews` : ""}`
        : `${sd.mentions.length} reviews`;
      found.push({
        kind: "web",
        url: input.url,
        reason: `schema.org review markup (${sd.syntaxesFound.join(", ")}): ${what}`,
        confidence: "high",
      });
    }
    const $ = load(text);
    $("link[rel~='alternate'][href], link[rel~='feed'][href]").each((_, el) => {
      const type = ($(el).attr("type") ?? "").trim();
      if (type && !FEED_TYPES.test(type)) return;
      if (!type && !/rss|atom|feed/i.test($(el).attr("href") ?? "")) return;
      const href = resolveUrl($(el).attr("href"), input.url);
      if (href)
        found.push({
          kind: "feed",
          url: href,
          reason: `feed advertised by <link rel="alternate"${type ? ` type="${type}"` : ""}>`,
          confidence: "high",
        });
    });
    const links = new Set<string>();
    $("a[href], link[href], iframe[src]").each((_, el) => {
      const href = resolveUrl($(el).attr("href") ?? $(el).attr("src"), input.url);
      if (href && links.size < 5000) links.add(href);
    });
    for (const l of links) found.push(...platformSourcesFromUrl(l));
  }
  let host: string | undefined;
  try {
    host = new URL(input.url).hostname.replace(/^www\./, "");
  } catch {
    warnings.push("invalid page url");
  }
  const isPlatform = found.some((f) => f.url === input.url && f.kind !== "web" && f.kind !== "feed");
  if (host && !isPlatform && !/^(\d+\.){3}\d+$/.test(host) && host !== "localhost") {
    found.push({ kind: "hackernews", query: host, reason: `mentions of ${host} on Hacker News`, confidence: "low" });
    found.push({ kind: "reddit", query: host, reason: `mentions of ${host} on Reddit`, confidence: "low" });
  }
  const sources = uniqueBy(found, key);
  return { url: input.url, sources, warnings };
}

/** Fetches the page through the fetch layer, then discovers; a failed fetch still returns URL-based proposals. */
export async function discoverSourcesFromUrl(fetcher: Fetcher, url: string): Promise<DiscoveryResult> {
  try {
    const res = await fetcher.fetch({ url });
    return discoverSources({
      url: res.url,
      body: res.body,
      contentType: res.contentType ?? res.headers["content-type"],
    });
  } catch (err) {
    const out = discoverSources({ url, body: new Uint8Array() });
    const code = (err as { code?: unknown }).code;
    out.warnings.unshift(`page not fetched${typeof code === "string" ? ` (${code})` : ""}`);
    return out;
  }
}
