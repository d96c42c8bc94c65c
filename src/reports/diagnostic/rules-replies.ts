/** Recommendation rules about the owner's public replies. */
import type { MentionRecord } from "../../domain.ts";
import { isNegativeMention, isPositiveMention, round } from "../metrics.ts";
import { leaningQuote } from "./quotes.ts";
import { byAge, byRecency, type Draft, dateParam, isoDate, quoteParam, type Rule } from "./rec-kit.ts";
import { ACTIVITY_WINDOW_DAYS, recentMentions } from "./score.ts";

/** When no reply is visible, the backlog worth answering: the last year's negative reviews. */
export const BACKLOG_DAYS = 365;
/** Replies slower than this (median, hours) are flagged. */
export const SLOW_REPLY_HOURS = 72;

/** First of `ms` (already ordered) with words that read the given way. */
function firstQuote(ms: readonly MentionRecord[], polarity: "positive" | "negative") {
  for (const m of ms) {
    if (m.text.trim() === "") continue;
    const q = leaningQuote(m, polarity);
    if (q) return q;
  }
  return null;
}

const replyNegatives: Rule = (ctx) => {
  if (ctx.response.status !== "ok") return null;
  const visible = new Set(ctx.response.visibleSourceIds);
  const unanswered = recentMentions(ctx.mentions, ctx.now, ACTIVITY_WINDOW_DAYS)
    .filter((m) => visible.has(m.sourceId) && isNegativeMention(m) && !m.reply)
    .sort(byRecency);
  const first = unanswered[0];
  if (!first) return null;
  const quote = firstQuote(unanswered, "negative");
  const cited = unanswered.find((m) => m.id === quote?.mentionId) ?? first;
  return {
    id: "reply-negatives",
    priority: 100 + unanswered.length,
    aspect: null,
    quote,
    figures: { unanswered: unanswered.length, windowDays: ACTIVITY_WINDOW_DAYS },
    key: quote ? "rec.replyNegatives" : "rec.replyNegatives.noText",
    params: {
      n: unanswered.length,
      date: quote ? dateParam(quote) : isoDate(cited.publishedAt),
      source: ctx.sourceLabel(cited.sourceId),
      quote: quoteParam(quote),
    },
  };
};

const replyFaster: Rule = ({ response }) => {
  const med = response.medianFirstResponseHours;
  if (response.status !== "ok" || med === null || med <= SLOW_REPLY_HOURS || response.timed < 3) return null;
  return {
    id: "reply-faster",
    priority: 60,
    aspect: null,
    quote: null,
    figures: { medianFirstResponseHours: med, timed: response.timed },
    key: "rec.replyFaster",
    params: { medianHours: med, timed: response.timed },
  };
};

/**
 * No reply visible anywhere: answer the last year's negative reviews, oldest first
 * (those customers have waited longest, and a late reply still shows prospects you listen).
 */
const startReplying: Rule = (ctx) => {
  if (ctx.response.status !== "not_visible") return null;
  const negatives = ctx.mentions.filter(isNegativeMention);
  if (negatives.length === 0) return null;
  const lastYear = recentMentions(negatives, ctx.now, BACKLOG_DAYS);
  const backlog = (lastYear.length > 0 ? lastYear : negatives).sort(byAge);
  const oldest = backlog[0]!;
  const quote = firstQuote(backlog, "negative");
  return {
    id: "start-replying",
    priority: 80 + Math.min(backlog.length, 15),
    aspect: null,
    quote,
    figures: { reviews: ctx.mentions.length, negative: negatives.length, backlog: backlog.length },
    key: quote ? "rec.startReplying" : "rec.startReplying.noText",
    params: {
      n: backlog.length,
      total: ctx.mentions.length,
      sinceDate: isoDate(oldest.publishedAt),
      date: dateParam(quote),
      quote: quoteParam(quote),
    },
  };
};

/** Replies to happy customers: a lesser lever, so a fallback unless nobody is thanked at all. */
const thankReviewers: Rule = (ctx) => {
  const positives = ctx.mentions.filter(isPositiveMention);
  if (positives.length === 0) return null;
  const latest = [...positives].sort(byRecency)[0]!;
  if (ctx.response.status === "not_visible") {
    return {
      id: "thank-reviewers",
      priority: 30,
      aspect: null,
      quote: null,
      figures: { reviews: ctx.mentions.length, positive: positives.length },
      key: "rec.thankReviewers",
      params: { n: positives.length, total: ctx.mentions.length, date: isoDate(latest.publishedAt) },
    };
  }
  const rate = ctx.response.rate ?? 1;
  if (rate >= 1) return null;
  const draft: Draft = {
    id: "reply-all",
    priority: rate < 0.5 ? 30 : 12,
    aspect: null,
    quote: null,
    figures: { replied: ctx.response.replied, considered: ctx.response.considered, rate },
    key: "rec.replyAll",
    params: {
      replied: ctx.response.replied,
      considered: ctx.response.considered,
      ratePct: round(100 * rate),
    },
  };
  return rate < 0.5 ? draft : { ...draft, fallback: true };
};

export const replyRules: readonly Rule[] = [replyNegatives, replyFaster, startReplying, thankReviewers];
