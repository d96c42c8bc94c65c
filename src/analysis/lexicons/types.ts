/** Shape of one language's sentiment rules; see fr-sentiment.ts and en-sentiment.ts. */
export interface LangRules {
  /** words that general lexicons score but that are neutral in reviews (set to 0) */
  neutral: string[];
  /** hand-curated valences on -4..+4, overriding the base lexicon */
  words: Record<string, number>;
  /** multi-word expressions, matched before single words; a phrase holding a negator is not negated again */
  phrases: Array<[string, number]>;
  /** negative words whose negation is praise ("no problem", "aucun souci") */
  flipOnNegation: string[];
  /** neutral service nouns whose negation is a complaint ("no answer", "aucune réponse") */
  absence: string[];
  negators: Record<string, number>;
  /** comparatives that reverse the polarity of the next word ("moins cher", "less reliable") */
  reversers: Record<string, number>;
  /** multipliers for the next scored word (>1 intensifies, <1 softens) */
  boosters: Record<string, number>;
  /** function words that do not use up a negation or booster scope */
  fillers: string[];
  /** the clause after these weighs more, the one before less */
  contrast: string[];
  /** the clause these open weighs less ("malgré", "although") */
  concession: string[];
}
