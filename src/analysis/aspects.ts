/**
 * Customer-experience aspects and touchpoints. An aspect is reported only where the
 * text evaluates it: its cue must sit near scored words (same sentence, a few tokens
 * away) or in a clearly polar sentence. Polarity is the sign of that local valence;
 * praise and complaint of the same aspect make it mixed.
 */
import { ASPECTS, type Aspect, type Touchpoint } from "../domain.ts";
import type { CueHit } from "./cues.ts";
import type { ScoredSentence, Scores } from "./sentiment.ts";

const WINDOW = 7;
const LOCAL_MIN = 0.3;
const SENTENCE_MIN = 0.8;
const MIXED_RATIO = 0.3;

type DocAspect = { aspect: Aspect; polarity: "positive" | "negative" | "mixed"; score: number; evidence: string[] };

// Aspects already counted at a token in the current sentence (a cue with two targets
// of the same aspect counts once), and the praise, complaint and evidence of each
// aspect of the text by its index in ASPECTS, with the aspects in order of first
// evaluation (the order of the output): module-level scratch, the analyser is synchronous.
const seenAspect: number[] = [];
const seenTok: number[] = [];
const accPos = new Float64Array(ASPECTS.length);
const accNeg = new Float64Array(ASPECTS.length);
const accEvidence: string[][] = ASPECTS.map(() => []);
const accOrder = new Uint8Array(ASPECTS.length);
let nAcc = 0;

// "+0.5", "-1.2": the signed value of an evidence line, by the value in hundredths and
// its sign (a handful of distinct values recur; number-to-string is not cheap).
const signed = new Map<number, string>();
function signedHundredths(v: number): string {
  const r = Math.round(v * 100);
  const key = r * 2 + (v > 0 ? 1 : 0);
  let s = signed.get(key);
  if (s === undefined) {
    s = `${v > 0 ? "+" : ""}${r / 100}`;
    if (signed.size >= 4096) signed.clear();
    signed.set(key, s);
  }
  return s;
}

export function aspectsOf(sc: Scores, hits: CueHit[]): { doc: DocAspect[]; bySentence: Aspect[][] } {
  const sentences = sc.pool;
  for (let k = 0; k < nAcc; k++) {
    const a = accOrder[k] as number;
    accPos[a] = 0;
    accNeg[a] = 0;
  }
  nAcc = 0;
  const bySentence: Aspect[][] = [];
  const breaks = sc.breaks;
  const itemTok = sc.itemTok;
  const itemVal = sc.itemVal;
  for (let i = 0; i < sc.nSentences; i++) {
    const s = sentences[i] as ScoredSentence;
    const found: Aspect[] = [];
    /** bit k: ASPECTS[k] is in `found` */
    let foundBits = 0;
    let seen = 0;
    for (let hk = s.hitFrom; hk < s.hitTo; hk++) {
      const h = hits[hk] as CueHit;
      if (h.target.t !== "a") continue;
      const aspect = h.target.name;
      const ak = h.target.k;
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
        if (seenTok[k] === h.tok && seenAspect[k] === ak) {
          dup = true;
          break;
        }
      }
      if (dup) continue;
      seenAspect[seen] = ak;
      seenTok[seen] = h.tok;
      seen++;
      let evidence = accEvidence[ak] as string[];
      if (accPos[ak] === 0 && accNeg[ak] === 0) {
        // First evaluation of the aspect in this text (v is never 0): a fresh evidence list.
        accOrder[nAcc++] = ak;
        evidence = [];
        accEvidence[ak] = evidence;
      }
      if (v > 0) accPos[ak] = (accPos[ak] as number) + v;
      else accNeg[ak] = (accNeg[ak] as number) - v;
      if (evidence.length < 6) evidence.push(`${h.text} (${signedHundredths(v)})`);
      if ((foundBits & (1 << ak)) === 0) {
        foundBits |= 1 << ak;
        found.push(aspect);
      }
    }
    bySentence.push(found);
  }
  const doc: DocAspect[] = [];
  for (let k = 0; k < nAcc; k++) {
    const ak = accOrder[k] as number;
    const pos = accPos[ak] as number;
    const neg = accNeg[ak] as number;
    const hi = Math.max(pos, neg);
    const lo = Math.min(pos, neg);
    const polarity = lo > 0 && lo >= hi * MIXED_RATIO ? "mixed" : pos >= neg ? "positive" : "negative";
    const net = pos - neg;
    doc.push({
      aspect: ASPECTS[ak] as Aspect,
      polarity,
      score: Math.round((net / (Math.abs(net) + 2)) * 1000) / 1000,
      evidence: accEvidence[ak] as string[],
    });
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
