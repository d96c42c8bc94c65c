/**
 * Language detection. The tokeniser counts French and English function words as it
 * reads the words (no extra pass); when one language clearly wins it decides.
 * Otherwise (short, mixed or other-language text) eld (Efficient Language Detector,
 * its "extrasmall" n-gram model) decides: the better judge there, but ~80 µs a call,
 * more than the whole analysis of a typical review, so it is kept for the texts whose
 * result it can change. (tinyld, used before, took ~350 µs a call and read
 * 97 % of the evaluation texts right against eld's 99 %.)
 *
 * The rule, in order: a hint wins; function words of one language ≥ 2, at least twice
 * the other's and ≥ 12 % of the words decide; function words of one language only plus
 * a lexicon vote for it (words only that language's lexicon scores) decide; very short
 * texts with no function word follow the lexicon vote; words in ASCII letters only with
 * an English function word no other Latin-script language shares ("the", "with",
 * "don't"...) and no French one are English; everything else asks eld.
 *
 * eld's model is a ~950 KB object literal (150–300 ms to load): it is required on the first
 * text that needs it, not at import, so that importing the analyser stays cheap and a
 * caller that always passes a hint never loads it. A service loads it at boot
 * (warmLanguageDetector) so that no request pays for it.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { eld as Eld } from "eld/extrasmall";
import { LEXICONS as LEXICONS_ } from "./lexicon.ts";
import type { TokenStream } from "./tokenize.ts";
import { VOCAB as VOCAB_ } from "./vocab.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const LEXICONS = LEXICONS_;

type Detector = typeof Eld;
let detector: Detector | null = null;

/**
 * Loads eld's "extrasmall" model once, synchronously. eld's package exports have only
 * an "import" condition, so `require("eld/extrasmall")` is refused: the entry file is
 * found under the directories Node would search for "eld" and required by path
 * (require of an ES module, Node ≥ 20.19).
 */
export function loadDetector(): Detector {
  if (detector !== null) return detector;
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths("eld") ?? []) {
    const entry = path.join(dir, "eld", "src", "entries", "static.extrasmall.js");
    if (existsSync(entry)) {
      detector = (require(entry) as { eld: Detector }).eld;
      return detector;
    }
  }
  throw new Error("language detector not found: is the eld package installed?");
}

const detect = (text: string): string => (detector ?? loadDetector()).detect(text).language;
/**
 * Characters given to eld: its cost grows with the text, its verdict does not past a
 * sentence or two (the same 99.3 % on the evaluation texts from 150 characters up).
 */
const SAMPLE = 200;
const VOCAB = VOCAB_;

export function detectLang(text: string, ts: TokenStream, hint?: "fr" | "en"): string {
  if (hint !== undefined) return hint;
  // Counted by the tokeniser over the first FN_WORDS words (see tokenize.ts: countFn).
  const fr = ts.fnFr;
  const en = ts.fnEn;
  const enOnly = ts.fnEnOnly;
  const words = ts.fnWords;
  if (fr >= 2 && fr >= 2 * en && fr >= words * 0.12) return "fr";
  if (en >= 2 && en >= 2 * fr && en >= words * 0.12) return "en";
  // Evaluative words that only one of our lexicons knows: cheap (two map reads a word,
  // once per distinct word) next to the n-gram model, and the better clue on short
  // texts ("Cute pic. Congrats!").
  const vote = words <= 40 ? lexiconVote(ts) : 0;
  // Function words of one language only, confirmed by its evaluative words
  // ("Un service absolument parfait", "I'm a bit disappointed"): decided here.
  if (fr >= 1 && en === 0 && vote >= 1) return "fr";
  if (en >= 1 && fr === 0 && vote <= -1) return "en";
  const known = fr + en === 0 && words <= 12 ? vote : 0;
  if (words <= 6 && known >= 2) return "fr";
  if (words <= 6 && known <= -2) return "en";
  // Words of ASCII letters only, with an English function word that no other Latin-script
  // language writes and no French one ("Battery is terrible.", "Just give him a chance!"):
  // English. eld agreed on every such text of the evaluation sets, at ~50 µs a call.
  if (enOnly >= 1 && fr === 0 && !ts.wide) return "en";
  // Three or four words with a lexicon vote follow the vote whatever eld says: not asked.
  const guess =
    words >= 3 && !(known !== 0 && words <= 4) ? detect(text.length > SAMPLE ? text.slice(0, SAMPLE) : text) : "";
  if (known !== 0 && (guess === "" || guess === "fr" || guess === "en" || words <= 4)) return known > 0 ? "fr" : "en";
  if (guess === "fr" || guess === "en") return guess;
  if (guess !== "" && fr + en === 0) return guess;
  // No usable verdict: fall back on the function-word count, English on a tie.
  return fr > en ? "fr" : "en";
}

/** +1 per word only the French lexicon scores, -1 per word only the English one does. */
function lexiconVote(ts: TokenStream): number {
  // Compiled first: compiling interns words, which can replace VOCAB's arrays.
  const frWords = LEXICONS.fr.words;
  const enWords = LEXICONS.en.words;
  const votes = VOCAB.vote;
  let vote = 0;
  const kind = ts.kind;
  const ids = ts.id;
  for (let k = 0; k < ts.n; k++) {
    if (kind[k] !== 0) continue;
    const id = ids[k] as number;
    let x = votes[id] as number;
    if (x === 0) {
      const w = VOCAB.words[id] as string;
      const f = frWords.get(w) ?? 0;
      const e = enWords.get(w) ?? 0;
      x = 2 + (f !== 0 && e === 0 ? 1 : e !== 0 && f === 0 ? -1 : 0);
      votes[id] = x;
    }
    vote += x - 2;
  }
  return vote;
}
