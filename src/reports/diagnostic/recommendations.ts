/**
 * Recommendations are rules over the measured data: each fires only when its
 * condition holds, cites the numbers (and a real quote) it comes from, and gets
 * a priority from how much is at stake. The top five are kept.
 *
 * A diagnostic with at least one review always gets three: when the main rules
 * leave fewer, low-priority fallback rules (still built from the figures) fill
 * in, so the owner is never left with one line of advice.
 */
import type { Draft, RecommendationContext, Rule } from "./rec-kit.ts";
import { contentRules } from "./rules-content.ts";
import { replyRules } from "./rules-replies.ts";
import { volumeRules } from "./rules-volume.ts";
import { message } from "./score.ts";
import type { Recommendation } from "./types.ts";

export type { RecommendationContext } from "./rec-kit.ts";

export const MAX_RECOMMENDATIONS = 5;
export const MIN_RECOMMENDATIONS = 3;

const RULES: readonly Rule[] = [...replyRules, ...contentRules, ...volumeRules];

function order(a: Draft, b: Draft): number {
  return b.priority - a.priority || a.id.localeCompare(b.id);
}

export function buildRecommendations(input: RecommendationContext): Recommendation[] {
  const ctx: RecommendationContext = { ...input, quoted: new Set(input.quoted ?? []) };
  const drafts = RULES.flatMap((rule) => {
    const r = rule(ctx);
    const list = r === null ? [] : Array.isArray(r) ? r : [r];
    for (const d of list) if (d.quote) ctx.quoted!.add(d.quote.mentionId);
    return list;
  });
  const main = drafts.filter((d) => !d.fallback).sort(order);
  const fill = drafts.filter((d) => d.fallback).sort(order);
  const picked = main.slice(0, MAX_RECOMMENDATIONS);
  if (ctx.mentions.length > 0) {
    for (const d of fill) {
      if (picked.length >= MIN_RECOMMENDATIONS) break;
      picked.push(d);
    }
  }
  return picked.sort(order).map(({ key, params, fallback: _fallback, ...rest }) => ({
    ...rest,
    message: message(ctx.locale, key, params),
  }));
}
