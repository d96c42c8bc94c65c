/** Recommendation rules about how much is said, and where: volume, comments, platforms, coverage. */
import type { MentionRecord } from "../../domain.ts";
import { round } from "../metrics.ts";
import { byRecency, type Draft, isoDate, mainSourceId, type Rule } from "./rec-kit.ts";
import { ACTIVITY_TARGET, ACTIVITY_WINDOW_DAYS, recentMentions, SPREAD_TARGET } from "./score.ts";

/** Fewer words than this is a star rating with a word or two ("Top !"), not a comment. */
export const COMMENT_MIN_WORDS = 5;
/** Asking for comments pays when fewer than this share of reviews have one. */
export const COMMENT_SHARE_TARGET = 0.5;
/** Below this many reviews the diagnostic is only an indication. */
export const THIN_VOLUME = 10;
const FOLLOW_UP_DAYS = 90;
const DAY_MS = 86_400_000;

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

const askReviews: Rule = (ctx): Draft | null => {
  const dated = ctx.mentions.filter((m) => m.publishedAt);
  const main = mainSourceId(ctx.mentions);
  if (dated.length === 0 || main === null) return null;
  const recent = recentMentions(ctx.mentions, ctx.now, ACTIVITY_WINDOW_DAYS).length;
  const latest = [...dated].sort(byRecency)[0]!;
  const gap = Math.max(0, ACTIVITY_TARGET - recent);
  const base = {
    aspect: null,
    quote: null,
    figures: { recent, windowDays: ACTIVITY_WINDOW_DAYS, target: ACTIVITY_TARGET, promoters: ctx.nps.promoters },
    params: {
      n: recent,
      gap,
      target: ACTIVITY_TARGET,
      source: ctx.sourceLabel(main),
      latestDate: isoDate(latest.publishedAt),
      promoters: ctx.nps.promoters,
    },
  };
  if (gap > 0) return { ...base, id: "ask-reviews", priority: 55 + Math.ceil(gap / 2), key: "rec.askReviews" };
  return { ...base, id: "keep-asking", priority: 10, key: "rec.keepAsking", fallback: true };
};

/** Star-only reviews say nothing about why: ask customers for a sentence. */
const askComments: Rule = ({ mentions }) => {
  if (mentions.length === 0) return null;
  let empty = 0;
  let short = 0;
  for (const m of mentions) {
    const w = wordCount(m.text);
    if (w === 0) empty++;
    else if (w < COMMENT_MIN_WORDS) short++;
  }
  const written = mentions.length - empty - short;
  const share = written / mentions.length;
  if (share >= COMMENT_SHARE_TARGET) return null;
  return {
    id: "ask-comments",
    priority: 50 + Math.round(20 * (1 - share)),
    aspect: null,
    quote: null,
    figures: { reviews: mentions.length, written, starOnly: empty, short },
    key: "rec.askComments",
    params: { n: mentions.length, writtenPct: round(100 * share), empty, short, minWords: COMMENT_MIN_WORDS },
  };
};

const diversify: Rule = (ctx): Draft | null => {
  const ids = [...new Set(ctx.mentions.map((m) => m.sourceId))].sort();
  if (ids.length === 0 || ids.length >= SPREAD_TARGET) return null;
  if (ids.length === 1) {
    return {
      id: "diversify-sources",
      priority: 50,
      aspect: null,
      quote: null,
      figures: { reviews: ctx.mentions.length, sources: 1 },
      key: "rec.diversify",
      params: { n: ctx.mentions.length, source: ctx.sourceLabel(ids[0]!) },
    };
  }
  return {
    id: "add-source",
    priority: 15,
    aspect: null,
    quote: null,
    figures: { reviews: ctx.mentions.length, sources: ids.length, target: SPREAD_TARGET },
    key: "rec.addSource",
    params: { k: ids.length, sources: ids.map(ctx.sourceLabel).join(", "), target: SPREAD_TARGET },
    fallback: true,
  };
};

/** Reviews a page announces (its count, or its AggregateRating) beyond those we could read. */
export function unreadBySource(
  mentions: readonly MentionRecord[],
  sources: readonly { id: string; found: number; reported?: number | null }[],
  declared: readonly { sourceId: string; count?: number | null }[],
): Array<{ sourceId: string; announced: number; found: number; missing: number }> {
  const ids = [...new Set([...sources.map((s) => s.id), ...declared.map((d) => d.sourceId)])].sort();
  return ids.flatMap((id) => {
    const src = sources.find((s) => s.id === id);
    const found = src ? src.found : mentions.filter((m) => m.sourceId === id).length;
    const counts = declared.filter((d) => d.sourceId === id).map((d) => Math.floor(d.count ?? 0));
    const announced = Math.max(src?.reported ?? 0, ...counts, 0);
    const missing = announced - found;
    return missing > 0 ? [{ sourceId: id, announced, found, missing }] : [];
  });
}

const readDeclared: Rule = (ctx) => {
  const unread = unreadBySource(ctx.mentions, ctx.sources ?? [], ctx.declared ?? []);
  if (unread.length === 0) return null;
  const worst = [...unread].sort((a, b) => b.missing - a.missing)[0]!;
  const missing = unread.reduce((a, u) => a + u.missing, 0);
  const announced = unread.reduce((a, u) => a + u.announced, 0);
  return {
    id: "unread-reviews",
    priority: 58,
    aspect: null,
    quote: null,
    figures: { unread: missing, announced, collected: announced - missing },
    key: "rec.unreadReviews",
    params: {
      n: missing,
      announced: worst.announced,
      found: worst.found,
      source: ctx.sourceLabel(worst.sourceId),
    },
  };
};

const checkSources: Rule = ({ mentions, sourceCount }) =>
  mentions.length === 0 && sourceCount > 0
    ? {
        id: "check-sources",
        priority: 99,
        aspect: null,
        quote: null,
        figures: { sources: sourceCount, reviews: 0 },
        key: "rec.checkSources",
        params: { k: sourceCount },
      }
    : null;

const collectMore: Rule = ({ mentions }) =>
  mentions.length < THIN_VOLUME
    ? {
        id: "collect-more",
        priority: mentions.length < 3 ? 95 : 35,
        aspect: null,
        quote: null,
        figures: { reviews: mentions.length },
        key: "rec.collectMore",
        params: { n: mentions.length },
      }
    : null;

/** Last resort to reach three actions: a dated check-up against today's figures. */
const followUp: Rule = ({ now, mentions, score }) => {
  if (mentions.length === 0) return null;
  const date = isoDate(new Date(now.getTime() + FOLLOW_UP_DAYS * DAY_MS));
  const value = score?.value ?? null;
  return {
    id: "follow-up",
    priority: 5,
    aspect: null,
    quote: null,
    figures: { reviews: mentions.length, ...(value === null ? {} : { score: value }) },
    key: value === null ? "rec.followUp.noScore" : "rec.followUp",
    params: { n: mentions.length, score: value ?? "", grade: score?.grade ?? "", nextDate: date },
    fallback: true,
  };
};

export const volumeRules: readonly Rule[] = [
  askReviews,
  askComments,
  diversify,
  readDeclared,
  checkSources,
  collectMore,
  followUp,
];
