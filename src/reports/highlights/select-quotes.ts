/**
 * Mention-level highlights: the best quote and the worst unanswered review of
 * each business. Rules are documented in docs/HIGHLIGHTS.md.
 */
import type { MentionRecord } from "../../domain.ts";
import { SOURCE_KIND_LABELS, TYPE_LABELS } from "./labels.ts";
import {
  combinedPolarity,
  effectiveDate,
  isNegativeMention,
  isTopRating,
  normalizedRating,
} from "./mention-signals.ts";
import { highlightId } from "./stable-id.ts";
import type { HighlightItem, HighlightLocale, HighlightOptions, KnownSource } from "./types.ts";

interface Ctx {
  businessId: string;
  businessName: string;
  locale: HighlightLocale;
  options: HighlightOptions;
  sources: Map<string, KnownSource>;
}

/** Collapse whitespace and cut at a word boundary so a quote never ends mid-word. */
export function truncateQuote(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  // Code points, not UTF-16 units: a cut must never split an emoji into a lone surrogate.
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?-]+$/, "")}…`;
}

/** A score or confidence that is NaN or infinite cannot be ranked: such an analysis makes no quote. */
function finiteAnalysis(a: { sentimentScore: number; confidence: number }): boolean {
  return Number.isFinite(a.sentimentScore) && Number.isFinite(a.confidence);
}

function byIdAsc(a: MentionRecord, b: MentionRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sourceLabel(m: MentionRecord, sources: Map<string, KnownSource>): string {
  return sources.get(m.sourceId)?.label ?? SOURCE_KIND_LABELS[m.sourceKind];
}

function ratingText(m: MentionRecord): string | null {
  return m.rating ? `${m.rating.value}/${m.rating.best}` : null;
}

function mentionSummary(m: MentionRecord, ctx: Ctx, kind: "best" | "worst"): string {
  const src = sourceLabel(m, ctx.sources);
  const rating = ratingText(m);
  if (ctx.locale === "fr") {
    const head = rating ? `Noté ${rating} sur ${src}` : `Publié sur ${src}`;
    return kind === "best" ? `${head}.` : `${head}, toujours sans réponse de l'établissement.`;
  }
  const head = rating ? `Rated ${rating} on ${src}` : `Posted on ${src}`;
  return kind === "best" ? `${head}.` : `${head}, still without a reply from the business.`;
}

function toItem(m: MentionRecord, ctx: Ctx, type: "best_quote" | "worst_unanswered", score: number): HighlightItem {
  const url = m.url ?? m.sourceUrl;
  return {
    id: highlightId(type, ctx.businessId, m.id),
    type,
    businessId: ctx.businessId,
    title: `${TYPE_LABELS[ctx.locale][type]} — ${ctx.businessName}`,
    summary: mentionSummary(m, ctx, type === "best_quote" ? "best" : "worst"),
    quote: truncateQuote(m.text, ctx.options.maxQuoteChars),
    mentionId: m.id,
    ...(url ? { url } : {}),
    publishedAt: effectiveDate(m),
    score: Math.min(1, Math.max(0, score)),
  };
}

/**
 * Best quote: positive and confident, not contradicted by a middling rating.
 * Ranked by preference tier (5/5 rating, then length ≥ minQuoteChars), then by
 * sentiment × confidence, then length, then id so ties are deterministic.
 */
export function selectBestQuotes(mentions: MentionRecord[], ctx: Ctx): HighlightItem[] {
  const { minConfidence, minQuoteChars, bestQuotes } = ctx.options;
  const eligible = mentions.filter((m) => {
    const a = m.analysis;
    if (a?.sentimentLabel !== "positive" || !finiteAnalysis(a) || a.sentimentScore <= 0) return false;
    if (a.confidence < minConfidence) return false;
    if (a.ratingMismatch) return false;
    const n = normalizedRating(m);
    return (n === null || n >= 0.75) && m.text.trim().length > 0;
  });
  const tier = (m: MentionRecord) => (isTopRating(m) ? 2 : 0) + (m.text.trim().length >= minQuoteChars ? 1 : 0);
  const strength = (m: MentionRecord) => (m.analysis ? m.analysis.sentimentScore * m.analysis.confidence : 0);
  eligible.sort(
    (a, b) => tier(b) - tier(a) || strength(b) - strength(a) || b.text.length - a.text.length || byIdAsc(a, b),
  );
  return eligible.slice(0, bestQuotes).map((m) => toItem(m, ctx, "best_quote", combinedPolarity(m)));
}

/**
 * Worst unanswered: negative (analysis or a ≤ 2/5 rating), no owner reply, and
 * a confident analysis when the text is all we have. Most negative combined
 * polarity first; ties go to the lower rating, then the longer text, then id.
 */
export function selectWorstUnanswered(mentions: MentionRecord[], ctx: Ctx): HighlightItem[] {
  const { minConfidence, worstUnanswered } = ctx.options;
  const eligible = mentions.filter((m) => {
    if (m.reply !== null || m.text.trim().length === 0 || !isNegativeMention(m)) return false;
    if (m.analysis !== null && !finiteAnalysis(m.analysis)) return false;
    const rated = normalizedRating(m) !== null;
    return rated || (m.analysis !== null && m.analysis.confidence >= minConfidence);
  });
  const rating = (m: MentionRecord) => normalizedRating(m) ?? 1;
  eligible.sort(
    (a, b) =>
      combinedPolarity(a) - combinedPolarity(b) ||
      rating(a) - rating(b) ||
      b.text.length - a.text.length ||
      byIdAsc(a, b),
  );
  return eligible.slice(0, worstUnanswered).map((m) => toItem(m, ctx, "worst_unanswered", -combinedPolarity(m)));
}
