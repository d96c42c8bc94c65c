import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.ts";
import { vocabStats } from "../../../src/analysis/vocab.ts";

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
