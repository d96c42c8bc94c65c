/**
 * Where to cut a quote inside a text: sentences, clauses around a contrast word,
 * word boundaries, and the anchoring on the analyser's evidence. Pure string work;
 * the choice of mention and the tone check live in quotes.ts.
 */

export const MAX_QUOTE_CHARS = 220;

export interface Span {
  start: number;
  end: number;
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

const TRIM_START = /^[\s"'«»“”‘’\-–—•*]+/u;
const TRIM_END = /[\s,;:\-–—«“‘(]+$/u;

/** Sentence spans: cut after . ! ? … followed by a space, and at line breaks; whitespace trimmed. */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const re = /[.!?…]+(?=\s|$)|\n+/gu;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m[0].startsWith("\n") ? m.index : m.index + m[0].length;
    pushTrimmed(text, from, end, spans);
    from = m.index + m[0].length;
  }
  pushTrimmed(text, from, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Array<{ start: number; end: number }>): void {
  const piece = text.slice(start, end);
  const lead = piece.match(TRIM_START)?.[0].length ?? 0;
  const trail = piece.slice(lead).match(/\s+$/u)?.[0].length ?? 0;
  const s = start + lead;
  const e = end - trail;
  // A piece without a letter or digit ("!!!", "-") is not worth quoting.
  if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ start: s, end: e });
}

/** Shorten a sentence to at most `max` characters at word boundaries, keeping `focus` inside. */
export function cutAtWords(text: string, start: number, end: number, focus = start, max = MAX_QUOTE_CHARS): Span {
  if (end - start <= max) return { start, end, truncatedStart: false, truncatedEnd: false };
  let s = start;
  if (focus - start > max / 2) {
    const from = Math.max(start, focus - Math.floor(max / 3));
    const ws = text.slice(from, focus).search(/\s/u);
    s = ws >= 0 ? from + ws + 1 : focus;
  }
  let e = Math.min(end, s + max);
  if (e < end) {
    const lastSpace = text.slice(s, e + 1).search(/\s\S*$/u);
    if (lastSpace > 0) e = s + lastSpace;
  }
  const inner = text.slice(s, e);
  const trail = inner.match(TRIM_END)?.[0].length ?? 0;
  e -= trail;
  return { start: s, end: e, truncatedStart: s > start, truncatedEnd: e < end };
}

/** One char in, one char out (so indices stay aligned): lower case, no accent, straight apostrophe. */
function foldChar(c: string): string {
  if (c === "’" || c === "‘" || c === "ʼ") return "'";
  const base = c.normalize("NFD")[0] ?? c;
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : c;
}

export function foldForSearch(text: string): string {
  let out = "";
  for (const c of text) out += c.length === 1 ? foldChar(c) : "\uFFFD".repeat(c.length);
  return out;
}

/**
 * The analyser stores aspect evidence as "cue (±valence)", the cue as written in
 * its lexicon. Parsed so a quote can be anchored on the word that carried the
 * polarity asked for, not on a neighbour that pulled the other way.
 */
export function parseEvidence(ev: string): { term: string; value: number | null } {
  const m = ev.match(/^(.*\S)\s*\(([+-]?\d+(?:\.\d+)?)\)\s*$/u);
  if (!m) return { term: ev.trim(), value: null };
  return { term: m[1]!.trim(), value: Number(m[2]) };
}

const LETTER = /[\p{L}\p{N}]/u;

/** First position of `term` in `text`, ignoring case, accents and apostrophe style, at a word start. */
export function findTerm(text: string, term: string): number {
  const hay = foldForSearch(text);
  const needle = foldForSearch(term.trim());
  if (needle.length < 2) return -1;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (at === 0 || !LETTER.test(text[at - 1]!)) return at;
  }
  return -1;
}

// Cue words for choosing a sentence when the analysis gives no usable evidence.
// Letter-aware boundaries, since \b ignores accented letters.
const cues = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, "iu");
const NEGATIVE_CUES = cues(
  "horrible|lamentable|terrible|pas|jamais|aucun|aucune|déçue?|décevant|déception|attente|attendu|cher|chère|sale|impoli|désagréable|nul|mauvais|rembours\\w*|not|never|no|rude|dirty|waited|waiting|slow|worst|awful|bad|disappoint\\w*|expensive|broken|refund\\w*",
);
const POSITIVE_CUES = cues(
  "merci|super|excellent|excellente|parfait|parfaite|top|génial|ravie?|agréable|chaleureux|délicieux|délicieuse|recommande|thank\\w*|great|perfect|lovely|friendly|recommend|amazing|helpful|delicious|excellent",
);

// A contrast splits a sentence into two verdicts: "friendly staff, but a long wait".
const CONTRAST =
  /(?<![\p{L}\p{N}])(?:mais|cependant|par contre|en revanche|sauf que|but|however|although|though|except that)(?![\p{L}\p{N}])/giu;
const MIN_CLAUSE_WORDS = 3;

/** Within a sentence, the clause (between contrast words) that holds `at`, if it is long enough to stand alone. */
function clauseAround(text: string, start: number, end: number, at: number): { start: number; end: number } {
  const cuts = [start];
  for (const m of text.slice(start, end).matchAll(CONTRAST)) cuts.push(start + m.index);
  if (cuts.length === 1) return { start, end };
  cuts.push(end);
  for (let i = 0; i < cuts.length - 1; i++) {
    const s = cuts[i]!;
    const e = cuts[i + 1]!;
    if (at < s || at >= e) continue;
    const piece = text.slice(s, e);
    const trimmedEnd = s + piece.replace(/[\s,;:\-–—]+$/u, "").length;
    if (piece.trim().split(/\s+/u).length < MIN_CLAUSE_WORDS) return { start, end };
    return { start: s, end: trimmedEnd };
  }
  return { start, end };
}

function clauseSpan(text: string, sentence: { start: number; end: number }, at: number): Span {
  const c = clauseAround(text, sentence.start, sentence.end, at);
  const span = cutAtWords(text, c.start, c.end, at);
  return {
    ...span,
    truncatedStart: span.truncatedStart || c.start > sentence.start,
    truncatedEnd: span.truncatedEnd || c.end < sentence.end,
  };
}

export interface PickOptions {
  /** A candidate span is taken only if this says so (the quotes module checks its tone). */
  accept?: (span: Span) => boolean;
  /**
   * Return null rather than a span `accept` refused; and when the evidence was found
   * but refused, do not fall back to unrelated sentences (they would not be about the aspect).
   */
  strict?: boolean;
}

/**
 * The span to quote for a mention: the clause holding the aspect's evidence of the
 * wanted polarity, else a sentence whose cue words lean that way (and not the other).
 */
export function pickSpan(
  text: string,
  evidence: readonly string[],
  polarity: "positive" | "negative",
  opts: PickOptions = {},
): Span | null {
  const accept = opts.accept ?? (() => true);
  const sentences = sentenceSpans(text);
  if (sentences.length === 0) return null;
  const sign = polarity === "positive" ? 1 : -1;
  // Evidence pulling the wanted way first, unsigned next; the opposite way never anchors a quote.
  const rank = (v: number | null) => (v === null ? 1 : Math.sign(v) === sign ? 0 : 2);
  const ordered = evidence
    .map((e, i) => ({ ...parseEvidence(e), i }))
    .filter((e) => rank(e.value) < 2)
    .sort((x, y) => rank(x.value) - rank(y.value) || x.i - y.i);
  let anchored = false;
  for (const ev of ordered) {
    const at = findTerm(text, ev.term);
    const sentence = at < 0 ? undefined : sentences.find((s) => at >= s.start && at < s.end);
    if (!sentence) continue;
    anchored = true;
    const span = clauseSpan(text, sentence, at);
    if (accept(span)) return span;
  }
  if (anchored && opts.strict) return null;
  const cue = polarity === "negative" ? NEGATIVE_CUES : POSITIVE_CUES;
  const other = polarity === "negative" ? POSITIVE_CUES : NEGATIVE_CUES;
  const piece = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  const candidates = [
    ...sentences.filter((s) => cue.test(piece(s)) && !other.test(piece(s))),
    ...sentences.filter((s) => cue.test(piece(s)) && other.test(piece(s))),
    ...sentences.filter((s) => !cue.test(piece(s))),
  ];
  let first: Span | null = null;
  for (const s of candidates) {
    const hit = piece(s).search(cue);
    const span = hit >= 0 ? clauseSpan(text, s, s.start + hit) : cutAtWords(text, s.start, s.end);
    if (accept(span)) return span;
    first ??= span;
  }
  return opts.strict ? null : first;
}
