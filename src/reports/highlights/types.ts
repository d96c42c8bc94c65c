/**
 * Shapes of the highlights a newsletter pipeline pulls: the input the lead's
 * queries assemble, the selection options and the items every format renders.
 */
import type { SourceKind } from "../../collect/types.ts";
import type { Aspect, MentionRecord } from "../../domain.ts";

export const HIGHLIGHT_TYPES = [
  "best_quote",
  "worst_unanswered",
  "aspect_improved",
  "aspect_degraded",
  "new_source",
] as const;
export type HighlightType = (typeof HIGHLIGHT_TYPES)[number];

export const HIGHLIGHT_LOCALES = ["fr", "en"] as const;
export type HighlightLocale = (typeof HIGHLIGHT_LOCALES)[number];

/** A source as the selection needs it; `firstMentionAt` is the earliest mention it ever gave (all time). */
export interface KnownSource {
  id: string;
  businessId: string;
  kind: SourceKind;
  url: string | null;
  /** A human label ("Trustpilot", "example.com/feed"); falls back to kind + host. */
  label?: string | null;
  /** min(coalesce(published_at, collected_at)) over all the source's mentions; null when it has none. */
  firstMentionAt: Date | null;
}

export interface HighlightInput {
  /** Period [from, to): `to` is exclusive. */
  from: Date;
  to: Date;
  now: Date;
  businesses: Array<{ id: string; name: string }>;
  /** Mentions of the period. Mentions outside [from, to) or of other businesses are ignored. */
  mentions: MentionRecord[];
  /** Mentions of the comparison period (usually the one just before); only aspect deltas read them. */
  previousMentions: MentionRecord[];
  sources: KnownSource[];
  /** Language of titles and summaries (default "en"). */
  locale?: HighlightLocale;
  options?: Partial<HighlightOptions>;
}

/**
 * An aspect over one period: mentions carrying it, sum of their per-mention means
 * (each rounded to a millionth, see `aspectMicros`), latest date (epoch ms).
 */
export interface AspectStats {
  count: number;
  sum: number;
  latest: number;
}

/** A business's mentions of the period per source, and in total. */
export interface SourceVolume {
  total: number;
  bySource: ReadonlyMap<string, number>;
}

/**
 * What the selection reads of each business's period, so that it can come from
 * loaded mentions (`selectHighlights`) or from the database's own aggregates
 * (`selectHighlightsFromFacts`) with the same result.
 */
export interface HighlightFacts {
  /**
   * Mentions of the period that may become a quote. Every mention of the
   * period works; so does any subset that still holds every mention the quote
   * rules would pick. Mentions outside [from, to) or of other businesses are ignored.
   */
  candidates: MentionRecord[];
  /** Per business id: aspect stats of the period and of the comparison period. */
  aspects: ReadonlyMap<
    string,
    { current: ReadonlyMap<Aspect, AspectStats>; previous: ReadonlyMap<Aspect, AspectStats> }
  >;
  /** Per business id: the period's mentions per source (absent = none). */
  volume: ReadonlyMap<string, SourceVolume>;
}

export type HighlightFactsInput = Omit<HighlightInput, "mentions" | "previousMentions"> & { facts: HighlightFacts };

export interface HighlightOptions {
  /** A quote at least this long is preferred over a shorter one (characters). */
  minQuoteChars: number;
  /** Quotes are cut at a word boundary past this length. */
  maxQuoteChars: number;
  /** Analyses below this confidence never make a quote or a "worst" item. */
  minConfidence: number;
  /** Mentions of the aspect needed in BOTH periods before a delta is reported. */
  minAspectVolume: number;
  /** Smallest |delta| of the mean aspect score (scale -1..1) worth reporting. */
  minAspectDelta: number;
  /** Items of each type per business. */
  bestQuotes: number;
  worstUnanswered: number;
  newSources: number;
}

export const DEFAULT_HIGHLIGHT_OPTIONS: HighlightOptions = {
  minQuoteChars: 80,
  maxQuoteChars: 400,
  minConfidence: 0.5,
  minAspectVolume: 5,
  minAspectDelta: 0.15,
  bestQuotes: 1,
  worstUnanswered: 1,
  newSources: 5,
};

export interface HighlightItem {
  /** Stable: the same (type, business, subject) always gives the same id. */
  id: string;
  type: HighlightType;
  businessId: string;
  title: string;
  summary: string;
  quote?: string;
  mentionId?: string;
  url?: string;
  aspect?: Aspect;
  /** Aspect items: current mean minus previous mean, scale -1..1. */
  delta?: number;
  publishedAt: Date;
  /** Salience in [0, 1], comparable within a type (see docs/HIGHLIGHTS.md). */
  score: number;
}

/** What every feed format needs to describe itself. */
export interface FeedMeta {
  title: string;
  homePageUrl: string;
  feedUrl: string;
  description?: string;
  locale?: HighlightLocale;
  /** Used as the feed's own date when there are no items. */
  generatedAt: Date;
}
