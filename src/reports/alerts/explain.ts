/**
 * Why an alert fired, in words a marketing team can act on: which terms are
 * suddenly frequent, where the mentions come from, which aspects they hurt,
 * and a few mentions to read.
 */
import type { Aspect, MentionRecord } from "../../domain.ts";
import { combinedPolarity, effectiveDate } from "../highlights/mention-signals.ts";
import { informativeTokens } from "./text.ts";
import type { AspectStat, SourceStat, TermStat } from "./types.ts";

export interface TermDocs {
  docs: number;
  /** Folded term -> number of mentions containing it (each mention counts once). */
  df: Map<string, number>;
}

export function termDocs(
  mentions: readonly MentionRecord[],
): TermDocs & { surfaces: Map<string, Map<string, number>> } {
  const df = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const m of mentions) {
    const seen = new Set<string>();
    for (const t of informativeTokens(`${m.title ?? ""} ${m.text}`)) {
      const forms = surfaces.get(t.key) ?? new Map<string, number>();
      forms.set(t.surface, (forms.get(t.surface) ?? 0) + 1);
      surfaces.set(t.key, forms);
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      df.set(t.key, (df.get(t.key) ?? 0) + 1);
    }
  }
  return { docs: mentions.length, df, surfaces };
}

function mostCommon(forms: Map<string, number> | undefined, fallback: string): string {
  let best = fallback;
  let n = -1;
  for (const [form, c] of forms ?? []) {
    if (c > n || (c === n && form < best)) [best, n] = [form, c];
  }
  return best;
}

/**
 * Terms ranked by document frequency × log2(1 + lift). Counting documents, not
 * occurrences, keeps one long rant from setting the agenda; the lift (smoothed
 * ratio of shares, focus vs baseline) pushes down words that are always there.
 */
export function topTerms(focus: readonly MentionRecord[], baseline: TermDocs | null, limit = 8): TermStat[] {
  const cur = termDocs(focus);
  const minDocs = cur.docs >= 4 ? 2 : 1;
  const ranked: Array<TermStat & { rank: number; key: string }> = [];
  for (const [key, count] of cur.df) {
    if (count < minDocs) continue;
    const base = baseline ? (baseline.df.get(key) ?? 0) : null;
    const lift = baseline ? (count + 0.5) / (cur.docs + 1) / (((base ?? 0) + 0.5) / (baseline.docs + 1)) : 1;
    ranked.push({
      key,
      term: mostCommon(cur.surfaces.get(key), key),
      count,
      baselineCount: base,
      lift: Math.round(lift * 100) / 100,
      rank: count * Math.log2(1 + lift),
    });
  }
  ranked.sort((a, b) => b.rank - a.rank || b.count - a.count || (a.key < b.key ? -1 : 1));
  return ranked.slice(0, limit).map(({ term, count, baselineCount, lift }) => ({ term, count, baselineCount, lift }));
}

export function topSources(focus: readonly MentionRecord[], limit = 3): SourceStat[] {
  const by = new Map<string, SourceStat>();
  for (const m of focus) {
    const s = by.get(m.sourceId) ?? {
      sourceId: m.sourceId,
      sourceKind: m.sourceKind,
      sourceUrl: m.sourceUrl,
      count: 0,
    };
    s.count += 1;
    by.set(m.sourceId, s);
  }
  return [...by.values()].sort((a, b) => b.count - a.count || (a.sourceId < b.sourceId ? -1 : 1)).slice(0, limit);
}

/** Aspects the focus mentions judge negatively (or mixed), most cited first. */
export function topAspects(focus: readonly MentionRecord[], limit = 3): AspectStat[] {
  const by = new Map<Aspect, { count: number; sum: number }>();
  for (const m of focus) {
    const seen = new Set<Aspect>();
    for (const a of m.analysis?.aspects ?? []) {
      if (a.polarity === "positive" || seen.has(a.aspect)) continue;
      seen.add(a.aspect);
      const s = by.get(a.aspect) ?? { count: 0, sum: 0 };
      s.count += 1;
      s.sum += a.score;
      by.set(a.aspect, s);
    }
  }
  return [...by.entries()]
    .map(([aspect, s]) => ({ aspect, count: s.count, meanScore: Math.round((s.sum / s.count) * 1000) / 1000 }))
    .sort((a, b) => b.count - a.count || a.meanScore - b.meanScore || (a.aspect < b.aspect ? -1 : 1))
    .slice(0, limit);
}

/** Most negative first, then newest, then id: the mentions worth reading first. */
export function sampleIds(focus: readonly MentionRecord[], limit = 5): string[] {
  return [...focus]
    .sort(
      (a, b) =>
        combinedPolarity(a) - combinedPolarity(b) ||
        effectiveDate(b).getTime() - effectiveDate(a).getTime() ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, limit)
    .map((m) => m.id);
}
