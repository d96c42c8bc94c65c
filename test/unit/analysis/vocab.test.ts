import { describe, expect, it } from "vitest";
import { foldToken, squeezeRuns } from "../../../src/analysis/fold.ts";
import { analyze } from "../../../src/analysis/index.ts";
import { IdPairs } from "../../../src/analysis/lexicon.ts";
import { scan, TokenStream, tokenize } from "../../../src/analysis/tokenize.ts";
import { FN_EN, FN_EN_ONLY, FN_FR, FN_LETTER, VOCAB, vocabStats } from "../../../src/analysis/vocab.ts";

// Texts whose scores depend on multi-word phrases, cues, negation scopes and emoji:
// everything that holds word ids across texts.
const SAMPLES: Array<[string, "fr" | "en" | undefined]> = [
  ["Pas mal du tout, je recommande ! Le service client a été très réactif.", undefined],
  ["Toujours pas de remboursement après trois mois d'attente, fuyez cette arnaque.", "fr"],
  ["Would not recommend. The staff was rude but the food was not bad at all 😀", undefined],
  ["I'm a bit disappointed, we waited an hour for a refund :(", "en"],
  ["Un peu cher mais l'accueil est super, merci à toute l'équipe.", undefined],
  ["Don't waste your time. Never again!!!", undefined],
];

/** Text n of made-up words that no earlier text used: "q" + seven letters of n * 2_500 + k. */
function uniqueWords(n: number): string {
  const out: string[] = [];
  for (let k = 0; k < 2_500; k++) {
    let x = n * 2_500 + k;
    let w = "q";
    for (let d = 0; d < 7; d++) {
      w += String.fromCharCode(97 + (x % 26));
      x = Math.floor(x / 26);
    }
    out.push(w);
  }
  return out.join(" ");
}

describe("word table", () => {
  it("gives the same analyses after it is emptied between texts", () => {
    const before = SAMPLES.map(([t, lang]) => JSON.stringify(analyze(t, { lang })));
    const { resets } = vocabStats();
    // 300,000 unique words: the table (bounded at 200,000) is emptied at least once.
    for (let n = 0; n < 120; n++) analyze(uniqueWords(n), { lang: "en" });
    expect(vocabStats().resets).toBeGreaterThan(resets);
    expect(vocabStats().words).toBeLessThanOrEqual(200_000);
    const after = SAMPLES.map(([t, lang]) => JSON.stringify(analyze(t, { lang })));
    expect(after).toEqual(before);
    // The samples themselves are scored (a reset that lost the lexicon would score 0).
    expect(SAMPLES.map(([t, lang]) => analyze(t, { lang }).sentiment.label)).toEqual([
      "positive",
      "negative",
      "neutral", // a mixed review
      "negative",
      "positive",
      "negative",
    ]);
  });
});

describe("id pairs", () => {
  it("holds exactly the pairs added, through growth and clearing", () => {
    const pairs = new IdPairs();
    const added: Array<[number, number]> = [];
    // Ids as the vocabulary gives them (small, dense), and pairs sharing a first or second id.
    for (let a = 0; a < 300; a += 3) for (let b = 0; b < 40; b += 7) added.push([a, b]);
    for (const [k, [a, b]] of added.entries()) pairs.add(a, b, k);
    pairs.add(0, 0, 999); // again: counted once, keeps its value
    expect(pairs.count).toBe(added.length);
    added.forEach(([a, b], k) => {
      expect(pairs.has(a, b)).toBe(true);
      expect(pairs.get(a, b)).toBe(k);
    });
    // A second id of -1 is a key like any other (the one-word phrases of a first word).
    pairs.add(5, -1, 7);
    expect(pairs.get(5, -1)).toBe(7);
    expect(pairs.get(6, -1)).toBe(-1);
    // Swapped, or one id off: absent.
    expect(pairs.has(7, 3)).toBe(false);
    expect(pairs.has(1, 0)).toBe(false);
    expect(pairs.has(3, 1)).toBe(false);
    expect(pairs.has(297, 41)).toBe(false);
    pairs.clear();
    expect(pairs.count).toBe(0);
    expect(pairs.has(0, 0)).toBe(false);
    expect(pairs.has(297, 35)).toBe(false);
  });
});

describe("function-word counts of the tokeniser", () => {
  // What the language rule reads (see lang.ts), counted again here from the token stream.
  function recount(text: string) {
    const ts = scan(text, 20_000, new TokenStream(16));
    let fr = 0;
    let en = 0;
    let enOnly = 0;
    let words = 0;
    for (let k = 0; k < ts.n && words < 200; k++) {
      if (ts.kind[k] !== 0) continue;
      words++;
      const fn = VOCAB.fn[ts.id[k] as number] as number;
      const elision = k + 1 < ts.n && ts.start[k + 1] === ts.start[k];
      if ((fn & FN_FR) !== 0 && ((fn & FN_LETTER) === 0 || elision)) fr++;
      if ((fn & FN_EN) !== 0) en++;
      if ((fn & FN_EN_ONLY) !== 0) enOnly++;
    }
    return { counted: [ts.fnFr, ts.fnEn, ts.fnEnOnly, ts.fnWords], recounted: [fr, en, enOnly, words] };
  }

  it.each([
    "L'équipe n'est pas à l'écoute, j'ai attendu et qu'il n'y a rien.",
    "The staff don't care, it's the worst and I'm done with them.",
    "Plan B : J-E-T-S, y a pas photo. Note 4/5 !",
    // a word past the fast path's length takes the whole-string path, elision included
    `l'${"a".repeat(80)} est le pire, c'est ça`,
    // more than 200 words: only the first 200 are counted
    "le chat et the dog ".repeat(80),
  ])("counts as the tokens say: %s", (text) => {
    const { counted, recounted } = recount(text);
    expect(counted).toEqual(recounted);
    expect(counted[3]).toBeGreaterThan(0);
  });
});

describe("scanner around the word buffer's bound", () => {
  // The fast path folds into a 64-code buffer; longer words take the whole-string path.
  // Either way a word is its lower-cased, accent-folded form, with the same flags.
  const words: string[] = [];
  for (let n = 58; n <= 68; n++) {
    words.push(
      "a".repeat(n),
      "ab".repeat(n).slice(0, n),
      `${"x".repeat(n - 1)}é`,
      `é${"y".repeat(n)}`,
      `${"c".repeat(n - 3)}ééé`,
      "Q".repeat(n),
      `${"m".repeat(n)}oooh`,
    );
  }
  it.each(words)("reads %s as one word", (raw) => {
    const { tokens } = tokenize(raw, 20_000);
    const w = foldToken(raw.toLowerCase());
    expect(tokens.map((t) => t.w)).toEqual([w]);
    const [t] = tokens;
    expect(t?.squeezed).toBe(squeezeRuns(w));
    expect(t?.caps).toBe(raw.toUpperCase() === raw && raw.toLowerCase() !== raw);
  });
});
