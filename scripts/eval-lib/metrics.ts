/** Scoring helpers for scripts/eval.ts: macro-F1, accuracy, Pearson r, multi-label F1. */

export function macroF1(
  gold: string[],
  pred: string[],
  labels: string[],
): { f1: number; acc: number; per: Record<string, number> } {
  const per: Record<string, number> = {};
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === l && gold[i] === l) tp++;
      else if (pred[i] === l) fp++;
      else if (gold[i] === l) fn++;
    }
    const f = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    per[l] = f;
    sum += f;
  }
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return { f1: sum / labels.length, acc: gold.length ? ok / gold.length : 0, per };
}

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Per-label F1 over items for multi-label data; macro over `labels`, plus micro. */
export function multiLabelF1(
  gold: string[][],
  pred: string[][],
  labels: string[],
): { macro: number; micro: number; per: Record<string, { f1: number; n: number }> } {
  const per: Record<string, { f1: number; n: number }> = {};
  let TP = 0;
  let FP = 0;
  let FN = 0;
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = (gold[i] as string[]).includes(l);
      const p = (pred[i] as string[]).includes(l);
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const f = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    per[l] = { f1: f, n: tp + fn };
    sum += f;
    TP += tp;
    FP += fp;
    FN += fn;
  }
  return { macro: sum / labels.length, micro: TP === 0 ? 0 : (2 * TP) / (2 * TP + FP + FN), per };
}

export const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "  —  ");
