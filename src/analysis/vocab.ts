/**
 * One memoised record per distinct word: function-word bits for language detection,
 * and slots that the sentiment and cue stages fill on first use with what their
 * tables say about the word. The tokeniser attaches the record to each token, so the
 * stages after it do no hash lookups of their own on the hot path.
 */
import type { Cue } from "./cues.ts";
import type { WordInfo } from "./lexicon.ts";

export const FN_FR = 1;
export const FN_EN = 2;

const FR_WORDS = new Set(
  (
    "le la les de des du un une et est je il elle nous vous ils elles pas ne n que qui pour dans avec sur au aux " +
    "ce cette ces mon ma mes son sa ses tres tout mais ou donc car ete suis sont avoir fait j l d c qu s m " +
    "leur leurs votre vos notre nos meme aussi bien tres plus moins avait ai etait sans chez apres depuis " +
    "rien jamais toujours merci bonjour encore ca cela assurance tres vraiment"
  ).split(" "),
);
const EN_WORDS = new Set(
  (
    "the and is are was were i you he she it we they not to of in for with this that my your but " +
    "have has had be been very so just it's i'm don't at if them their our what when there from " +
    "would will can all out up get got one about no do did does like really good great time thanks " +
    "love because only than too"
  ).split(" "),
);

export interface Vocab {
  fn: number;
  fr: WordInfo | undefined;
  en: WordInfo | undefined;
  /** cues starting with this word, per language (null: none) */
  cueFr: Cue[] | null | undefined;
  cueEn: Cue[] | null | undefined;
}

const MAX = 200_000;
const table = new Map<string, Vocab>();

export function vocabOf(w: string): Vocab {
  let v = table.get(w);
  if (v === undefined) {
    v = {
      fn: (FR_WORDS.has(w) ? FN_FR : 0) | (EN_WORDS.has(w) ? FN_EN : 0),
      fr: undefined,
      en: undefined,
      cueFr: undefined,
      cueEn: undefined,
    };
    // Bounded: an adversarial stream of unique words cannot grow it without limit.
    if (table.size >= MAX) table.clear();
    table.set(w, v);
  }
  return v;
}
