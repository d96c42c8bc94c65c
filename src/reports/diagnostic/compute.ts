/**
 * computeDiagnostic: plain data in, the whole report out. No I/O; `now` comes in
 * with the input so the same input always gives the same report.
 */
import type { MentionRecord } from "../../domain.ts";
import {
  aspectScores,
  computeNps,
  emotionProfile,
  responseStats,
  sentimentSummary,
  touchpointProfile,
  validDate,
} from "../metrics.ts";
import type { Locale } from "./i18n/index.ts";
import { t } from "./i18n/index.ts";
import { buildRecommendations } from "./recommendations.ts";
import { computeScore, message } from "./score.ts";
import {
  coverageSection,
  hostOf,
  mismatchSection,
  negativeSection,
  quoteList,
  ratingSection,
  trendSection,
} from "./sections.ts";
import type {
  CompetitorInput,
  CompetitorRow,
  DeclaredRatingInput,
  DiagnosticInput,
  DiagnosticReport,
  DiagnosticSourceInput,
} from "./types.ts";

function summarise(
  locale: Locale,
  now: Date,
  name: string,
  isSelf: boolean,
  mentions: readonly MentionRecord[],
  declared: readonly DeclaredRatingInput[],
): CompetitorRow {
  const score = computeScore({ locale, now, mentions, declared, response: responseStats(mentions) });
  const rating = ratingSectionOf(mentions);
  const strengths = quoteList(locale, mentions, "positive");
  const irritants = quoteList(locale, mentions, "negative");
  const top = (q: (typeof strengths)[number] | undefined) =>
    q?.aspect ? { aspect: q.aspect, name: t(locale, `aspect.${q.aspect}`), quote: q } : null;
  return {
    name,
    isSelf,
    score: score.value,
    grade: score.grade,
    rating: rating.average,
    ratingCount: rating.count,
    volume: mentions.length,
    sentimentMean: sentimentSummary(mentions).mean,
    topStrength: top(strengths[0]),
    topIrritant: top(irritants[0]),
  };
}

function ratingSectionOf(mentions: readonly MentionRecord[]) {
  return ratingSection({
    business: { name: "" },
    locale: "en",
    now: new Date(0),
    mentions: [...mentions],
    sources: [],
    collectedAt: new Date(0),
    method: { description: "" },
  });
}

function competitorSection(input: DiagnosticInput): DiagnosticReport["competitors"] {
  const competitors: CompetitorInput[] = input.competitors ?? [];
  if (competitors.length === 0) return { status: "insufficient_data", items: [] };
  const { locale, now } = input;
  return {
    status: "ok",
    items: [
      summarise(locale, now, input.business.name, true, input.mentions, input.aggregateRatings ?? []),
      ...competitors.map((c) => summarise(locale, now, c.name, false, c.mentions, c.aggregateRatings ?? [])),
    ],
  };
}

function sourceLabeller(sources: readonly DiagnosticSourceInput[], mentions: readonly MentionRecord[]) {
  return (sourceId: string): string => {
    const src = sources.find((s) => s.id === sourceId);
    const m = mentions.find((x) => x.sourceId === sourceId);
    return hostOf(src?.url) ?? hostOf(m?.sourceUrl) ?? src?.kind ?? m?.sourceKind ?? sourceId;
  };
}

/** Invalid dates become "undated" rather than NaN in every figure. */
function sanitise(mentions: readonly MentionRecord[]): MentionRecord[] {
  return mentions.map((m) => {
    const publishedAt = validDate(m.publishedAt);
    const replyAt = m.reply ? validDate(m.reply.at) : null;
    if (publishedAt === m.publishedAt && (!m.reply || replyAt === m.reply.at)) return m;
    return { ...m, publishedAt, reply: m.reply ? { ...m.reply, at: replyAt } : null };
  });
}

export function computeDiagnostic(raw: DiagnosticInput): DiagnosticReport {
  const input: DiagnosticInput = {
    ...raw,
    mentions: sanitise(raw.mentions),
    ...(raw.competitors ? { competitors: raw.competitors.map((c) => ({ ...c, mentions: sanitise(c.mentions) })) } : {}),
  };
  const { locale, now, mentions } = input;
  const response = responseStats(mentions);
  const score = computeScore({ locale, now, mentions, declared: input.aggregateRatings ?? [], response });
  const coverage = coverageSection(input);
  const nps = computeNps(mentions.map((m) => m.rating));
  const sentiment = sentimentSummary(mentions);
  const emotions = emotionProfile(mentions);
  const aspects = aspectScores(mentions);
  const touchpoints = touchpointProfile(mentions);
  const mismatched = mentions.filter((m) => m.analysis?.ratingMismatch);
  const k = new Set(mentions.map((m) => m.sourceId)).size;

  const responseNote =
    response.status === "not_visible"
      ? message(locale, "response.note.notVisible")
      : message(locale, response.medianFirstResponseHours === null ? "response.note.noTiming" : "response.note.ok", {
          replied: response.replied,
          considered: response.considered,
          ratePct: Math.round(100 * (response.rate ?? 0)),
          negReplied: response.negativeReplied,
          negConsidered: response.negativeConsidered,
          medianHours: response.medianFirstResponseHours ?? 0,
        });

  return {
    version: 1,
    locale,
    generatedAt: now.toISOString(),
    business: { name: input.business.name, website: input.business.website ?? null },
    headline:
      score.value === null
        ? message(locale, "headline.none", { name: input.business.name })
        : message(locale, "headline.ok", {
            name: input.business.name,
            score: score.value,
            grade: score.grade ?? "",
            n: mentions.length,
            k,
          }),
    score,
    coverage,
    rating: ratingSection(input),
    nps: {
      status: nps.rated > 0 ? "ok" : "insufficient_data",
      ...nps,
      note: message(locale, nps.rated === 0 ? "nps.none" : nps.unrated > 0 ? "nps.note" : "nps.note.allRated", {
        unrated: nps.unrated,
      }),
    },
    sentiment: {
      status: sentiment.analysed > 0 ? "ok" : "insufficient_data",
      analysed: sentiment.analysed,
      shares: sentiment.shares,
      counts: sentiment.counts,
      mean: sentiment.mean,
      note: message(locale, sentiment.analysed > 0 ? "sentiment.note" : "sentiment.none"),
    },
    emotions: {
      status: emotions.analysed > 0 ? "ok" : "insufficient_data",
      analysed: emotions.analysed,
      items: emotions.items
        .map((e) => ({ ...e, name: t(locale, `emotion.${e.emotion}`) }))
        .sort((a, b) => b.share - a.share),
    },
    aspects: {
      status: aspects.some((a) => a.volume > 0) ? "ok" : "insufficient_data",
      items: aspects.map((a) => ({
        aspect: a.aspect,
        name: t(locale, `aspect.${a.aspect}`),
        volume: a.volume,
        positive: a.positive,
        negative: a.negative,
        mixed: a.mixed,
        score: a.score,
        polarity: a.polarity,
        lowVolume: a.lowVolume,
      })),
    },
    touchpoints: {
      status: touchpoints.items.some((x) => x.count > 0) ? "ok" : "insufficient_data",
      items: touchpoints.items.map((x) => ({ ...x, name: t(locale, `touchpoint.${x.touchpoint}`) })),
    },
    strengths: quoteList(locale, mentions, "positive"),
    irritants: quoteList(locale, mentions, "negative"),
    negativeReviews: negativeSection(mentions),
    mismatches: mismatchSection(locale, mentions),
    response: {
      status: response.status,
      rate: response.rate,
      replied: response.replied,
      considered: response.considered,
      negativeRate: response.negativeRate,
      negativeReplied: response.negativeReplied,
      negativeConsidered: response.negativeConsidered,
      medianFirstResponseHours: response.medianFirstResponseHours,
      note: responseNote,
    },
    trend: trendSection(now, mentions),
    competitors: competitorSection(input),
    recommendations: buildRecommendations({
      locale,
      now,
      mentions,
      response,
      aspects,
      nps,
      mismatched,
      sourceLabel: sourceLabeller(input.sources, mentions),
      sourceCount: input.sources.length,
      sources: input.sources,
      declared: input.aggregateRatings ?? [],
      score: { value: score.value, grade: score.grade },
    }),
    methodology: {
      description: input.method.description,
      collectedAt: input.collectedAt.toISOString(),
      statements: [
        message(locale, "method.noFilter"),
        message(locale, "method.dates"),
        message(locale, "method.stars"),
        message(locale, "method.quotes"),
        message(locale, "method.automatic"),
        message(locale, "method.collectedAt", {
          collectedDate: input.collectedAt.toISOString(),
          generatedDate: now.toISOString(),
        }),
      ],
    },
  };
}
