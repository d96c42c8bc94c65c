/** Accent folding and elongation handling shared by the tokeniser and the lexicon loader. */

const FOLD: Record<string, string> = {
  à: "a",
  â: "a",
  ä: "a",
  á: "a",
  ã: "a",
  å: "a",
  ç: "c",
  é: "e",
  è: "e",
  ê: "e",
  ë: "e",
  í: "i",
  ì: "i",
  î: "i",
  ï: "i",
  ñ: "n",
  ó: "o",
  ò: "o",
  ô: "o",
  ö: "o",
  õ: "o",
  ú: "u",
  ù: "u",
  û: "u",
  ü: "u",
  ý: "y",
  ÿ: "y",
  œ: "oe",
  æ: "ae",
  "’": "'",
  "‘": "'",
  ʼ: "'",
};
const FOLDABLE = /[àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ’‘ʼ]/g;

/** Lower-cased token in, accent-free token out; ASCII tokens are returned as they are. */
export function foldToken(lower: string): string {
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return lower;
  return lower.replace(FOLDABLE, (c) => FOLD[c] ?? c);
}

const RUN3 = /([a-z])\1{2,}/g;

/**
 * "trèèès" / "sooo" / "goooood": a letter repeated three times or more is never
 * standard spelling in French or English, so the run marks emphasis.
 * Returns the word with runs cut to two letters, or null when there is no run.
 */
export function squeezeRuns(folded: string): string | null {
  let run = false;
  for (let i = 2; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c === folded.charCodeAt(i - 1) && c === folded.charCodeAt(i - 2) && c >= 97 && c <= 122) {
      run = true;
      break;
    }
  }
  if (!run) return null;
  return folded.replace(RUN3, "$1$1");
}

/** Same runs cut to one letter ("soo" -> "so"). */
export function squeezeToOne(folded: string): string {
  return folded.replace(/([a-z])\1+/g, "$1");
}
