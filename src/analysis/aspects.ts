/**
 * Customer-experience aspects and touchpoints. An aspect is reported only where the
 * text evaluates it: its cue must sit near scored words (same sentence, a few tokens
 * away) or in a clearly polar sentence. Polarity is the sign of that local valence;
 * praise and complaint of the same aspect make it mixed.
 */
import type { Aspect, Touchpoint } from "../domain.ts";
import type { CueHit } from "./cues.ts";
import type { ScoredSentence, Scores } from "./sentiment.ts";

const WINDOW = 7;
const LOCAL_MIN = 0.3;
const SENTENCE_MIN = 0.8;
const MIXED_RATIO = 0.3;

type DocAspect = { aspect: Aspect; polarity: "positive" | "negative" | "mixed"; score: number; evidence: string[] };

// Aspects already counted at a token in the current sentence (a cue with two targets
// of the same aspect counts once): module-level scratch, the analyser is synchronous.
const seenAspect: Aspect[] = [];
const seenTok: number[] = [];

export function aspectsOf(sc: Scores, hits: CueHit[]): { doc: DocAspect[]; bySentence: Aspect[][] } {
  const sentences = sc.sentences;
  const acc = new Map<Aspect, { pos: number; neg: number; evidence: string[] }>();
  const bySentence: Aspect[][] = [];
  const breaks = sc.breaks;
  const itemTok = sc.itemTok;
  const itemVal = sc.itemVal;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as ScoredSentence;
    const found: Aspect[] = [];
    let seen = 0;
    for (let hk = s.hitFrom; hk < s.hitTo; hk++) {
      const h = hits[hk] as CueHit;
      if (h.target.t !== "a") continue;
      const aspect = h.target.name;
      let local = 0;
      // The window stops at clause marks and contrast words: in "great staff but the
      // prices are too high" the prices are not praised.
      let segLo = h.tok - WINDOW;
      let segHi = h.tok + h.len + WINDOW;
      for (let bk = s.breakFrom; bk < s.breakTo; bk++) {
        const b = breaks[bk] as number;
        if (b < h.tok) segLo = Math.max(segLo, b + 1);
        else if (b >= h.tok + h.len) {
          segHi = Math.min(segHi, b - 1);
          break;
        }
      }
      // Items are in token order: start at the first one inside the window.
      let lo = s.itemFrom;
      let hi = s.itemTo;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((itemTok[mid] as number) < segLo) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < s.itemTo; k++) {
        if ((itemTok[k] as number) > segHi) break;
        local += itemVal[k] as number;
      }
      let v = 0;
      if (Math.abs(local) >= LOCAL_MIN) v = local;
      else if (Math.abs(s.sum) >= SENTENCE_MIN) v = s.sum;
      if (v === 0) continue;
      let dup = false;
      for (let k = 0; k < seen; k++) {
        if (seenTok[k] === h.tok && seenAspect[k] === aspect) {
          dup = true;
          break;
        }
      }
      if (dup) continue;
      seenAspect[seen] = aspect;
      seenTok[seen] = h.tok;
      seen++;
      let a = acc.get(aspect);
      if (a === undefined) {
        a = { pos: 0, neg: 0, evidence: [] };
        acc.set(aspect, a);
      }
      if (v > 0) a.pos += v;
      else a.neg -= v;
      if (a.evidence.length < 6) a.evidence.push(`${h.text} (${v > 0 ? "+" : ""}${Math.round(v * 100) / 100})`);
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

/** Touchpoints named by hits[0, n). */
export function touchpointsOf(hits: CueHit[], n: number): Touchpoint[] {
  const out: Touchpoint[] = [];
  for (let k = 0; k < n; k++) {
    const h = hits[k] as CueHit;
    if (h.target.t === "p" && !out.includes(h.target.name)) out.push(h.target.name);
  }
  return out;
}
