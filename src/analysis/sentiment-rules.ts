/**
 * Weights and word lists of the sentence rules (see sentiment.ts). Changing any of
 * these changes scores: bump ANALYZER_VERSION.
 */
export const CONTRAST_AFTER = 1.5;
export const CONTRAST_BEFORE = 0.5;
export const CONCESSION = 0.5;
export const CONCESSION_RULE = "inside a concession clause";
export const CAPS = 1.3;
export const ELONGATION = 1.2;
export const BANG_STEP = 0.3;
export const QUESTION = 0.85;
export const INFO_QUESTION = new Set([
  "comment",
  "quand",
  "ou",
  "combien",
  "how",
  "when",
  "where",
  "can",
  "could",
  "est",
  "is",
  "do",
  "does",
]);
export const INFO_QUESTION_FACTOR = 0.3;
export const MAX_EVIDENCE = 24;
// Negated negative words become weakly positive ("pas mauvais" is not praise)...
export const NEG_OF_NEGATIVE = -0.35;
// ...except complaint nouns whose absence is the point ("aucun problème").
export const NEG_OF_FLIP = -0.9;
export const ABSENCE_VALUE = -2;
export const RETRO_NEG = new Set(["pas", "jamais"]);
// "like" is a verb of liking only after a subject or an adverb; elsewhere it is "such as" or a filler.
export const LIKE_SUBJECT = new Set([
  "i",
  "we",
  "you",
  "they",
  "really",
  "also",
  "still",
  "definitely",
  "do",
  "did",
  "don't",
  "dont",
  "didn't",
  "didnt",
  "does",
  "doesn't",
  "totally",
  "i'd",
  "we'd",
  "would",
  "actually",
  "always",
  "kinda",
  "quite",
  "she",
  "he",
  "who",
  "to",
  "much",
  "truly",
  "honestly",
  "genuinely",
  "absolutely",
  "certainly",
  "not",
]);
export const LIKE_FORMS = new Set(["like", "likes"]);
// "too plastic", "trop long": excess said of a word that has no valence of its own is a complaint.
export const EXCESS = new Set(["too", "trop"]);
export const EXCESS_VALUE = -1;
export const IMPERATIVE = new Set(["don't", "dont"]);
export const IMPERATIVE_VERBS = new Set([
  "waste",
  "buy",
  "bother",
  "go",
  "make",
  "order",
  "get",
  "eat",
  "trust",
  "use",
  "expect",
  "purchase",
  "believe",
  "come",
  "fall",
  "try",
  "let",
  "be",
  "stay",
  "risk",
  "spend",
  "pay",
  "book",
  "drink",
]);
// "could be better", "should be cheaper": a comparative under a modal is a wish, i.e. a complaint.
// "I wish it were good", "j'aurais aimé être prévenu": whatever is wished for is missing.
export const WISHES = new Set(["wish", "wished", "expected", "expecting", "aurais", "aurait", "espérais", "esperais"]);
// Laughter and thanks are not negated by a negator a few words earlier ("no idea lol").
export const NEVER_NEGATED = new Set([
  "lol",
  "lmao",
  "rofl",
  "haha",
  "hahaha",
  "xd",
  "thanks",
  "thx",
  "merci",
  "mdr",
  "ptdr",
]);
export const MODALS = new Set([
  "could",
  "should",
  "would",
  "wish",
  "pourrait",
  "pourraient",
  "devrait",
  "devraient",
  "aurait",
  "auraient",
  "aurais",
]);
export const COMPARATIVES = new Set([
  "better",
  "nicer",
  "cheaper",
  "faster",
  "easier",
  "more",
  "improved",
  "mieux",
  "meilleur",
  "meilleure",
  "meilleurs",
  "meilleures",
  "plus",
]);
