/**
 * Input and output shapes of the diagnostic report. The input is plain data
 * (the caller queries the database); the output is JSON-safe (dates as ISO strings).
 */
import type { SourceKind } from "../../collect/types.ts";
import type { Aspect, Emotion, MentionRecord, Touchpoint } from "../../domain.ts";
import type { Grade, NpsResult, Stars } from "../metrics.ts";
import type { Locale, MessageKey } from "./i18n/index.ts";

export type { Locale } from "./i18n/index.ts";

export interface DiagnosticSourceInput {
  id: string;
  url: string;
  kind: SourceKind;
  /** Mentions collected from this source for this report. */
  found: number;
  /** What the platform says exists (e.g. "1,234 reviews"), when it says so. */
  reported?: number | null;
  /** A platform limit, in plain words ("the feed returns the 50 latest reviews"). */
  cap?: string | null;
}

/** A rating the page itself declares (schema.org AggregateRating and the like). */
export interface DeclaredRatingInput {
  sourceId: string;
  value: number;
  best: number;
  /** Defaults to 1. */
  worst?: number;
  count?: number | null;
}

export interface CompetitorInput {
  name: string;
  mentions: MentionRecord[];
  sources: DiagnosticSourceInput[];
  aggregateRatings?: DeclaredRatingInput[];
}

export interface DiagnosticInput {
  business: { name: string; website?: string | null };
  locale: Locale;
  now: Date;
  mentions: MentionRecord[];
  sources: DiagnosticSourceInput[];
  aggregateRatings?: DeclaredRatingInput[];
  competitors?: CompetitorInput[];
  collectedAt: Date;
  method: { description: string };
}

/** A sentence of the report: `text` is in the report's locale; key + params let a renderer re-localise it. */
export interface Message {
  key: MessageKey;
  params: Record<string, string | number>;
  text: string;
}

export type Status = "ok" | "insufficient_data";

export type ComponentKey = "rating" | "sentiment" | "responsiveness" | "activity" | "spread";

export interface ScoreComponent {
  key: ComponentKey;
  name: string;
  /** Weight actually used, after re-weighting for missing data (weights of used components sum to 1). */
  weight: number;
  baseWeight: number;
  available: boolean;
  /** 0–100, null when the data is missing. */
  value: number | null;
  /** Points this component adds to the score (one decimal); contributions sum exactly to the score. */
  contribution: number;
  evidence: Message;
}

export interface Quote {
  aspect: Aspect | null;
  aspectName: string | null;
  /** Verbatim substring of the mention's text. Never rewritten or translated. */
  quote: string;
  /** The quote starts/ends inside a sentence: renderers add an ellipsis outside the quote. */
  truncatedStart: boolean;
  truncatedEnd: boolean;
  mentionId: string;
  publishedAt: string | null;
  sourceUrl: string | null;
  sourceKind: SourceKind;
  stars: number | null;
}

export interface AspectItem {
  aspect: Aspect;
  name: string;
  volume: number;
  positive: number;
  negative: number;
  mixed: number;
  score: number | null;
  polarity: "positive" | "negative" | "mixed" | "none";
  lowVolume: boolean;
}

export interface Recommendation {
  id: string;
  priority: number;
  message: Message;
  aspect: Aspect | null;
  quote: Quote | null;
  /** The numbers the advice is derived from. */
  figures: Record<string, number>;
}

export interface CompetitorRow {
  name: string;
  isSelf: boolean;
  score: number | null;
  grade: Grade | null;
  rating: number | null;
  ratingCount: number;
  volume: number;
  sentimentMean: number | null;
  topStrength: { aspect: Aspect; name: string; quote: Quote | null } | null;
  topIrritant: { aspect: Aspect; name: string; quote: Quote | null } | null;
}

export interface DiagnosticReport {
  version: 1;
  locale: Locale;
  generatedAt: string;
  business: { name: string; website: string | null };
  headline: Message;
  score: {
    status: Status;
    value: number | null;
    grade: Grade | null;
    components: ScoreComponent[];
    note: Message;
  };
  coverage: {
    mentions: number;
    sources: Array<{
      id: string;
      url: string;
      kind: SourceKind;
      found: number;
      reported: number | null;
      cap: string | null;
    }>;
    sentence: Message;
    caps: Message[];
    period: { from: string; to: string } | null;
    undated: number;
  };
  rating: {
    status: Status;
    average: number | null;
    count: number;
    distribution: Record<Stars, number>;
    bySource: Array<{ sourceId: string; url: string; kind: SourceKind; average: number | null; count: number }>;
    declared: Array<{ sourceId: string; url: string | null; value: number; count: number | null }>;
    note: Message;
  };
  nps: NpsResult & { status: Status; note: Message };
  sentiment: {
    status: Status;
    analysed: number;
    shares: { positive: number; neutral: number; negative: number };
    counts: { positive: number; neutral: number; negative: number };
    mean: number | null;
    note: Message;
  };
  emotions: {
    status: Status;
    analysed: number;
    items: Array<{ emotion: Emotion; name: string; count: number; share: number; meanIntensity: number | null }>;
  };
  aspects: { status: Status; items: AspectItem[] };
  touchpoints: {
    status: Status;
    items: Array<{ touchpoint: Touchpoint; name: string; count: number; share: number; meanSentiment: number | null }>;
  };
  strengths: Quote[];
  irritants: Quote[];
  /** The latest negative reviews, shown whatever else the report says. */
  negativeReviews: { count: number; recent: Quote[] };
  mismatches: { count: number; examples: Array<Quote & { sentimentLabel: string }>; note: Message };
  response: {
    status: "ok" | "not_visible";
    rate: number | null;
    replied: number;
    considered: number;
    negativeRate: number | null;
    negativeReplied: number;
    negativeConsidered: number;
    medianFirstResponseHours: number | null;
    note: Message;
  };
  trend: {
    months: Array<{ month: string; count: number; meanRating: number | null; meanSentiment: number | null }>;
  };
  competitors: { status: Status; items: CompetitorRow[] };
  recommendations: Recommendation[];
  methodology: {
    description: string;
    collectedAt: string;
    statements: Message[];
  };
}
