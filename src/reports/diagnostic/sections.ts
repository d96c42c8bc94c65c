/**
 * Builders for the descriptive sections of the diagnostic (everything but score,
 * recommendations and rendering). Each takes plain data and returns JSON-safe output.
 */
import type { MentionRecord } from "../../domain.ts";
import {
  aspectScores,
  isNegativeMention,
  isPositiveMention,
  lastMonths,
  mean,
  monthKey,
  normaliseRating,
  ratingStats,
  round,
  starsOf,
} from "../metrics.ts";
import type { Locale } from "./i18n/index.ts";
import { t } from "./i18n/index.ts";
import { bestAspectQuote, quoteMention } from "./quotes.ts";
import { message } from "./score.ts";
import type { DiagnosticInput, DiagnosticReport, Quote } from "./types.ts";

export const QUOTES_PER_LIST = 3;
export const RECENT_NEGATIVE_SHOWN = 5;

export const byRecency = (a: MentionRecord, b: MentionRecord) =>
  (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1);

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

export function coverageSection(input: DiagnosticInput): DiagnosticReport["coverage"] {
  const { locale, mentions } = input;
  const k = new Set(mentions.map((m) => m.sourceId)).size;
  const dated = mentions
    .map((m) => m.publishedAt)
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  const caps = input.sources.flatMap((s) => {
    const reported = s.reported ?? 0;
    const partial = reported > s.found;
    if (s.cap && partial)
      return [
        message(locale, "coverage.source.reportedCap", {
          url: s.url,
          found: s.found,
          reported,
          cap: s.cap,
        }),
      ];
    if (s.cap) return [message(locale, "coverage.source.cap", { url: s.url, found: s.found, cap: s.cap })];
    if (partial) return [message(locale, "coverage.source.reported", { url: s.url, found: s.found, reported })];
    return [];
  });
  return {
    mentions: mentions.length,
    sources: input.sources.map((s) => ({
      id: s.id,
      url: s.url,
      kind: s.kind,
      found: s.found,
      reported: s.reported ?? null,
      cap: s.cap ?? null,
    })),
    sentence:
      mentions.length === 0
        ? message(locale, "coverage.none")
        : message(locale, k === 1 ? "coverage.sentence.oneSource" : "coverage.sentence", {
            n: mentions.length,
            k,
            collectedDate: input.collectedAt.toISOString(),
          }),
    caps,
    period:
      dated.length === 0
        ? null
        : { from: new Date(Math.min(...dated)).toISOString(), to: new Date(Math.max(...dated)).toISOString() },
    undated: mentions.length - dated.length,
  };
}

export function ratingSection(input: DiagnosticInput): DiagnosticReport["rating"] {
  const { locale, mentions } = input;
  const all = ratingStats(mentions);
  const sourceIds = [...new Set([...input.sources.map((s) => s.id), ...mentions.map((m) => m.sourceId)])];
  const bySource = sourceIds.map((id) => {
    const src = input.sources.find((s) => s.id === id);
    const own = mentions.filter((m) => m.sourceId === id);
    const stats = ratingStats(own);
    return {
      sourceId: id,
      url: src?.url ?? own[0]?.sourceUrl ?? "",
      kind: src?.kind ?? own[0]?.sourceKind ?? "web",
      average: stats.average,
      count: stats.count,
    };
  });
  const declared = (input.aggregateRatings ?? []).flatMap((d) => {
    const v = normaliseRating({ value: d.value, best: d.best, worst: d.worst ?? 1 });
    if (v === null) return [];
    const src = input.sources.find((s) => s.id === d.sourceId);
    return [{ sourceId: d.sourceId, url: src?.url ?? null, value: round(v, 2), count: d.count ?? null }];
  });
  return {
    status: all.count > 0 ? "ok" : "insufficient_data",
    average: all.average,
    count: all.count,
    distribution: all.distribution,
    bySource,
    declared,
    note: all.count > 0 ? message(locale, "rating.note", { n: all.count }) : message(locale, "rating.none"),
  };
}

/** Top aspects by positive (strengths) or negative (irritants) volume, one verbatim quote each. */
export function quoteList(
  locale: Locale,
  mentions: readonly MentionRecord[],
  polarity: "positive" | "negative",
): Quote[] {
  const stats = aspectScores(mentions)
    .filter((a) => a[polarity] > 0)
    .sort((a, b) => b[polarity] - a[polarity] || a.aspect.localeCompare(b.aspect))
    .slice(0, QUOTES_PER_LIST);
  const quotes: Quote[] = [];
  // One review should not speak for several components when others can.
  const used = new Set<string>();
  for (const a of stats) {
    const q = bestAspectQuote(mentions, a.aspect, polarity, t(locale, `aspect.${a.aspect}`), used);
    if (!q) continue;
    used.add(q.mentionId);
    quotes.push(q);
  }
  if (quotes.length > 0) return quotes;
  // Without aspect analysis, still show real words: the most recent clearly positive/negative reviews.
  const pick = polarity === "positive" ? isPositiveMention : isNegativeMention;
  return mentions
    .filter((m) => pick(m) && m.text.trim() !== "")
    .sort(byRecency)
    .slice(0, 2)
    .flatMap((m) => quoteMention(m, polarity) ?? []);
}

export function negativeSection(mentions: readonly MentionRecord[]): DiagnosticReport["negativeReviews"] {
  const negatives = mentions.filter(isNegativeMention);
  return {
    count: negatives.length,
    recent: negatives
      .filter((m) => m.text.trim() !== "")
      .sort(byRecency)
      .slice(0, RECENT_NEGATIVE_SHOWN)
      .flatMap((m) => quoteMention(m, "negative") ?? []),
  };
}

export function mismatchSection(locale: Locale, mentions: readonly MentionRecord[]): DiagnosticReport["mismatches"] {
  const hits = mentions.filter((m) => m.analysis?.ratingMismatch);
  const examples = [...hits]
    .sort(byRecency)
    .slice(0, 3)
    .flatMap((m) => {
      const label = m.analysis!.sentimentLabel;
      const q = quoteMention(m, label === "negative" ? "negative" : "positive");
      return q ? [{ ...q, sentimentLabel: label }] : [];
    });
  return { count: hits.length, examples, note: message(locale, "mismatches.note", { n: hits.length }) };
}

export function trendSection(now: Date, mentions: readonly MentionRecord[]): DiagnosticReport["trend"] {
  const months = lastMonths(now, 12);
  return {
    months: months.map((month) => {
      const inMonth = mentions.filter((m) => m.publishedAt && monthKey(m.publishedAt) === month);
      const stars = inMonth.map(starsOf).filter((s): s is number => s !== null);
      const tones = inMonth.flatMap((m) => (m.analysis ? [m.analysis.sentimentScore] : []));
      const r = mean(stars);
      const s = mean(tones);
      return {
        month,
        count: inMonth.length,
        meanRating: r === null ? null : round(r, 2),
        meanSentiment: s === null ? null : round(s, 3),
      };
    }),
  };
}
