/** Recommendation rules about what customers say: irritants, strengths, contradictions, trend. */
import type { MentionRecord } from "../../domain.ts";
import { mean, ratingStats, round, starBucket, starsOf } from "../metrics.ts";
import { t } from "./i18n/index.ts";
import { bestAspectQuote, leaningQuote } from "./quotes.ts";
import { byRecency, type Draft, dateParam, quoteParam, type Rule } from "./rec-kit.ts";
import { recentMentions } from "./score.ts";

/** A drop of this much (on /5) between the last 90 days and the 9 months before is flagged. */
export const DECLINE_THRESHOLD = 0.3;
/** Putting the rating itself forward needs a good average on a few ratings. */
export const SHOWCASE_MIN_AVERAGE = 4;
export const SHOWCASE_MIN_RATINGS = 3;

const fixIrritant: Rule = ({ locale, mentions, aspects, quoted }) => {
  // One complaint in an otherwise well-liked component is not yet an irritant.
  const irritant = [...aspects]
    .filter((a) => a.negative >= 2 || (a.negative > 0 && (a.score ?? 50) < 50))
    .sort((a, b) => b.negative - a.negative || a.aspect.localeCompare(b.aspect))[0];
  if (!irritant) return null;
  const name = t(locale, `aspect.${irritant.aspect}`);
  const quote = bestAspectQuote(mentions, irritant.aspect, "negative", name, quoted);
  return {
    id: `fix-irritant-${irritant.aspect}`,
    priority: irritant.negative >= 2 ? 90 + 2 * irritant.negative : 50,
    aspect: irritant.aspect,
    quote,
    figures: { negative: irritant.negative, volume: irritant.volume, score: irritant.score ?? 0 },
    key: quote ? "rec.fixIrritant" : "rec.fixIrritant.noQuote",
    params: {
      n: irritant.negative,
      aspectKey: `aspect.${irritant.aspect}`,
      neg: irritant.negative,
      volume: irritant.volume,
      score: irritant.score ?? 0,
      quote: quoteParam(quote),
      date: dateParam(quote),
      actionKey: `action.${irritant.aspect}`,
    },
  };
};

/** The best-liked component with a customer's words; without one, a good rating is itself worth showing. */
const promoteStrength: Rule = ({ locale, mentions, aspects, quoted }): Draft | null => {
  const strength = [...aspects]
    .filter((a) => a.positive >= 2)
    .sort((a, b) => b.positive - a.positive || a.aspect.localeCompare(b.aspect))[0];
  if (strength) {
    const name = t(locale, `aspect.${strength.aspect}`);
    const quote = bestAspectQuote(mentions, strength.aspect, "positive", name, quoted);
    return {
      id: `promote-strength-${strength.aspect}`,
      priority: 45,
      aspect: strength.aspect,
      quote,
      figures: { positive: strength.positive, score: strength.score ?? 0 },
      key: quote ? "rec.promoteStrength" : "rec.promoteStrength.noQuote",
      params: {
        aspectKey: `aspect.${strength.aspect}`,
        pos: strength.positive,
        score: strength.score ?? 0,
        quote: quoteParam(quote),
        date: dateParam(quote),
      },
    };
  }
  const stats = ratingStats(mentions);
  if (stats.average === null || stats.average < SHOWCASE_MIN_AVERAGE || stats.count < SHOWCASE_MIN_RATINGS) return null;
  const best = mentions
    .filter((m) => {
      const s = starsOf(m);
      return s !== null && starBucket(s) === 5 && m.text.trim() !== "";
    })
    .sort(byRecency);
  const quote = best.map((m) => leaningQuote(m, "positive")).find((q) => q !== null) ?? null;
  const five = stats.distribution[5];
  return {
    id: "promote-rating",
    priority: 45,
    aspect: null,
    quote,
    figures: { average: stats.average, ratings: stats.count, fiveStars: five },
    key: quote ? "rec.promoteRating" : "rec.promoteRating.noQuote",
    params: {
      average: stats.average,
      n: stats.count,
      fivePct: round((100 * five) / stats.count),
      quote: quoteParam(quote),
      date: dateParam(quote),
    },
  };
};

const checkMismatches: Rule = ({ mismatched }) => {
  const sorted = [...mismatched].sort(byRecency);
  const withQuote = sorted
    .map((m) => ({ m, q: leaningQuote(m, m.analysis?.sentimentLabel === "negative" ? "negative" : "positive") }))
    .find((x) => x.q !== null);
  if (!withQuote) return null;
  return {
    id: "check-mismatches",
    priority: Math.min(80, 40 + 5 * mismatched.length),
    aspect: null,
    quote: withQuote.q,
    figures: { mismatches: mismatched.length },
    key: "rec.checkMismatches",
    params: {
      n: mismatched.length,
      stars: round(starsOf(withQuote.m) ?? 0),
      quote: quoteParam(withQuote.q),
      date: dateParam(withQuote.q),
    },
  };
};

function ratingShift(now: Date, mentions: readonly MentionRecord[]) {
  const recent = recentMentions(mentions, now, 90);
  const recentSet = new Set(recent);
  const year = recentMentions(mentions, now, 365).filter((m) => !recentSet.has(m));
  const stars = (ms: MentionRecord[]) => ms.map(starsOf).filter((s): s is number => s !== null);
  const a = stars(recent);
  const b = stars(year);
  if (a.length < 3 || b.length < 3) return null;
  return { before: round(mean(b)!, 1), after: round(mean(a)!, 1), n: a.length };
}

const reverseDecline: Rule = ({ now, mentions }) => {
  const shift = ratingShift(now, mentions);
  if (!shift || shift.before - shift.after < DECLINE_THRESHOLD) return null;
  return {
    id: "reverse-decline",
    priority: 85,
    aspect: null,
    quote: null,
    figures: shift,
    key: "rec.reverseDecline",
    params: shift,
  };
};

const convertDetractors: Rule = ({ nps }) => {
  if (nps.value === null || nps.value >= 0 || nps.rated < 5) return null;
  const figures = { nps: nps.value, detractors: nps.detractors, promoters: nps.promoters };
  return {
    id: "convert-detractors",
    priority: 75,
    aspect: null,
    quote: null,
    figures,
    key: "rec.convertDetractors",
    params: figures,
  };
};

export const contentRules: readonly Rule[] = [
  fixIrritant,
  promoteStrength,
  checkMismatches,
  reverseDecline,
  convertDetractors,
];
