/**
 * selectHighlights: the best and worst of a period, per business, for
 * newsletter pipelines. Pure: the caller passes the mentions and sources, or
 * the per-period facts the database aggregated (`selectHighlightsFromFacts`).
 */

import type { Aspect, MentionRecord } from "../../domain.ts";
import { sortItems } from "./cursor.ts";
import { effectiveDate, inRange } from "./mention-signals.ts";
import { selectBestQuotes, selectWorstUnanswered } from "./select-quotes.ts";
import { aspectStats, selectAspectMoves, selectNewSources, sourceVolume } from "./select-trends.ts";
import {
  type AspectStats,
  DEFAULT_HIGHLIGHT_OPTIONS,
  type HighlightFacts,
  type HighlightFactsInput,
  type HighlightInput,
  type HighlightItem,
  type KnownSource,
  type SourceVolume,
} from "./types.ts";

const NO_ASPECTS: ReadonlyMap<Aspect, AspectStats> = new Map();
const NO_VOLUME: SourceVolume = { total: 0, bySource: new Map() };

function groupByBusiness(mentions: MentionRecord[], keep: (m: MentionRecord) => boolean): Map<string, MentionRecord[]> {
  const out = new Map<string, MentionRecord[]>();
  for (const m of mentions) {
    if (!keep(m)) continue;
    const list = out.get(m.businessId);
    if (list) list.push(m);
    else out.set(m.businessId, [m]);
  }
  return out;
}

/** The facts the selection reads, computed from the mentions themselves (every mention is a quote candidate). */
export function factsFromMentions(input: HighlightInput): HighlightFacts {
  const inPeriod = (m: MentionRecord) => inRange(effectiveDate(m), input.from, input.to);
  const wanted = new Set(input.businesses.map((b) => b.id));
  const current = groupByBusiness(input.mentions, (m) => wanted.has(m.businessId) && inPeriod(m));
  const previous = groupByBusiness(input.previousMentions, (m) => wanted.has(m.businessId));
  const aspects = new Map<string, { current: Map<Aspect, AspectStats>; previous: Map<Aspect, AspectStats> }>();
  const volume = new Map<string, SourceVolume>();
  for (const id of wanted) {
    aspects.set(id, { current: aspectStats(current.get(id) ?? []), previous: aspectStats(previous.get(id) ?? []) });
    volume.set(id, sourceVolume(current.get(id) ?? []));
  }
  return { candidates: input.mentions, aspects, volume };
}

/**
 * Items of every business, sorted by (publishedAt, id) — the cursor order.
 * Mentions outside [from, to) or of businesses not listed are ignored, so a
 * caller that over-fetches cannot leak another period or tenant.
 */
export function selectHighlights(input: HighlightInput): HighlightItem[] {
  if (input.to.getTime() <= input.from.getTime()) return [];
  return selectHighlightsFromFacts({ ...input, facts: factsFromMentions(input) });
}

/** The same selection from per-period facts (see `HighlightFacts`). */
export function selectHighlightsFromFacts(input: HighlightFactsInput): HighlightItem[] {
  if (input.to.getTime() <= input.from.getTime()) return [];
  const options = { ...DEFAULT_HIGHLIGHT_OPTIONS, ...input.options };
  const locale = input.locale ?? "en";
  const sources = new Map<string, KnownSource>(input.sources.map((s) => [s.id, s]));
  const candidates = groupByBusiness(input.facts.candidates, (m) => inRange(effectiveDate(m), input.from, input.to));
  const items: HighlightItem[] = [];
  for (const business of input.businesses) {
    const current = candidates.get(business.id) ?? [];
    const aspects = input.facts.aspects.get(business.id);
    const quoteCtx = { businessId: business.id, businessName: business.name, locale, options, sources };
    const trendCtx = { ...quoteCtx, from: input.from, to: input.to };
    items.push(
      ...selectBestQuotes(current, quoteCtx),
      ...selectWorstUnanswered(current, quoteCtx),
      ...selectAspectMoves(aspects?.current ?? NO_ASPECTS, aspects?.previous ?? NO_ASPECTS, trendCtx),
      ...selectNewSources(input.facts.volume.get(business.id) ?? NO_VOLUME, input.sources, trendCtx),
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
