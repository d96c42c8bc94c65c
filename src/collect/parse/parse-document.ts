import { importReviews } from "../import/import-reviews.ts";
import type { SourceKind } from "../types.ts";
import { ParseError } from "../types.ts";
import { isAppStoreFeed, parseAppStore } from "./api/appstore.ts";
import { isBluesky, parseBluesky } from "./api/bluesky.ts";
import { isGooglePlaces, parseGooglePlaces } from "./api/google-places.ts";
import { isHnSearch, parseHn } from "./api/hn.ts";
import { isMastodonStatus, parseMastodon } from "./api/mastodon.ts";
import { isReddit, parseReddit } from "./api/reddit.ts";
import { isTripadvisor, parseTripadvisor } from "./api/tripadvisor.ts";
import { parseTrustpilot } from "./api/trustpilot.ts";
import { isYelp, parseYelp } from "./api/yelp.ts";
import { decodeBody, MAX_DECODED_BYTES } from "./decode.ts";
import { isJsonFeed, parseJsonFeed } from "./feed/json-feed.ts";
import { parseXmlFeed } from "./feed/xml-feed.ts";
import { parseHtml } from "./html/parse-html.ts";
import { type ParseResult, result } from "./result.ts";
import { isFeedRoot, sniff } from "./sniff.ts";
import { isObject } from "./util.ts";

export interface ParseInput {
  body: Uint8Array;
  url: string;
  contentType?: string;
  kind?: SourceKind;
}

type JsonParser = (v: unknown, url?: string) => ParseResult;

const JSON_BY_KIND: Partial<Record<SourceKind, JsonParser>> = {
  mastodon: parseMastodon,
  bluesky: parseBluesky,
  reddit: parseReddit,
  hackernews: parseHn,
  appstore: parseAppStore,
  "google-places": parseGooglePlaces,
  trustpilot: parseTrustpilot,
  yelp: parseYelp,
  tripadvisor: parseTripadvisor,
  feed: parseJsonFeed,
};

function isTrustpilot(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.reviews)) return false;
  const r = v.reviews[0];
  return isObject(r) && "stars" in r && "consumer" in r;
}

/** Order matters: the more specific shapes first. */
const JSON_DETECTORS: Array<[(v: unknown) => boolean, JsonParser]> = [
  [isJsonFeed, parseJsonFeed],
  [isReddit, parseReddit],
  [isBluesky, parseBluesky],
  [isHnSearch, parseHn],
  [isAppStoreFeed, parseAppStore],
  [isGooglePlaces, parseGooglePlaces],
  [isYelp, parseYelp],
  [isTripadvisor, parseTripadvisor],
  [isTrustpilot, parseTrustpilot],
  [
    (v) =>
      isMastodonStatus(v) ||
      // An empty array is read as an empty Mastodon timeline: no other supported API answers with a bare array.
      (Array.isArray(v) && (v.length === 0 || isMastodonStatus(v[0]) || (isObject(v[0]) && "history" in v[0]))) ||
      (isObject(v) && typeof v.event === "string" && "payload" in v) ||
      (isObject(v) && Array.isArray(v.statuses) && Array.isArray(v.accounts)),
    parseMastodon,
  ],
];

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ParseError("malformed_json", `invalid JSON: ${(err as Error).message.slice(0, 120)}`, { cause: err });
  }
}

function isHtmlRoot(root: string): boolean {
  return root === "html" || root === "head" || root === "body";
}

function looksLikeFeedRequest(url: string, contentType?: string): boolean {
  return /(xml|rss|atom|rdf)/i.test(contentType ?? "") || /\.(xml|rss|atom|rdf)(?:[?#]|$)/i.test(url);
}

function parseImportKind(input: ParseInput): ParseResult {
  const report = importReviews({ body: input.body, contentType: input.contentType, filename: input.url });
  return result(report.format, {
    mentions: report.mentions,
    warnings: report.rejected.map((r) => `row ${r.row}: ${r.reason}`),
    details: { total: report.total, rejected: report.rejected, mapping: report.mapping },
  });
}

/**
 * Bytes of a fetched document to mentions and ratings. With `kind`, the parser
 * for that source is used; without it the format is detected from the content
 * (and the content type or URL only to tell a broken feed from a web page).
 * Every failure is a ParseError with a code; unknown input is never an empty success.
 */
export function parseDocument(input: ParseInput): ParseResult {
  if (input.body.length > MAX_DECODED_BYTES) throw new ParseError("too_large", "document exceeds the parse size cap");
  if (input.kind === "import") return parseImportKind(input);
  const decoded = decodeBody(input.body, input.contentType);
  const out = dispatch(decoded.text, input);
  out.encoding = decoded.encoding;
  if (decoded.warnings.length > 0) out.warnings = [...decoded.warnings, ...(out.warnings ?? [])];
  if (decoded.gzipped) out.details.gzipped = true;
  return out;
}

function dispatch(text: string, input: ParseInput): ParseResult {
  const { kind, url, contentType } = input;
  const s = sniff(text);
  if (s.type === "empty") throw new ParseError("empty_document", "the document is empty");
  if (kind === "web") {
    if (s.type === "json") throw new ParseError("unsupported_format", "expected an HTML page, got JSON");
    return parseHtml(text, url);
  }
  if (kind === "feed") {
    if (s.type === "json") return parseJsonFeed(parseJsonText(text.trim()), url);
    return parseXmlFeed(text, url);
  }
  if (kind) {
    const parser = JSON_BY_KIND[kind];
    if (!parser) throw new ParseError("unsupported_format", `no document parser for source kind ${kind}`);
    if (s.type !== "json") throw new ParseError("malformed_json", `expected a JSON API response for ${kind}`);
    return parser(parseJsonText(text.trim()), url);
  }
  if (s.type === "json") {
    const v = parseJsonText(text.trim());
    for (const [test, parse] of JSON_DETECTORS) if (test(v)) return parse(v, url);
    throw new ParseError("unsupported_format", "JSON document of an unknown shape");
  }
  if (s.type === "markup") {
    if (isFeedRoot(s.root)) return parseXmlFeed(text, url);
    if (!/html/i.test(contentType ?? "") && looksLikeFeedRequest(url, contentType)) {
      try {
        return parseXmlFeed(text, url);
      } catch (err) {
        if (!(err instanceof ParseError) || err.code !== "not_a_feed" || !isHtmlRoot(s.root)) throw err;
        // Served as a feed but it is a page: only worth returning if it carries reviews.
        const page = parseHtml(text, url);
        if (page.ratings.length === 0 && page.mentions.length === 0) throw err;
        return page;
      }
    }
    return parseHtml(text, url);
  }
  if (/html/i.test(contentType ?? "") && /<[a-zA-Z]/.test(text)) return parseHtml(text, url);
  if (/csv/i.test(contentType ?? "") || /\.csv(?:[?#]|$)/i.test(url)) return parseImportKind(input);
  throw new ParseError(
    looksLikeFeedRequest(url, contentType) ? "not_a_feed" : "unsupported_format",
    "the document is neither markup nor JSON",
  );
}
