/**
 * Language detection. A first pass counts French and English function words over the
 * tokens the analyser needs anyway (no extra scan); when one language clearly wins it
 * decides. Otherwise (short, mixed or other-language text) tinyld decides: its
 * n-gram model is the better judge there but costs ~50–150 µs a call, more than the
 * whole analysis of a typical review, so it is kept for the texts that need it.
 *
 * The rule, in order: a hint wins; function words of one language ≥ 2, at least twice
 * the other's and ≥ 12 % of the words decide; function words of one language only plus
 * a lexicon vote for it (words only that language's lexicon scores) decide; very short
 * texts with no function word follow the lexicon vote; everything else asks tinyld.
 */
import { detect } from "tinyld/light";
import { LEXICONS as LEXICONS_ } from "./lexicon.ts";
import { Kind as Kind_, type Token } from "./tokenize.ts";
import { FN_EN as FN_EN_, FN_FR as FN_FR_ } from "./vocab.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const LEXICONS = LEXICONS_;
const Kind = Kind_;
const FN_EN = FN_EN_;
const FN_FR = FN_FR_;

export function detectLang(text: string, tokens: Token[], hint?: "fr" | "en"): string {
  if (hint !== undefined) return hint;
  let fr = 0;
  let en = 0;
  let words = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== Kind.Word) continue;
    words++;
    const fn = t.v?.fn ?? 0;
    // A lone letter is French only as an elision ("l'", "j'"), whose word shares its start;
    // "J-E-T-S" or "plan B" say nothing.
    if ((fn & FN_FR) !== 0 && (t.w.length > 1 || tokens[k + 1]?.start === t.start)) fr++;
    if ((fn & FN_EN) !== 0) en++;
    if (words >= 200) break;
  }
  if (fr >= 2 && fr >= 2 * en && fr >= words * 0.12) return "fr";
  if (en >= 2 && en >= 2 * fr && en >= words * 0.12) return "en";
  // Evaluative words that only one of our lexicons knows: cheap (two map reads a word)
  // next to the n-gram model, and the better clue on short texts ("Cute pic. Congrats!").
  const vote = words <= 40 ? lexiconVote(tokens) : 0;
  // Function words of one language only, confirmed by its evaluative words
  // ("Un service absolument parfait", "I'm a bit disappointed"): decided here.
  if (fr >= 1 && en === 0 && vote >= 1) return "fr";
  if (en >= 1 && fr === 0 && vote <= -1) return "en";
  const known = fr + en === 0 && words <= 12 ? vote : 0;
  if (words <= 6 && known >= 2) return "fr";
  if (words <= 6 && known <= -2) return "en";
  const sample = text.length > 300 ? text.slice(0, 300) : text;
  const guess = words >= 3 ? detect(sample) : "";
  if (known !== 0 && (guess === "" || guess === "fr" || guess === "en" || words <= 4)) return known > 0 ? "fr" : "en";
  if (guess === "fr" || guess === "en") return guess;
  if (guess !== "" && fr + en === 0) return guess;
  // No usable verdict: fall back on the function-word count, English on a tie.
  return fr > en ? "fr" : "en";
}

/** +1 per word only the French lexicon scores, -1 per word only the English one does. */
function lexiconVote(tokens: Token[]): number {
  let vote = 0;
  for (const t of tokens) {
    if (t.kind !== Kind.Word) continue;
    const f = LEXICONS.fr.words.get(t.w) ?? 0;
    const e = LEXICONS.en.words.get(t.w) ?? 0;
    if (f !== 0 && e === 0) vote++;
    else if (e !== 0 && f === 0) vote--;
  }
  return vote;
}
