/**
 * selectHighlights: the best and worst of a period, per business, for
 * newsletter pipelines. Pure: the caller passes the mentions and sources.
 */

import { sortItems } from "./cursor.ts";
import { effectiveDate, inRange } from "./mention-signals.ts";
import { selectBestQuotes, selectWorstUnanswered } from "./select-quotes.ts";
import { selectAspectMoves, selectNewSources } from "./select-trends.ts";
import { DEFAULT_HIGHLIGHT_OPTIONS, type HighlightInput, type HighlightItem, type KnownSource } from "./types.ts";

/**
 * Items of every business, sorted by (publishedAt, id) — the cursor order.
 * Mentions outside [from, to) or of businesses not listed are ignored, so a
 * caller that over-fetches cannot leak another period or tenant.
 */
export function selectHighlights(input: HighlightInput): HighlightItem[] {
  if (input.to.getTime() <= input.from.getTime()) return [];
  const options = { ...DEFAULT_HIGHLIGHT_OPTIONS, ...input.options };
  const locale = input.locale ?? "en";
  const sources = new Map<string, KnownSource>(input.sources.map((s) => [s.id, s]));
  const items: HighlightItem[] = [];
  for (const business of input.businesses) {
    const current = input.mentions.filter(
      (m) => m.businessId === business.id && inRange(effectiveDate(m), input.from, input.to),
    );
    const previous = input.previousMentions.filter((m) => m.businessId === business.id);
    const quoteCtx = { businessId: business.id, businessName: business.name, locale, options, sources };
    const trendCtx = { ...quoteCtx, from: input.from, to: input.to };
    items.push(
      ...selectBestQuotes(current, quoteCtx),
      ...selectWorstUnanswered(current, quoteCtx),
      ...selectAspectMoves(current, previous, trendCtx),
      ...selectNewSources(current, input.sources, trendCtx),
    );
  }
  return sortItems(dedupeById(items));
}

// The same business listed twice must not yield the same item twice.
function dedupeById(items: HighlightItem[]): HighlightItem[] {
  const byId = new Map<string, HighlightItem>();
  for (const i of items) if (!byId.has(i.id)) byId.set(i.id, i);
  return [...byId.values()];
}
