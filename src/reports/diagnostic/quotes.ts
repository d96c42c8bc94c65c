/**
 * Verbatim quotes. A quote is always `text.slice(start, end)` of the mention's own
 * text: a sentence, or a piece of one cut at word boundaries. Nothing is
 * rewritten, translated or decorated; cuts are flagged so renderers put the
 * ellipsis outside the quote.
 *
 * The analyser's aspect evidence can sit across a contrast ("friendly staff but a
 * long wait" may file "staff" under a complaint), so every candidate is re-read
 * by the same analyser: a strength is quoted from a clause that reads positive,
 * an irritant from one that reads negative.
 */
import { analyze } from "../../analysis/index.ts";
import type { Aspect, MentionRecord } from "../../domain.ts";
import { starBucket, starsOf } from "../metrics.ts";
import { pickSpan, type Span } from "./quote-spans.ts";
import type { Quote } from "./types.ts";

export {
  cutAtWords,
  findTerm,
  MAX_QUOTE_CHARS,
  parseEvidence,
  pickSpan,
  type Span,
  sentenceSpans,
} from "./quote-spans.ts";

type Polarity = "positive" | "negative";

function langOf(m: MentionRecord): "fr" | "en" | undefined {
  const l = m.analysis?.lang ?? m.lang;
  return l === "fr" || l === "en" ? l : undefined;
}

/** Whether a piece of text reads the wanted way to the analyser: labelled so, beyond its neutral band. */
export function leans(snippet: string, polarity: Polarity, lang?: "fr" | "en"): boolean {
  return analyze(snippet, lang ? { lang } : {}).sentiment.label === polarity;
}

export function buildQuote(m: MentionRecord, span: Span, aspect: Aspect | null, aspectName: string | null): Quote {
  return {
    aspect,
    aspectName,
    quote: m.text.slice(span.start, span.end),
    truncatedStart: span.truncatedStart,
    truncatedEnd: span.truncatedEnd,
    mentionId: m.id,
    publishedAt: m.publishedAt ? m.publishedAt.toISOString() : null,
    sourceUrl: m.url ?? m.sourceUrl,
    sourceKind: m.sourceKind,
    stars: roundStars(starsOf(m)),
  };
}

function roundStars(s: number | null): number | null {
  return s === null ? null : Math.round(s * 10) / 10;
}

/**
 * The quote for a mention. With an aspect, only a clause that reads `polarity` will
 * do (null otherwise: the caller tries another review). Without one, the review
 * must be shown anyway, so the best-leaning sentence is taken, else the first.
 */
export function quoteMention(
  m: MentionRecord,
  polarity: Polarity,
  aspect: Aspect | null = null,
  aspectName: string | null = null,
): Quote | null {
  const evidence = aspect ? (m.analysis?.aspects.find((a) => a.aspect === aspect)?.evidence ?? []) : [];
  const lang = langOf(m);
  const span = pickSpan(m.text, evidence, polarity, {
    accept: (s) => leans(m.text.slice(s.start, s.end), polarity, lang),
    strict: aspect !== null,
  });
  return span ? buildQuote(m, span, aspect, aspectName) : null;
}

/**
 * A quote that reads `polarity`, or null: for advice that cites a review as an
 * example, "Top" from a 1-star review would say the opposite of the sentence around it.
 */
export function leaningQuote(m: MentionRecord, polarity: Polarity): Quote | null {
  const lang = langOf(m);
  const span = pickSpan(m.text, [], polarity, {
    accept: (s) => leans(m.text.slice(s.start, s.end), polarity, lang),
    strict: true,
  });
  return span ? buildQuote(m, span, null, null) : null;
}

/**
 * Strongest mention for an aspect and polarity: reviews whose stars do not
 * contradict their text first (a 5-star review makes a confusing irritant), then
 * the largest aspect score in that direction, then stars agreeing with it, then
 * the most recent; id breaks ties.
 */
export function rankedFor(
  mentions: readonly MentionRecord[],
  aspect: Aspect,
  polarity: Polarity,
  exclude: ReadonlySet<string> = new Set(),
): MentionRecord[] {
  const sign = polarity === "positive" ? 1 : -1;
  const candidates = mentions
    .map((m) => ({ m, a: m.analysis?.aspects.find((x) => x.aspect === aspect && x.polarity === polarity) }))
    .filter(
      (c): c is { m: MentionRecord; a: NonNullable<typeof c.a> } =>
        Boolean(c.a) && c.m.text.trim() !== "" && !exclude.has(c.m.id),
    );
  candidates.sort((x, y) => {
    const tier = trustTier(x.m, polarity) - trustTier(y.m, polarity);
    if (tier !== 0) return tier;
    const byScore = sign * (y.a.score - x.a.score);
    if (Math.abs(byScore) > 1e-9) return byScore;
    const sx = starsOf(x.m) ?? 3;
    const sy = starsOf(y.m) ?? 3;
    if (sx !== sy) return sign * (sy - sx);
    const tx = x.m.publishedAt?.getTime() ?? 0;
    const ty = y.m.publishedAt?.getTime() ?? 0;
    if (tx !== ty) return ty - tx;
    return x.m.id < y.m.id ? -1 : 1;
  });
  return candidates.map((c) => c.m);
}

/**
 * How far a review can be trusted as an example of `polarity`: 0 = stars agree or
 * are absent; 1 = a complaint in a 5-star review (or praise in a 1–2-star one),
 * real but atypical; 2 = stars and text contradict each other as a whole, so the
 * text is as likely misread (irony, idiom) or mis-clicked as meant.
 */
export function trustTier(m: MentionRecord, polarity: Polarity): 0 | 1 | 2 {
  if (m.analysis?.ratingMismatch) return 2;
  const s = starsOf(m);
  if (s === null) return 0;
  const bucket = starBucket(s);
  return (polarity === "negative" && bucket === 5) || (polarity === "positive" && bucket <= 2) ? 1 : 0;
}

export function strongestFor(
  mentions: readonly MentionRecord[],
  aspect: Aspect,
  polarity: Polarity,
  exclude: ReadonlySet<string> = new Set(),
): MentionRecord | null {
  return rankedFor(mentions, aspect, polarity, exclude)[0] ?? null;
}

/** Candidates examined per aspect before giving up: the strongest reviews are the ones worth quoting. */
const MAX_TRIES = 12;

/**
 * The quote for an aspect: from the strongest review whose words really read that
 * way, preferring reviews not in `exclude` (already quoted elsewhere).
 */
export function bestAspectQuote(
  mentions: readonly MentionRecord[],
  aspect: Aspect,
  polarity: Polarity,
  aspectName: string,
  exclude: ReadonlySet<string> = new Set(),
): Quote | null {
  // Contradicted reviews belong in the "stars vs text" section, not as examples.
  const usable = (m: MentionRecord) => trustTier(m, polarity) < 2;
  const fresh = rankedFor(mentions, aspect, polarity, exclude).filter(usable);
  const reused = rankedFor(mentions, aspect, polarity)
    .filter((m) => exclude.has(m.id))
    .filter(usable);
  for (const m of [...fresh, ...reused].slice(0, MAX_TRIES)) {
    const q = quoteMention(m, polarity, aspect, aspectName);
    if (q) return q;
  }
  return null;
}
