/**
 * Text helpers for alerts: one folding function so keywords, stop-words and
 * mention text compare the same way in French and English.
 */
import { STOP_WORDS } from "./stop-words.ts";

/** Lowercase, accents removed, ligatures spelled out, typographic apostrophes made plain. */
export function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[\u2019\u2018\u02bc]/g, "'");
}

export interface Token {
  /** Folded form: the comparison key. */
  key: string;
  /** Lowercase form as written, for display ("remboursé" rather than "rembourse"). */
  surface: string;
}

/** Informative words only: ≥ 3 letters, not a number, not a stop-word. */
export function informativeTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const raw of text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []) {
    const key = fold(raw);
    if (key.length < 3 || /^\p{N}+$/u.test(key) || STOP_WORDS.has(key)) continue;
    out.push({ key, surface: raw.toLowerCase() });
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface KeywordMatcher {
  keyword: string;
  test(foldedText: string): boolean;
}

/**
 * "remboursé" matches "rembourse" and "REMBOURSÉ" but not "remboursement";
 * "service client" matches "service-client"; "rembours*" matches both.
 * Boundaries are letters/digits, so an apostrophe ("l'arnaque") is a boundary.
 */
export function compileKeyword(keyword: string): KeywordMatcher {
  const folded = fold(keyword.trim());
  const prefix = folded.endsWith("*");
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  const body = words.map(escapeRegExp).join("[^\\p{L}\\p{N}]+");
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? "[\\p{L}\\p{N}]*" : ""}(?![\\p{L}\\p{N}])`, "u");
  return { keyword, test: (text) => words.length > 0 && re.test(text) };
}
