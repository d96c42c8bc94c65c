/**
 * Per-mention numbers shared by highlights and alerts, so "negative" and "rating
 * on 5" mean the same thing in a newsletter and in an alert.
 */
import type { MentionRecord } from "../../domain.ts";
import { isNegativeMention, normaliseRating } from "../metrics.ts";

/** The date a mention belongs to: when it was published, else when we first saw it. */
export function effectiveDate(m: MentionRecord): Date {
  return m.publishedAt ?? m.collectedAt;
}

/** Rating rescaled to [0, 1] (worst..best); null when unrated or the scale is unusable. */
export function normalizedRating(m: MentionRecord): number | null {
  const stars = normaliseRating(m.rating);
  return stars === null ? null : (stars - 1) / 4;
}

/** Rating on the familiar 1–5 scale, whatever the source's own scale (the shared metric definition). */
export function ratingOn5(m: MentionRecord): number | null {
  return normaliseRating(m.rating);
}

/** A top rating (5/5, 10/10...), with a float tolerance for scales like 0..1. */
export function isTopRating(m: MentionRecord): boolean {
  const n = normalizedRating(m);
  return n !== null && n >= 0.999;
}

/**
 * Combined polarity in [-1, 1]: the text's sentiment weighted by its
 * confidence, averaged with the rating (rescaled to -1..1) when there is one.
 * A 1-star review with neutral wording is still clearly negative this way.
 */
export function combinedPolarity(m: MentionRecord): number {
  const text = m.analysis ? m.analysis.sentimentScore * m.analysis.confidence : null;
  const n = normalizedRating(m);
  const rating = n === null ? null : 2 * n - 1;
  if (text === null) return rating ?? 0;
  if (rating === null) return text;
  return (text + rating) / 2;
}

/**
 * Negative, as every report counts it (src/reports/metrics.ts): 1–2 stars when
 * rated, else a negative text. Re-exported so alerts and highlights agree with
 * the diagnostic and trends.
 */
export { isNegativeMention };

export function inRange(d: Date, from: Date, to: Date): boolean {
  const t = d.getTime();
  return t >= from.getTime() && t < to.getTime();
}
