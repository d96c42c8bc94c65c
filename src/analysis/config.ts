/** Calibration constants of the analyser, fixed after measuring on the development sets. */

/** Only the first 20,000 characters are analysed: reviews are far shorter, and it bounds the worst case. */
export const MAX_CHARS = 20_000;
/**
 * |score| below this is neutral; chosen per language on the development sets
 * (npm run eval prints the sweep) and then fixed.
 */
export const NEUTRAL_BANDS: Record<string, number> = { fr: 0.35, en: 0.2 };
export const neutralBand = (lang: string): number => NEUTRAL_BANDS[lang] ?? 0.2;
/** Squashing constant: a raw sum of ±2.5 (one clear word) maps to about ±0.7. */
export const ALPHA = 6;
/** The verdict usually opens or closes a review. */
export const FIRST_WEIGHT = 1.15;
export const LAST_WEIGHT = 1.3;
/** A sentence opening with "Mais…"/"However…" outweighs what came before it. */
export const CONTRAST_OPENER = 1.3;
export const BEFORE_OPENER = 0.75;

export function squash(x: number): number {
  return x / Math.sqrt(x * x + ALPHA);
}

/** Evidence mass that a text needs before its balance counts fully. */
export const BALANCE_K = 2;
export const MIX = 0;
/**
 * Density of evaluation: one evaluative word in a long text says less than the same word
 * alone ("Great." vs a paragraph of facts with "great" in it). Past DENSITY_FREE_WORDS
 * words, each word adds DENSITY_PER_WORD to the balance constant, up to DENSITY_MAX.
 * Only applies when the caller passes the text's word count.
 */
export const DENSITY_FREE_WORDS = 8;
export const DENSITY_PER_WORD = 0.1;
export const DENSITY_MAX = 3;

/**
 * Final document score from the weighted sum and the weighted evidence mass: half
 * the squashed sum (how much is said), half the balance (how one-sided it is), so a
 * long review with strong praise and strong complaint lands near 0 instead of
 * saturating on whichever side has one word more. `words` (optional) is the text's
 * word count, for the density term.
 */
export function combine(raw: number, mass: number, words = 0): number {
  const density =
    words > DENSITY_FREE_WORDS ? Math.min(DENSITY_MAX, DENSITY_PER_WORD * (words - DENSITY_FREE_WORDS)) : 0;
  const balance = raw / (mass + BALANCE_K + density);
  const s = MIX * squash(raw) + (1 - MIX) * balance;
  return Math.max(-1, Math.min(1, s));
}

/** Score given to a text of NARRATIVE_MIN_WORDS+ words with no evaluative word (label stays neutral). */
export const NARRATIVE_PRIOR = -0.01;
export const NARRATIVE_MIN_WORDS = 4;

/** Weight of negative evidence relative to positive (negativity bias of reviews). */
export const NEGATIVITY = 1.6;
