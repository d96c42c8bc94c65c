/**
 * Language detection. A first pass counts French and English function words over the
 * tokens the analyser needs anyway (no extra scan); when one language clearly wins it
 * decides. Otherwise (short, mixed or other-language text) tinyld decides: its
 * n-gram model is the better judge there but costs ~50–150 µs a call, more than the
 * whole analysis of a typical review, so it is kept for the texts that need it.
 */
import { detect } from "tinyld/light";
import { LEXICONS } from "./lexicon.ts";
import { Kind, type Token } from "./tokenize.ts";
import { FN_EN, FN_FR } from "./vocab.ts";

export function detectLang(text: string, tokens: Token[], hint?: "fr" | "en"): string {
  if (hint !== undefined) return hint;
  let fr = 0;
  let en = 0;
  let words = 0;
  for (const t of tokens) {
    if (t.kind !== Kind.Word) continue;
    words++;
    const fn = t.v?.fn ?? 0;
    if ((fn & FN_FR) !== 0) fr++;
    if ((fn & FN_EN) !== 0) en++;
    if (words >= 200) break;
  }
  if (fr >= 2 && fr >= 2 * en && fr >= words * 0.12) return "fr";
  if (en >= 2 && en >= 2 * fr && en >= words * 0.12) return "en";
  // Short texts ("Cute pic. Congrats!") fool n-gram models: when the function words say
  // nothing, evaluative words that only one of our lexicons knows are the better clue.
  const known = fr + en === 0 && words <= 12 ? lexiconVote(tokens) : 0;
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
