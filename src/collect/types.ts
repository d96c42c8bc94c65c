/**
 * Shared shapes of the collect layer. Adapters never touch the database: they
 * take a source and its state and give back mentions and the next state.
 */
export const SOURCE_KINDS = [
  "web", // a web page with schema.org Review / AggregateRating markup
  "feed", // RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed
  "mastodon",
  "bluesky",
  "hackernews",
  "reddit",
  "appstore",
  "google-places",
  "trustpilot",
  "yelp",
  "tripadvisor",
  "import", // CSV / JSON export of reviews
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const MENTION_KINDS = ["review", "post", "article", "comment"] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface RatingValue {
  value: number;
  best: number;
  worst: number;
}

export interface RawMention {
  /** Stable id within the source (guid, review id, status id; else a content hash). */
  externalId: string;
  kind: MentionKind;
  url?: string;
  title?: string;
  /** Plain text: HTML stripped, entities decoded. */
  text: string;
  author?: { name?: string; id?: string };
  rating?: RatingValue;
  lang?: string;
  publishedAt?: string;
  updatedAt?: string;
  experiencedAt?: string;
  /** The owner's public answer, where the source shows it. */
  reply?: { text: string; at?: string };
  engagement?: { likes?: number; shares?: number; replies?: number };
}

export interface AggregateRating extends RatingValue {
  count?: number;
  itemName?: string;
}

export interface ParsedDocument {
  /** e.g. 'jsonld+microdata', 'rss20', 'atom10', 'jsonfeed', 'mastodon', 'bluesky', 'reddit', 'hn', 'appstore', 'google-places' */
  format: string;
  ratings: AggregateRating[];
  mentions: RawMention[];
  /** Non-fatal problems met while parsing (an invalid JSON-LD block, a recovered feed). */
  warnings?: string[];
  /** Pagination hints the adapters use (next cursor, total the source reports). */
  paging?: { next?: string; total?: number };
}

export const PARSE_ERROR_CODES = [
  "malformed_xml",
  "malformed_json",
  "not_a_feed",
  "unsupported_format",
  "unsupported_encoding",
  "empty_document",
  "too_large",
  "invalid_input",
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export class ParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ParseError";
  }
}

/** What a source looks like to an adapter (a subset of the stored row). */
export interface SourceSpec {
  id: string;
  kind: SourceKind;
  url?: string | null;
  query?: string | null;
  /** Adapter options: API keys come from configuration, never from here. */
  options?: Record<string, unknown>;
}

/** Opaque per-source state kept between runs: cursors, ETags, last-seen ids. */
export type SourceState = Record<string, unknown>;

export interface Coverage {
  /** Mentions seen in this run. */
  seen: number;
  /** What the source says exists, when it says so. */
  reported?: number;
  /** A platform cap ("the App Store feed returns at most 500 reviews"). */
  cap?: string;
}

export interface CollectResult {
  mentions: RawMention[];
  nextState: SourceState;
  coverage: Coverage;
  ratings?: AggregateRating[];
  warnings?: string[];
}

/** One outbound HTTP request through the fetch layer (src/collect/fetch). */
export interface FetchRequest {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Conditional request validators kept in the source state. */
  etag?: string;
  lastModified?: string;
  /** Overrides the configured body cap for this request (bytes, after decompression). */
  maxBytes?: number;
  /** Skip robots.txt (only for APIs whose terms allow programmatic access). */
  ignoreRobots?: boolean;
}

export interface FetchResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Decompressed body bytes (empty on 304). Charset decoding is the parser's job. */
  body: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  notModified: boolean;
}

/** What adapters see of the fetch layer: one method, so tests and workers share it. */
export interface Fetcher {
  fetch(req: FetchRequest): Promise<FetchResponse>;
}

/** Credentials and settings adapters may need; they come from configuration. */
export interface CollectContext {
  fetcher: Fetcher;
  now: Date;
  /** Upper bound of pages/requests for one run. */
  maxPages?: number;
  credentials?: Partial<Record<SourceKind, Record<string, string>>>;
}

export interface Adapter {
  kind: SourceKind;
  collect(source: SourceSpec, state: SourceState, ctx: CollectContext): Promise<CollectResult>;
}
