/**
 * Period-level highlights: the aspect that moved most in each direction, and
 * sources that started talking about the business during the period.
 */
import type { Aspect, MentionRecord } from "../../domain.ts";
import { ASPECT_LABELS, formatDate, formatNumber, labelled, SOURCE_KIND_LABELS, TYPE_LABELS } from "./labels.ts";
import { effectiveDate, inRange } from "./mention-signals.ts";
import { aspectSubject, highlightId } from "./stable-id.ts";
import type {
  AspectStats,
  HighlightItem,
  HighlightLocale,
  HighlightOptions,
  KnownSource,
  SourceVolume,
} from "./types.ts";

interface Ctx {
  businessId: string;
  businessName: string;
  locale: HighlightLocale;
  options: HighlightOptions;
  from: Date;
  to: Date;
}

/**
 * A mention's mean score of one aspect in whole millionths, rounded half up. Sums of
 * these integers are exact in any order, so the daily aspect rollups added up by the
 * database give the same sums, to the last bit, as adding mention by mention here.
 */
export function aspectMicros(mean: number): number {
  return Math.floor(mean * 1e6 + 0.5);
}

/**
 * Mean aspect score per aspect; a mention counts once per aspect (its own mean if
 * listed twice). Scores outside the analyser's range [-1, 1] are ignored.
 */
export function aspectStats(mentions: MentionRecord[]): Map<Aspect, AspectStats> {
  const out = new Map<Aspect, AspectStats>();
  for (const m of mentions) {
    const perMention = new Map<Aspect, number[]>();
    for (const a of m.analysis?.aspects ?? []) {
      if (typeof a.score !== "number" || !(a.score >= -1 && a.score <= 1)) continue;
      const list = perMention.get(a.aspect) ?? [];
      list.push(a.score);
      perMention.set(a.aspect, list);
    }
    const t = effectiveDate(m).getTime();
    for (const [aspect, scores] of perMention) {
      // `sum` counts millionths until the end: integer sums are exact in any order.
      const s = out.get(aspect) ?? { count: 0, sum: 0, latest: 0 };
      s.count += 1;
      s.sum += aspectMicros(scores.reduce((x, y) => x + y, 0) / scores.length);
      s.latest = Math.max(s.latest, t);
      out.set(aspect, s);
    }
  }
  for (const s of out.values()) s.sum /= 1e6;
  return out;
}

function aspectItem(
  ctx: Ctx,
  type: "aspect_improved" | "aspect_degraded",
  aspect: Aspect,
  cur: AspectStats,
  prev: AspectStats,
): HighlightItem {
  const before = prev.sum / prev.count;
  const after = cur.sum / cur.count;
  const delta = after - before;
  const l = ctx.locale;
  const label = ASPECT_LABELS[l][aspect];
  const summary =
    l === "fr"
      ? `Le score moyen passe de ${formatNumber(l, before)} à ${formatNumber(l, after)} (${formatNumber(l, delta, true)}) sur ${cur.count} mentions (période précédente\u00a0: ${prev.count}).`
      : `Mean score went from ${formatNumber(l, before)} to ${formatNumber(l, after)} (${formatNumber(l, delta, true)}) over ${cur.count} mentions (previous period: ${prev.count}).`;
  return {
    id: highlightId(type, ctx.businessId, aspectSubject(aspect, ctx.from, ctx.to)),
    type,
    businessId: ctx.businessId,
    title: `${labelled(l, TYPE_LABELS[l][type], label)} — ${ctx.businessName}`,
    summary,
    aspect,
    delta: Math.round(delta * 1000) / 1000,
    // The latest evidence, not `now`: the same data must give the same date on every run.
    publishedAt: new Date(cur.latest),
    score: Math.min(1, Math.abs(delta) / 2),
  };
}

/** Aspect with the largest rise and the one with the largest fall, each over minAspectDelta. */
export function selectAspectMoves(
  cur: ReadonlyMap<Aspect, AspectStats>,
  prev: ReadonlyMap<Aspect, AspectStats>,
  ctx: Ctx,
): HighlightItem[] {
  const { minAspectVolume, minAspectDelta } = ctx.options;
  const moves: Array<{ aspect: Aspect; delta: number; c: AspectStats; p: AspectStats }> = [];
  for (const [aspect, c] of cur) {
    const p = prev.get(aspect);
    if (!p || c.count < minAspectVolume || p.count < minAspectVolume) continue;
    moves.push({ aspect, delta: c.sum / c.count - p.sum / p.count, c, p });
  }
  // Aspect name breaks ties so the choice never depends on map order.
  moves.sort((a, b) => b.delta - a.delta || (a.aspect < b.aspect ? -1 : 1));
  const items: HighlightItem[] = [];
  const best = moves[0];
  const worst = moves[moves.length - 1];
  if (best && best.delta >= minAspectDelta) items.push(aspectItem(ctx, "aspect_improved", best.aspect, best.c, best.p));
  if (worst && worst.delta <= -minAspectDelta) {
    items.push(aspectItem(ctx, "aspect_degraded", worst.aspect, worst.c, worst.p));
  }
  return items;
}

function describeSource(s: KnownSource): string {
  if (s.label) return s.label;
  if (s.url) {
    try {
      return `${SOURCE_KIND_LABELS[s.kind]} (${new URL(s.url).host})`;
    } catch {
      // Not a URL we can read: the kind alone still tells the reader something.
    }
  }
  return SOURCE_KIND_LABELS[s.kind];
}

export function sourceVolume(current: MentionRecord[]): SourceVolume {
  const bySource = new Map<string, number>();
  for (const m of current) bySource.set(m.sourceId, (bySource.get(m.sourceId) ?? 0) + 1);
  return { total: current.length, bySource };
}

/** Sources whose very first mention falls inside the period, busiest first. */
export function selectNewSources(volume: SourceVolume, sources: KnownSource[], ctx: Ctx): HighlightItem[] {
  const counts = volume.bySource;
  const fresh = sources.filter(
    (s): s is KnownSource & { firstMentionAt: Date } =>
      s.businessId === ctx.businessId && s.firstMentionAt !== null && inRange(s.firstMentionAt, ctx.from, ctx.to),
  );
  fresh.sort(
    (a, b) =>
      (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) ||
      a.firstMentionAt.getTime() - b.firstMentionAt.getTime() ||
      (a.id < b.id ? -1 : 1),
  );
  const l = ctx.locale;
  return fresh.slice(0, ctx.options.newSources).map((s) => {
    const n = counts.get(s.id) ?? 0;
    const date = formatDate(l, s.firstMentionAt);
    return {
      id: highlightId("new_source", ctx.businessId, s.id),
      type: "new_source" as const,
      businessId: ctx.businessId,
      title: `${labelled(l, TYPE_LABELS[l].new_source, describeSource(s))} — ${ctx.businessName}`,
      summary:
        l === "fr"
          ? `Première mention le ${date}\u00a0; ${n} mention${n > 1 ? "s" : ""} sur la période.`
          : `First mention on ${date}; ${n} mention${n === 1 ? "" : "s"} in this period.`,
      ...(s.url ? { url: s.url } : {}),
      publishedAt: s.firstMentionAt,
      score: volume.total > 0 ? Math.min(1, n / volume.total) : 0,
    };
  });
}
