/** Shared shapes and helpers of the recommendation rules. */
import type { MentionRecord } from "../../domain.ts";
import type { AspectStat, Grade, NpsResult, ResponseStats } from "../metrics.ts";
import type { Locale, MessageKey } from "./i18n/index.ts";
import type { DeclaredRatingInput, DiagnosticSourceInput, Quote, Recommendation } from "./types.ts";

export interface RecommendationContext {
  locale: Locale;
  now: Date;
  mentions: readonly MentionRecord[];
  response: ResponseStats;
  aspects: readonly AspectStat[];
  nps: NpsResult;
  mismatched: readonly MentionRecord[];
  sourceLabel: (sourceId: string) => string;
  /** Sources the requester gave, whether or not they yielded anything. */
  sourceCount: number;
  /** What each source yielded and what the platform says exists. */
  sources?: readonly DiagnosticSourceInput[];
  /** Ratings the pages declare (schema.org AggregateRating...). */
  declared?: readonly DeclaredRatingInput[];
  score?: { value: number | null; grade: Grade | null };
  /** Mentions already quoted by an earlier rule: later rules pick another example when they can. */
  quoted?: Set<string>;
}

/** A recommendation before localisation. `fallback` ones are used only to reach the minimum. */
export interface Draft {
  id: string;
  priority: number;
  aspect: Recommendation["aspect"];
  quote: Quote | null;
  figures: Record<string, number>;
  key: MessageKey;
  params: Record<string, string | number>;
  fallback?: boolean;
}

export type Rule = (ctx: RecommendationContext) => Draft | Draft[] | null;

export const byRecency = (a: MentionRecord, b: MentionRecord) =>
  (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1);

export const byAge = (a: MentionRecord, b: MentionRecord) =>
  (a.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
  (a.id < b.id ? -1 : 1);

/** ISO date param; "" renders as "undated". */
export function dateParam(q: Quote | null): string {
  return q?.publishedAt ?? "";
}

export function isoDate(d: Date | null | undefined): string {
  return d ? d.toISOString() : "";
}

/** The quote as it reads in a sentence: cuts shown by an ellipsis next to, never inside, the verbatim text. */
export function quoteParam(q: Quote | null): string {
  if (!q) return "";
  return `${q.truncatedStart ? "… " : ""}${q.quote}${q.truncatedEnd ? " …" : ""}`;
}

/** The source most reviews come from: where prospects already look. */
export function mainSourceId(mentions: readonly MentionRecord[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.sourceId, (counts.get(m.sourceId) ?? 0) + 1);
  let best: string | null = null;
  let n = -1;
  for (const [id, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (c > n) {
      best = id;
      n = c;
    }
  }
  return best;
}
