/**
 * Builders of MentionRecord for highlight and alert tests. Defaults are a
 * neutral, unrated, unanswered review; tests set only what they are about.
 */
import type { SourceKind } from "../../src/collect/types.ts";
import type { Aspect, MentionRecord, SentimentLabel, StoredAnalysis } from "../../src/domain.ts";
import type { KnownSource } from "../../src/reports/highlights/types.ts";

let seq = 0;

export interface MentionSpec extends Partial<Omit<MentionRecord, "analysis" | "rating">> {
  /** Sentiment score in [-1, 1]; the label follows from it (±0.05 is neutral). */
  sentiment?: number;
  confidence?: number;
  /** Stars out of 5. */
  stars?: number;
  aspects?: Array<{ aspect: Aspect; score: number }>;
  /** Pass null for a mention the analyser has not seen. */
  analysis?: StoredAnalysis | null;
  ratingMismatch?: boolean;
}

function label(score: number): SentimentLabel {
  return score > 0.05 ? "positive" : score < -0.05 ? "negative" : "neutral";
}

export function makeMention(spec: MentionSpec = {}): MentionRecord {
  seq += 1;
  const { sentiment, confidence, stars, aspects, analysis, ratingMismatch, ...rest } = spec;
  const score = sentiment ?? 0;
  const built: StoredAnalysis = {
    version: "test-1",
    lang: spec.lang ?? "fr",
    sentimentScore: score,
    sentimentLabel: label(score),
    confidence: confidence ?? 0.8,
    emotions: {},
    aspects: (aspects ?? []).map((a) => ({
      aspect: a.aspect,
      score: a.score,
      polarity: a.score > 0 ? ("positive" as const) : a.score < 0 ? ("negative" as const) : ("mixed" as const),
      evidence: [],
    })),
    touchpoints: [],
    ratingMismatch: ratingMismatch ?? false,
  };
  const publishedAt = rest.publishedAt === undefined ? new Date("2026-11-10T12:00:00Z") : rest.publishedAt;
  return {
    id: `m${seq}`,
    businessId: "b1",
    sourceId: "s1",
    sourceKind: "trustpilot",
    sourceUrl: "https://www.trustpilot.com/review/example.com",
    kind: "review",
    externalId: `ext-${seq}`,
    url: `https://www.trustpilot.com/reviews/${seq}`,
    title: null,
    text: "Un avis sans histoire.",
    lang: "fr",
    authorPseudonym: null,
    collectedAt: publishedAt ?? new Date("2026-11-10T12:00:00Z"),
    reply: null,
    ...rest,
    publishedAt,
    rating: stars === undefined ? null : { value: stars, best: 5, worst: 1 },
    analysis: analysis === undefined ? built : analysis,
  };
}

export function makeSource(spec: Partial<KnownSource> & { id: string }): KnownSource {
  const kind: SourceKind = spec.kind ?? "feed";
  return {
    businessId: "b1",
    kind,
    url: `https://${spec.id}.example.org/feed.xml`,
    firstMentionAt: null,
    ...spec,
  };
}

/** n dates spread evenly over [from, to), for building volumes in a window. */
export function spreadDates(n: number, from: Date, to: Date): Date[] {
  const span = to.getTime() - from.getTime();
  return Array.from({ length: n }, (_, i) => new Date(from.getTime() + Math.floor(((i + 0.5) * span) / n)));
}
