/**
 * Customer-experience aspects and touchpoints. An aspect is reported only where the
 * text evaluates it: its cue must sit near scored words (same sentence, a few tokens
 * away) or in a clearly polar sentence. Polarity is the sign of that local valence;
 * praise and complaint of the same aspect make it mixed.
 */
import type { Aspect, Touchpoint } from "../domain.ts";
import type { CueHit } from "./cues.ts";
import type { ScoredSentence } from "./sentiment.ts";

const WINDOW = 7;
const LOCAL_MIN = 0.3;
const SENTENCE_MIN = 0.8;
const MIXED_RATIO = 0.3;

type DocAspect = { aspect: Aspect; polarity: "positive" | "negative" | "mixed"; score: number; evidence: string[] };

export function aspectsOf(sentences: ScoredSentence[], hits: CueHit[][]): { doc: DocAspect[]; bySentence: Aspect[][] } {
  const acc = new Map<Aspect, { pos: number; neg: number; evidence: string[] }>();
  const bySentence: Aspect[][] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as ScoredSentence;
    const found: Aspect[] = [];
    const seen = new Set<string>();
    for (const h of hits[i] ?? []) {
      if (h.target.t !== "a") continue;
      const aspect = h.target.name;
      let local = 0;
      // The window stops at clause marks and contrast words: in "great staff but the
      // prices are too high" the prices are not praised.
      let segLo = h.tok - WINDOW;
      let segHi = h.tok + h.len + WINDOW;
      for (const b of s.breaks) {
        if (b < h.tok) segLo = Math.max(segLo, b + 1);
        else if (b >= h.tok + h.len) {
          segHi = Math.min(segHi, b - 1);
          break;
        }
      }
      // Items are in token order: start at the first one inside the window.
      let lo = 0;
      let hi = s.itemToks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((s.itemToks[mid] as number) < segLo) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < s.itemToks.length; k++) {
        if ((s.itemToks[k] as number) > segHi) break;
        local += s.itemVals[k] as number;
      }
      let v = 0;
      if (Math.abs(local) >= LOCAL_MIN) v = local;
      else if (Math.abs(s.sum) >= SENTENCE_MIN) v = s.sum;
      if (v === 0) continue;
      const key = `${aspect}:${h.tok}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const a = acc.get(aspect) ?? { pos: 0, neg: 0, evidence: [] };
      if (v > 0) a.pos += v;
      else a.neg -= v;
      if (a.evidence.length < 6) a.evidence.push(`${h.text} (${v > 0 ? "+" : ""}${Math.round(v * 100) / 100})`);
      acc.set(aspect, a);
      if (!found.includes(aspect)) found.push(aspect);
    }
    bySentence.push(found);
  }
  const doc: DocAspect[] = [];
  for (const [aspect, a] of acc) {
    const hi = Math.max(a.pos, a.neg);
    const lo = Math.min(a.pos, a.neg);
    const polarity = lo > 0 && lo >= hi * MIXED_RATIO ? "mixed" : a.pos >= a.neg ? "positive" : "negative";
    const net = a.pos - a.neg;
    doc.push({ aspect, polarity, score: Math.round((net / (Math.abs(net) + 2)) * 1000) / 1000, evidence: a.evidence });
  }
  return { doc, bySentence };
}

export function touchpointsOf(hits: CueHit[][]): Touchpoint[] {
  const out: Touchpoint[] = [];
  for (const list of hits) {
    for (const h of list) if (h.target.t === "p" && !out.includes(h.target.name)) out.push(h.target.name);
  }
  return out;
}
