/**
 * The reputation score: five parts scored 0–100, weighted, summed. Missing parts
 * are dropped and the remaining weights rescaled to 1. Contributions are whole
 * points apportioned by largest remainder, so they add up exactly to the score.
 * docs/SCORING.md explains every constant here.
 */
import type { MentionRecord } from "../../domain.ts";
import {
  daysBetween,
  type Grade,
  gradeFromScore,
  normaliseRating,
  type Observation,
  RATING_HALF_LIFE_DAYS,
  RATING_PRIOR_MEAN,
  RATING_PRIOR_WEIGHT,
  type ResponseStats,
  round,
  SENTIMENT_HALF_LIFE_DAYS,
  SENTIMENT_PRIOR_WEIGHT,
  sentimentSummary,
  shrunkDecayedMean,
  starsOf,
} from "../metrics.ts";
import type { Locale, MessageKey, Params } from "./i18n/index.ts";
import { t } from "./i18n/index.ts";
import type { ComponentKey, DeclaredRatingInput, Message, ScoreComponent, Status } from "./types.ts";

export const COMPONENT_WEIGHTS: Readonly<Record<ComponentKey, number>> = {
  rating: 0.4,
  sentiment: 0.25,
  responsiveness: 0.15,
  activity: 0.1,
  spread: 0.1,
};
export const ACTIVITY_WINDOW_DAYS = 90;
export const ACTIVITY_TARGET = 20;
export const SPREAD_TARGET = 3;

export function message(locale: Locale, key: MessageKey, params: Params = {}): Message {
  return { key, params, text: t(locale, key, params) };
}

export interface ScoreResult {
  status: Status;
  value: number | null;
  grade: Grade | null;
  components: ScoreComponent[];
  note: Message;
}

interface Part {
  key: ComponentKey;
  value: number | null;
  evidence: Message;
}

/** Star observations: collected ratings, plus the ratings a page declares beyond those we collected. */
export function ratingObservations(
  mentions: readonly MentionRecord[],
  declared: readonly DeclaredRatingInput[],
): { observations: Observation[]; collected: number; declaredExtra: number } {
  const observations: Observation[] = [];
  const bySource = new Map<string, { n: number; sum: number }>();
  for (const m of mentions) {
    const s = starsOf(m);
    if (s === null) continue;
    observations.push({ value: s, at: m.publishedAt });
    const agg = bySource.get(m.sourceId) ?? { n: 0, sum: 0 };
    agg.n++;
    agg.sum += s;
    bySource.set(m.sourceId, agg);
  }
  const collected = observations.length;
  let declaredExtra = 0;
  for (const d of largestDeclaredPerSource(declared)) {
    const v = normaliseRating({ value: d.value, best: d.best, worst: d.worst ?? 1 });
    if (v === null || !d.count) continue;
    const seen = bySource.get(d.sourceId) ?? { n: 0, sum: 0 };
    const missing = Math.floor(d.count) - seen.n;
    if (missing <= 0) continue;
    // The declared average covers every review; what we did not collect averages to this.
    const implied = Math.min(5, Math.max(1, (d.count * v - seen.sum) / missing));
    observations.push({ value: implied, at: null, count: missing });
    declaredExtra += missing;
  }
  return { observations, collected, declaredExtra };
}

export function largestDeclaredPerSource(declared: readonly DeclaredRatingInput[]): DeclaredRatingInput[] {
  const best = new Map<string, DeclaredRatingInput>();
  for (const d of declared) {
    const cur = best.get(d.sourceId);
    if (!cur || (d.count ?? 0) > (cur.count ?? 0)) best.set(d.sourceId, d);
  }
  return [...best.values()];
}

function ratingPart(
  locale: Locale,
  now: Date,
  mentions: readonly MentionRecord[],
  declared: readonly DeclaredRatingInput[],
): Part {
  const { observations, collected, declaredExtra } = ratingObservations(mentions, declared);
  if (observations.length === 0)
    return { key: "rating", value: null, evidence: message(locale, "evidence.rating.missing") };
  const r = shrunkDecayedMean(observations, {
    now,
    halfLifeDays: RATING_HALF_LIFE_DAYS,
    priorMean: RATING_PRIOR_MEAN,
    priorWeight: RATING_PRIOR_WEIGHT,
  });
  const params = {
    shrunk: round(r.mean, 2),
    raw: round(r.rawMean ?? r.mean, 2),
    n: collected,
    declared: declaredExtra,
    prior: RATING_PRIOR_MEAN,
    priorWeight: RATING_PRIOR_WEIGHT,
  };
  return {
    key: "rating",
    value: ((r.mean - 1) / 4) * 100,
    evidence: message(locale, declaredExtra > 0 ? "evidence.rating.declared" : "evidence.rating", params),
  };
}

function sentimentPart(locale: Locale, now: Date, mentions: readonly MentionRecord[]): Part {
  const analysed = mentions.filter((m) => m.analysis);
  if (analysed.length === 0)
    return { key: "sentiment", value: null, evidence: message(locale, "evidence.sentiment.missing") };
  const r = shrunkDecayedMean(
    analysed.map((m) => ({ value: Math.max(-1, Math.min(1, m.analysis!.sentimentScore)), at: m.publishedAt })),
    { now, halfLifeDays: SENTIMENT_HALF_LIFE_DAYS, priorMean: 0, priorWeight: SENTIMENT_PRIOR_WEIGHT },
  );
  const s = sentimentSummary(mentions);
  return {
    key: "sentiment",
    value: 50 * (1 + r.mean),
    evidence: message(locale, "evidence.sentiment", {
      mean: round(r.mean, 2),
      n: analysed.length,
      posPct: round(100 * s.shares.positive),
      negPct: round(100 * s.shares.negative),
    }),
  };
}

function responsivenessPart(locale: Locale, response: ResponseStats): Part {
  if (response.status === "not_visible")
    return { key: "responsiveness", value: null, evidence: message(locale, "evidence.responsiveness.notVisible") };
  if (response.negativeConsidered === 0 || response.negativeRate === null)
    return { key: "responsiveness", value: null, evidence: message(locale, "evidence.responsiveness.noNegative") };
  return {
    key: "responsiveness",
    value: 100 * response.negativeRate,
    evidence: message(locale, "evidence.responsiveness", {
      replied: response.negativeReplied,
      total: response.negativeConsidered,
      ratePct: round(100 * response.negativeRate),
    }),
  };
}

/** Mentions published in the `days` before `now` (future-dated ones excluded). */
export function recentMentions(mentions: readonly MentionRecord[], now: Date, days: number): MentionRecord[] {
  return mentions.filter((m) => {
    if (!m.publishedAt) return false;
    const age = daysBetween(m.publishedAt, now);
    return age >= -1 && age <= days;
  });
}

function activityPart(locale: Locale, now: Date, mentions: readonly MentionRecord[]): Part {
  const n = recentMentions(mentions, now, ACTIVITY_WINDOW_DAYS).length;
  // Volume has diminishing returns: the first reviews matter most.
  const value = 100 * Math.min(1, Math.log1p(n) / Math.log1p(ACTIVITY_TARGET));
  return { key: "activity", value, evidence: message(locale, "evidence.activity", { n, target: ACTIVITY_TARGET }) };
}

function spreadPart(locale: Locale, mentions: readonly MentionRecord[]): Part {
  const k = new Set(mentions.map((m) => m.sourceId)).size;
  return {
    key: "spread",
    value: 100 * Math.min(1, k / SPREAD_TARGET),
    evidence: message(locale, "evidence.spread", { n: k, target: SPREAD_TARGET }),
  };
}

/** Whole numbers summing exactly to round(Σ exact), each within 1 of its exact value. */
export function apportion(exact: readonly number[]): number[] {
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x + 1e-9) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  const out = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

export function computeScore(args: {
  locale: Locale;
  now: Date;
  mentions: readonly MentionRecord[];
  declared: readonly DeclaredRatingInput[];
  response: ResponseStats;
}): ScoreResult {
  const { locale, now, mentions, declared, response } = args;
  const parts: Part[] = [
    ratingPart(locale, now, mentions, declared),
    sentimentPart(locale, now, mentions),
    responsivenessPart(locale, response),
    activityPart(locale, now, mentions),
    spreadPart(locale, mentions),
  ];
  const hasDates = mentions.some((m) => m.publishedAt);
  if (!hasDates) parts[3]!.value = null;
  const enough = parts[0]!.value !== null || parts[1]!.value !== null;
  const used = enough ? parts.filter((p) => p.value !== null) : [];
  const weightSum = used.reduce((a, p) => a + COMPONENT_WEIGHTS[p.key], 0);
  const exact = used.map((p) => (COMPONENT_WEIGHTS[p.key] / weightSum) * round(p.value!, 1));
  const points = apportion(exact);
  const components: ScoreComponent[] = parts.map((p) => {
    const idx = used.indexOf(p);
    return {
      key: p.key,
      name: t(locale, `component.${p.key}`),
      weight: idx >= 0 ? round(COMPONENT_WEIGHTS[p.key] / weightSum, 4) : 0,
      baseWeight: COMPONENT_WEIGHTS[p.key],
      available: idx >= 0,
      value: idx >= 0 ? round(p.value!, 1) : null,
      contribution: idx >= 0 ? points[idx]! : 0,
      evidence: p.evidence,
    };
  });
  if (!enough) {
    return {
      status: "insufficient_data",
      value: null,
      grade: null,
      components,
      note: message(locale, "score.note.none"),
    };
  }
  const value = points.reduce((a, b) => a + b, 0);
  const missing = components.filter((c) => !c.available).map((c) => `component.${c.key}`);
  return {
    status: "ok",
    value,
    grade: gradeFromScore(value),
    components,
    note:
      missing.length > 0
        ? message(locale, "score.note.reweighted", { missingKeys: missing.join(",") })
        : message(locale, "score.note.ok"),
  };
}
