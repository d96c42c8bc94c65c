/** Highlights for newsletter pipelines: selection, stable ids, cursors and formats. */

export { escapeHtml, escapeXml, stripInvalidXmlChars } from "../escape.ts";
export {
  compareItems,
  decodeCursor,
  encodeCursor,
  type HighlightCursor,
  type HighlightPage,
  itemsSince,
  sortItems,
} from "./cursor.ts";
export { type JsonFeed, toAtom, toJsonFeed, toRss } from "./format-feeds.ts";
export { toHtmlFragment } from "./format-html.ts";
export {
  combinedPolarity,
  effectiveDate,
  isNegativeMention,
  normalizedRating,
  ratingOn5,
} from "./mention-signals.ts";
export { HighlightsQuery, type Period, previousPeriod, resolvePeriod } from "./query.ts";
export {
  HIGHLIGHT_CONTENT_TYPES,
  HIGHLIGHT_FORMATS,
  type HighlightFormat,
  renderHighlights,
  toJsonItems,
} from "./render.ts";
export { factsFromMentions, selectHighlights, selectHighlightsFromFacts } from "./select.ts";
export { aspectSubject, highlightId, highlightUuid } from "./stable-id.ts";
export {
  type AspectStats,
  DEFAULT_HIGHLIGHT_OPTIONS,
  type FeedMeta,
  HIGHLIGHT_LOCALES,
  HIGHLIGHT_TYPES,
  type HighlightFacts,
  type HighlightFactsInput,
  type HighlightInput,
  type HighlightItem,
  type HighlightLocale,
  type HighlightOptions,
  type HighlightType,
  type KnownSource,
  type SourceVolume,
} from "./types.ts";
