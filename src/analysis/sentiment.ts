/**
 * Sentence-level valence from lexicon hits and local rules: phrases, negation scope,
 * intensifiers and diminishers, comparatives, concession and contrast, capitals,
 * elongation, emoji, exclamation. Each hit is kept as Evidence.
 */
import { squeezeToOne as squeezeToOne_ } from "./fold.ts";
import {
  F_ABSENCE as F_ABSENCE_,
  F_FILLER as F_FILLER_,
  F_FLIP as F_FLIP_,
  F_NEGATOR as F_NEGATOR_,
  F_SPECIAL as F_SPECIAL_,
  type Lexicon,
  type Phrase,
  type PhraseTable,
  type WordInfo,
} from "./lexicon.ts";
import { EMOJI as EMOJI_ } from "./lexicons/emoji.ts";
import { EMOTICONS_BASE as EMOTICONS_BASE_ } from "./lexicons/emoticons-base.ts";
import {
  ABSENCE_VALUE as ABSENCE_VALUE_,
  BANG_STEP as BANG_STEP_,
  CAPS as CAPS_,
  COMPARATIVES as COMPARATIVES_,
  CONCESSION as CONCESSION_,
  CONCESSION_RULE as CONCESSION_RULE_,
  CONTRAST_AFTER as CONTRAST_AFTER_,
  CONTRAST_BEFORE as CONTRAST_BEFORE_,
  ELONGATION as ELONGATION_,
  EXCESS as EXCESS_,
  EXCESS_VALUE as EXCESS_VALUE_,
  IMPERATIVE as IMPERATIVE_,
  IMPERATIVE_VERBS as IMPERATIVE_VERBS_,
  INFO_QUESTION as INFO_QUESTION_,
  INFO_QUESTION_FACTOR as INFO_QUESTION_FACTOR_,
  LIKE_FORMS as LIKE_FORMS_,
  LIKE_SUBJECT as LIKE_SUBJECT_,
  MAX_EVIDENCE as MAX_EVIDENCE_,
  MODALS as MODALS_,
  NEG_OF_FLIP as NEG_OF_FLIP_,
  NEG_OF_NEGATIVE as NEG_OF_NEGATIVE_,
  NEVER_NEGATED as NEVER_NEGATED_,
  QUESTION as QUESTION_,
  RETRO_NEG as RETRO_NEG_,
  WISHES as WISHES_,
} from "./sentiment-rules.ts";
import { T_CAPS as T_CAPS_, T_LONG as T_LONG_, type TokenStream } from "./tokenize.ts";
import type { Evidence } from "./types.ts";
import {
  H_FLAG_SHIFT as H_FLAG_SHIFT_,
  H_KNOWN as H_KNOWN_,
  H_PHRASE_ONE as H_PHRASE_ONE_,
  H_PHRASE_SECOND as H_PHRASE_SECOND_,
  H_PHRASES as H_PHRASES_,
  H_VALUE as H_VALUE_,
  hotBits as hotBits_,
  VOCAB as VOCAB_,
  type Vocab,
  valences as valences_,
} from "./vocab.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const squeezeToOne = squeezeToOne_;
const F_ABSENCE = F_ABSENCE_;
const F_FILLER = F_FILLER_;
const F_FLIP = F_FLIP_;
const F_NEGATOR = F_NEGATOR_;
const F_SPECIAL = F_SPECIAL_;
/** every F_ flag */
const F_ALL = F_NEGATOR | F_FILLER | F_FLIP | F_ABSENCE | F_SPECIAL;
const EMOJI = EMOJI_;
const EMOTICONS_BASE = EMOTICONS_BASE_;
const ABSENCE_VALUE = ABSENCE_VALUE_;
const BANG_STEP = BANG_STEP_;
const CAPS = CAPS_;
const COMPARATIVES = COMPARATIVES_;
const CONCESSION = CONCESSION_;
const CONCESSION_RULE = CONCESSION_RULE_;
const CONTRAST_AFTER = CONTRAST_AFTER_;
const CONTRAST_BEFORE = CONTRAST_BEFORE_;
const ELONGATION = ELONGATION_;
const EXCESS = EXCESS_;
const EXCESS_VALUE = EXCESS_VALUE_;
const IMPERATIVE = IMPERATIVE_;
const IMPERATIVE_VERBS = IMPERATIVE_VERBS_;
const INFO_QUESTION = INFO_QUESTION_;
const INFO_QUESTION_FACTOR = INFO_QUESTION_FACTOR_;
const LIKE_FORMS = LIKE_FORMS_;
const LIKE_SUBJECT = LIKE_SUBJECT_;
const MAX_EVIDENCE = MAX_EVIDENCE_;
const MODALS = MODALS_;
const NEG_OF_FLIP = NEG_OF_FLIP_;
const NEG_OF_NEGATIVE = NEG_OF_NEGATIVE_;
const NEVER_NEGATED = NEVER_NEGATED_;
const QUESTION = QUESTION_;
const RETRO_NEG = RETRO_NEG_;
const WISHES = WISHES_;
const T_CAPS = T_CAPS_;
const T_LONG = T_LONG_;
const H_FLAG_SHIFT = H_FLAG_SHIFT_;
const H_KNOWN = H_KNOWN_;
const H_PHRASES = H_PHRASES_;
const H_PHRASE_ONE = H_PHRASE_ONE_;
const H_PHRASE_SECOND = H_PHRASE_SECOND_;
const H_VALUE = H_VALUE_;
const VOCAB = VOCAB_;
const hotBits = hotBits_;
const valences = valences_;
/** hot bits of a word that needs more than aging the open scopes, besides starting phrases (see scoreSentence) */
const H_SLOW = H_VALUE | ((F_NEGATOR | F_SPECIAL | F_ABSENCE) << H_FLAG_SHIFT);
/** hot bit of a filler word ("le", "the"): it does not age the open scopes */
const H_FILLER = F_FILLER << H_FLAG_SHIFT;

const EMOTICONS = EMOTICONS_BASE;
// Token kinds (see tokenize.ts: Kind)
const WORD = 0;
const EMOJI_TOK = 1;
const BANG = 2;
const END = 3;
const CLAUSE = 4;

export interface ScoredSentence {
  start: number;
  end: number;
  /** token range [from, to) */
  from: number;
  to: number;
  sum: number;
  pos: number;
  neg: number;
  /** negative mass outside concessions and before-contrast clauses */
  firmNeg: number;
  evidence: Evidence[];
  /** range of this sentence's hits in Scores.itemTok/itemVal (evidence is capped, these are not) */
  itemFrom: number;
  itemTo: number;
  bangs: number;
  /** range in Scores.breaks: token indices of clause marks and contrast words, ascending (aspect windows stop there) */
  breakFrom: number;
  breakTo: number;
  /** opens with a contrast word ("Mais…", "However…") */
  opensWithContrast: boolean;
  /** range of this sentence's cue hits (filled by the caller after cue matching) */
  hitFrom: number;
  hitTo: number;
}

/**
 * The scored sentences of one text, and the per-hit arrays they index into. One
 * instance is reused from text to text (scoreSentences empties it).
 */
export class Scores {
  /** the sentences of the text are pool[0, nSentences); the records are reused from text to text */
  pool: ScoredSentence[] = [];
  nSentences = 0;
  nItems = 0;
  /** token index, last token (phrases span several), final value, base valence, negated, term and rules of every hit */
  itemTok = new Int32Array(64);
  itemLast = new Int32Array(64);
  itemVal = new Float64Array(64);
  itemBase = new Float64Array(64);
  itemNeg = new Uint8Array(64);
  /** 1 when the hit was weakened as inside a concession clause */
  itemConc = new Uint8Array(64);
  itemTerm: string[] = [];
  itemRules: string[][] = [];
  nBreaks = 0;
  breaks = new Int32Array(64);

  /** room for `n` hits and breaks (never more than one of each per token) */
  reserve(n: number): void {
    if (this.itemTok.length >= n) return;
    let cap = this.itemTok.length;
    while (cap < n) cap *= 2;
    this.itemTok = new Int32Array(cap);
    this.itemLast = new Int32Array(cap);
    this.itemVal = new Float64Array(cap);
    this.itemBase = new Float64Array(cap);
    this.itemNeg = new Uint8Array(cap);
    this.itemConc = new Uint8Array(cap);
    this.breaks = new Int32Array(cap);
  }
}

// "I wish Anthony the best", "wish them luck": a blessing, not something missing.
const BLESSINGS = new Set(["best", "luck", "well", "success", "happiness"]);

/** The form of token k (a word or emoji), "" for punctuation. */
function wordAt(ts: TokenStream, k: number): string {
  const id = ts.id[k] as number;
  return id < 0 ? "" : (VOCAB.words[id] as string);
}

/** The phrase at token i among the entries of range `r` of the table (see PhraseTable), or null. */
function matchPhrase(pt: PhraseTable, ts: TokenStream, i: number, to: number, r: number): Phrase | null {
  const table = pt.table;
  const ids = ts.id;
  const end = pt.rangeTo[r] as number;
  for (let e = pt.rangeFrom[r] as number; e < end; e++)
    if (table.matches(e, ids, i, to)) return table.entries[e] as Phrase;
  return null;
}

/** The word's hot bits in this lexicon (see vocab.ts), filled with its value from its record on first sight. */
function hotOf(lex: Lexicon, hot: Int32Array, id: number): number {
  let bits = hot[id] as number;
  if ((bits & H_KNOWN) === 0) {
    const inf = infoOf(lex, VOCAB.records[id] as Vocab);
    valences(lex.lang)[id] = inf.value;
    bits |=
      H_KNOWN |
      (inf.flags << H_FLAG_SHIFT) |
      (inf.value !== 0 ? H_VALUE : 0) |
      (inf.startsPhrase ? H_PHRASES : 0) |
      (inf.oneWordPhrase ? H_PHRASE_ONE : 0);
    hot[id] = bits;
  }
  return bits;
}

/** The lexicon's record of a word, cached on its vocabulary entry. */
function infoOf(lex: Lexicon, v: Vocab): WordInfo {
  if (lex.lang === "fr") {
    let x = v.fr;
    if (x === undefined) {
      x = lex.info(v.w);
      v.fr = x;
    }
    return x;
  }
  let x = v.en;
  if (x === undefined) {
    x = lex.info(v.w);
    v.en = x;
  }
  return x;
}

/** "trèèès" → "tres", "sooo" → "so": the form the rule tables know, else the word as written. */
function canonical(lex: Lexicon, w: string, squeezed: string): string {
  const one = squeezeToOne(w);
  for (const c of [squeezed, one]) {
    if (lex.boosters.has(c) || lex.negators.has(c) || lex.phrases.has(c) || lex.words.has(c)) return c;
  }
  return w;
}

function isNegator(lex: Lexicon, w: string): boolean {
  return lex.negators.has(w) || (lex.lang === "en" && w.endsWith("n't"));
}

// Rule state of the sentence being scored: module-level and reset per sentence (the
// analyser is synchronous), so scoring allocates no state object or closure. The
// counters that every word ages (boostLeft, revLeft) are locals of scoreSentence:
// a module-level binding costs a load, a check and a store at each use.
let boost = 1;
let boostWord = "";
let revWord = "";
let concession = false;
/** set by modifiers() when it applies the concession rule, stored and reset by addItem() */
let conceded = false;
let shoutingDoc = false;

function addItem(
  out: Scores,
  tok: number,
  term: string,
  base: number,
  value: number,
  rules: string[],
  negated: boolean,
  last: number,
): void {
  const k = out.nItems;
  out.itemTok[k] = tok;
  out.itemLast[k] = last;
  out.itemVal[k] = value;
  out.itemBase[k] = base;
  out.itemNeg[k] = negated ? 1 : 0;
  out.itemConc[k] = conceded ? 1 : 0;
  conceded = false;
  out.itemTerm[k] = term;
  out.itemRules[k] = rules;
  out.nItems = k + 1;
}

// "intensified by 'très' ×1.5": the rule text of a booster, by its words and factor (few
// distinct ones recur; building it costs a number-to-string and three concatenations).
const boostRules = new Map<string, Map<number, string>>();
function boostRule(word: string, factor: number): string {
  let byFactor = boostRules.get(word);
  if (byFactor === undefined) {
    if (boostRules.size >= 1024) boostRules.clear();
    byFactor = new Map();
    boostRules.set(word, byFactor);
  }
  let rule = byFactor.get(factor);
  if (rule === undefined) {
    rule = `${factor > 1 ? "intensified" : "softened"} by '${word}' ×${Math.round(factor * 100) / 100}`;
    byFactor.set(factor, rule);
  }
  return rule;
}

/** The value after the open booster and comparative (the caller closes them), capitals, elongation and concession. */
function modifiers(flags: number, value: number, rules: string[], boosting: boolean, reversing: boolean): number {
  let v = value;
  if (boosting && boost !== 1) {
    v *= boost;
    rules.push(boostRule(boostWord, boost));
  }
  if (reversing) {
    v *= -1;
    rules.push(`reversed by comparative '${revWord}'`);
  }
  if ((flags & T_CAPS) !== 0 && !shoutingDoc) {
    v *= CAPS;
    rules.push("capitals");
  }
  if ((flags & T_LONG) !== 0) {
    v *= ELONGATION;
    rules.push("elongation");
  }
  if (concession) {
    v *= CONCESSION;
    rules.push(CONCESSION_RULE);
    conceded = true;
  }
  return v;
}

function scoreSentence(lex: Lexicon, ts: TokenStream, from: number, to: number, out: Scores): ScoredSentence {
  boost = 1;
  let boostLeft = 0;
  boostWord = "";
  let revLeft = 0;
  revWord = "";
  concession = false;
  conceded = false;
  const n = ts.n;
  const kinds = ts.kind;
  const flagsOf = ts.flags;
  const ids = ts.id;
  const records = VOCAB.records;
  const words = VOCAB.words;
  const hot = hotBits(lex.lang);
  const values = valences(lex.lang);
  // The constants of the per-token test as int32 locals (see tokenize.ts: scan).
  const kWord = WORD | 0;
  const hKnown = H_KNOWN | 0;
  const hSlow = H_SLOW | 0;
  const hFiller = H_FILLER | 0;
  const hPhrases = H_PHRASES | 0;
  const hPhraseOne = H_PHRASE_ONE | 0;
  const hPhraseSecond = H_PHRASE_SECOND | 0;
  const tLong = T_LONG | 0;
  const table = lex.phraseTable;
  const ranges = table.ranges;
  const itemFrom = out.nItems;
  const breakFrom = out.nBreaks;
  let negLeft = 0;
  let negWord = "";
  let contrastAt = -1;
  let contrastWord = "";
  let bangs = 0;
  let question = false;
  let opensWithContrast = false;
  let seenWord = false;
  let imperative = false;
  let modalLeft = 0;
  let wish = false;

  for (let i = from; i < to; i++) {
    const kind = kinds[i] as number;
    if (kind === kWord) {
      const id = ids[i] as number;
      const tf = flagsOf[i] as number;
      let bits = hot[id] as number;
      if ((bits & hKnown) === 0) bits = hotOf(lex, hot, id);
      // A phrase can start here: the word starts a one-word phrase, or the next word
      // makes with it the first two words of a longer one.
      let range = -1;
      if ((bits & hPhrases) !== 0) {
        if (i + 1 < to && kinds[i + 1] === kWord) {
          const next = ids[i + 1] as number;
          if (((hot[next] as number) & hPhraseSecond) !== 0) range = ranges.get(id, next);
        }
        if (range < 0 && (bits & hPhraseOne) !== 0) range = ranges.get(id, -1);
      }
      const phraseHere = range >= 0;
      if (!phraseHere && (bits & hSlow) === 0 && (tf & tLong) === 0) {
        // No value, rule or phrase (most words): the word only ages the open scopes,
        // as below for a word of value 0 (a filler does not), without opening its record.
        seenWord = true;
        if ((bits & hFiller) !== 0) continue;
        if (modalLeft > 0) modalLeft--;
        if (negLeft > 0) negLeft--;
        if (boostLeft > 0) boostLeft--;
        if (revLeft > 0) revLeft--;
        continue;
      }
      // The word, its flags and value from the per-id arrays; the record only for phrases
      // and elongated spellings.
      const tw = words[id] as string;
      const w = (tf & T_LONG) === 0 ? tw : canonical(lex, tw, (records[id] as Vocab).sq as string);
      const phrase = phraseHere ? matchPhrase(table, ts, i, to, range) : null;
      if (phrase !== null) {
        if (phrase.kind === "contrast") {
          out.breaks[out.nBreaks++] = i;
          contrastAt = out.nItems;
          contrastWord = phrase.text;
          if (!seenWord) opensWithContrast = true;
          negLeft = 0;
          concession = false;
        } else if (phrase.kind === "concession") {
          concession = true;
          negLeft = 0;
        } else if (phrase.value !== 0) {
          const rules: string[] = ["phrase"];
          let val = phrase.value;
          let negated = false;
          if (!phrase.immune && negLeft > 0 && imperative && val < 0) {
            rules.push(`warning: '${negWord} … ${phrase.text}' keeps its sign`);
          } else if (!phrase.immune && negLeft > 0) {
            val = val > 0 ? val * lex.negFactor : val * NEG_OF_NEGATIVE;
            rules.push(`negated by '${negWord}'`);
            negated = true;
          }
          val = modifiers(tf, val, rules, boostLeft > 0, revLeft > 0);
          boostLeft = 0;
          revLeft = 0;
          addItem(out, i, phrase.text, phrase.value, val, rules, negated, i + phrase.toks.length - 1);
          if (phrase.immune) {
            // "toujours pas de remboursement": a phrase ending on a negator still governs what follows.
            const lastTok = phrase.toks[phrase.toks.length - 1] as string;
            negLeft = lex.negators.has(lastTok) ? lex.negScope : 0;
            negWord = phrase.text;
          } else if (negated) negLeft = 0;
        } else if (phrase.immune) {
          negLeft = 0;
        }
        seenWord = true;
        i += phrase.toks.length - 1;
        continue;
      }
      seenWord = true;
      // Elongated forms were canonicalised: look their flags up under the canonical form.
      const canon = w === tw ? null : lex.info(w);
      const iflags = canon === null ? (bits >> H_FLAG_SHIFT) & F_ALL : canon.flags;
      const value = canon === null ? (values[id] as number) : canon.value;
      if ((iflags & F_NEGATOR) !== 0) {
        // "un peu" softens; a bare "peu" negates ("peu efficace").
        if (w === "peu" && i > 0 && wordAt(ts, i - 1) === "un") {
          boost = 0.6;
          boostLeft = 2;
          boostWord = "un peu";
          continue;
        }
        // Colloquial French drops "ne": "j'aime pas" negates the verb before "pas".
        const last = out.nItems - 1;
        if (
          lex.lang === "fr" &&
          RETRO_NEG.has(w) &&
          negLeft === 0 &&
          last >= itemFrom &&
          out.itemNeg[last] === 0 &&
          out.itemLast[last] === i - 1
        ) {
          const lv = out.itemVal[last] as number;
          out.itemVal[last] = lv > 0 ? lv * lex.negFactor : lv * NEG_OF_NEGATIVE;
          (out.itemRules[last] as string[]).push(`negated by following '${w}'`);
          out.itemNeg[last] = 1;
        }
        negLeft = lex.negScope;
        negWord = w;
        // "Don't waste your time", "Never again": a negated imperative at the start of a
        // sentence is a warning, and the negative word it governs stays negative.
        imperative =
          IMPERATIVE.has(w) &&
          (i === from || (i === from + 1 && wordAt(ts, from) === "just")) &&
          IMPERATIVE_VERBS.has(i + 1 < n ? wordAt(ts, i + 1) : "");
        continue;
      }
      if ((iflags & F_SPECIAL) !== 0) {
        const rev = lex.reversers.get(w);
        if (rev !== undefined) {
          revLeft = 2;
          revWord = w;
          continue;
        }
        if (lex.lang === "en" && LIKE_FORMS.has(w)) {
          if (i === 0 || kinds[i - 1] !== WORD || !LIKE_SUBJECT.has(wordAt(ts, i - 1))) continue;
        }
        const b = lex.boosters.get(w);
        if (b !== undefined && EXCESS.has(w)) {
          if (i + 1 < n && kinds[i + 1] === WORD) {
            const nid = ids[i + 1] as number;
            const nw = (records[nid] as Vocab).w;
            if (
              (hotOf(lex, hot, nid) & H_VALUE) === 0 &&
              !lex.fillers.has(nw) &&
              !lex.boosters.has(nw) &&
              !isNegator(lex, nw)
            ) {
              const rules = [`excess: '${w} ${nw}'`];
              // "never too crowded", "pas trop cher": excess denied is mild praise.
              const ev = negLeft > 0 ? -EXCESS_VALUE * 0.5 : EXCESS_VALUE;
              if (negLeft > 0) rules.push(`negated by '${negWord}'`);
              const mv = modifiers(tf, ev, rules, boostLeft > 0, revLeft > 0);
              boostLeft = 0;
              revLeft = 0;
              addItem(out, i, `${w} ${nw}`, 0, mv, rules, negLeft > 0, i);
              negLeft = 0;
              i++;
              continue;
            }
          }
        }
        if (b !== undefined) {
          // "super", "bien": an intensifier when a scored word follows, a word of their own otherwise.
          const own = value;
          let next = i + 1;
          if (next < n && kinds[next] === WORD && (hotOf(lex, hot, ids[next] as number) & hFiller) !== 0) next = i + 2;
          const nextScored = next < n && kinds[next] === WORD && (hotOf(lex, hot, ids[next] as number) & H_VALUE) !== 0;
          if (own === 0 || nextScored) {
            const stretched = (tf & T_LONG) !== 0 && b > 1 ? ELONGATION : 1;
            if (boostLeft > 0) {
              boost *= b * stretched;
              boostWord = `${boostWord} ${w}`;
            } else {
              boost = b * stretched;
              boostWord = w;
            }
            boostLeft = 2;
            continue;
          }
        }
        if (MODALS.has(w) || WISHES.has(w)) {
          modalLeft = 4;
          wish = WISHES.has(w);
        }
      }
      const base = value;
      if (base !== 0) {
        const rules: string[] = [];
        let val = base;
        let negated = false;
        if (modalLeft > 0 && negLeft === 0 && val > 0 && (wish || COMPARATIVES.has(w)) && !BLESSINGS.has(w)) {
          val = -val * 0.8;
          rules.push("wished-for comparative (complaint)");
          negated = true;
        }
        if (negLeft > 0 && NEVER_NEGATED.has(w)) {
          // laughter and thanks keep their sign
        } else if (negLeft > 0 && imperative && val < 0) {
          rules.push(`warning: '${negWord} … ${w}' keeps its sign`);
        } else if (negLeft > 0) {
          if (val > 0) val *= lex.negFactor;
          else val *= (iflags & F_FLIP) !== 0 ? NEG_OF_FLIP : NEG_OF_NEGATIVE;
          rules.push(`negated by '${negWord}'`);
          negated = true;
        }
        val = modifiers(tf, val, rules, boostLeft > 0, revLeft > 0);
        boostLeft = 0;
        revLeft = 0;
        addItem(out, i, w, base, val, rules, negated, i);
        // One negator governs one evaluative word; "ni" or a new negator opens another scope.
        if (negated) negLeft = 0;
      } else if (negLeft > 0 && (iflags & F_ABSENCE) !== 0) {
        const rules = [`absence: '${negWord} … ${w}'`];
        const mv = modifiers(tf, ABSENCE_VALUE, rules, boostLeft > 0, revLeft > 0);
        boostLeft = 0;
        revLeft = 0;
        addItem(out, i, w, 0, mv, rules, true, i);
        negLeft = 0;
        continue;
      }
      if ((iflags & F_FILLER) === 0) {
        if (modalLeft > 0) modalLeft--;
        if (negLeft > 0) negLeft--;
        if (boostLeft > 0 && base === 0) boostLeft--;
        if (revLeft > 0 && base === 0) revLeft--;
      }
    } else if (kind === EMOJI_TOK) {
      const tw = words[ids[i] as number] as string;
      const e = EMOJI[tw];
      const base = e !== undefined ? e[0] : (EMOTICONS[tw] ?? 0);
      if (base !== 0) addItem(out, i, tw, base, base, [e !== undefined ? "emoji" : "emoticon"], false, i);
    } else if (kind === BANG) {
      const src = ts.src;
      const e = ts.end[i] as number;
      for (let k = ts.start[i] as number; k < e; k++) {
        if (src.charCodeAt(k) === 33) bangs++;
        else question = true;
      }
    } else if (kind === CLAUSE) {
      out.breaks[out.nBreaks++] = i;
      negLeft = 0;
      concession = false;
      boostLeft = 0;
    }
  }

  let sum = 0;
  let pos = 0;
  let neg = 0;
  let firm = 0;
  const itemTo = out.nItems;
  const vals = out.itemVal;
  const contrasted = contrastAt >= 0 && contrastAt < itemTo;
  for (let k = itemFrom; k < itemTo; k++) {
    let value = vals[k] as number;
    if (contrasted) {
      const f = k < contrastAt ? CONTRAST_BEFORE : CONTRAST_AFTER;
      value *= f;
      vals[k] = value;
      (out.itemRules[k] as string[]).push(`${k < contrastAt ? "before" : "after"} contrast '${contrastWord}' ×${f}`);
    }
    sum += value;
    if (value > 0) pos += value;
    else {
      neg -= value;
      // Complaints conceded ("malgré un petit retard") or outweighed by a contrast are not firm.
      if (!(contrastAt >= 0 && k < contrastAt) && out.itemConc[k] === 0) firm -= value;
    }
  }
  if (sum !== 0 && bangs > 0) {
    const extra = Math.min(bangs, 4) * BANG_STEP;
    sum += sum > 0 ? extra : -extra;
  }
  if (question && bangs === 0) {
    // "Comment résilier ?", "How do I cancel?": a request for information, not a verdict.
    const f = INFO_QUESTION.has(wordAt(ts, from)) ? INFO_QUESTION_FACTOR : QUESTION;
    sum *= f;
    pos *= f;
    neg *= f;
    firm *= f;
  }
  const evidence: Evidence[] = [];
  const evTo = itemTo - itemFrom > MAX_EVIDENCE ? itemFrom + MAX_EVIDENCE : itemTo;
  for (let k = itemFrom; k < evTo; k++) {
    evidence.push({
      term: out.itemTerm[k] as string,
      base: out.itemBase[k] as number,
      value: Math.round((vals[k] as number) * 100) / 100,
      rules: out.itemRules[k] as string[],
    });
  }
  // Sentence records are internal: reused from text to text (only `evidence` is handed out).
  const k = out.nSentences++;
  let s = out.pool[k];
  if (s === undefined) {
    s = {
      start: 0,
      end: 0,
      from: 0,
      to: 0,
      sum: 0.5,
      pos: 0.5,
      neg: 0.5,
      firmNeg: 0.5,
      evidence,
      itemFrom: 0,
      itemTo: 0,
      bangs: 0,
      breakFrom: 0,
      breakTo: 0,
      opensWithContrast: false,
      hitFrom: 0,
      hitTo: 0,
    };
    out.pool.push(s);
  }
  s.start = ts.start[from] as number;
  s.end = ts.end[to - 1] as number;
  s.from = from;
  s.to = to;
  s.sum = sum;
  s.pos = pos;
  s.neg = neg;
  s.firmNeg = firm;
  s.evidence = evidence;
  s.itemFrom = itemFrom;
  s.itemTo = itemTo;
  s.bangs = bangs;
  s.breakFrom = breakFrom;
  s.breakTo = out.nBreaks;
  s.opensWithContrast = opensWithContrast;
  s.hitFrom = 0;
  s.hitTo = 0;
  return s;
}

/**
 * Splits the token stream into sentences and scores each into `out` (emptied first):
 * they are out.pool[0, n), n returned (and in out.nSentences).
 */
export function scoreSentences(lex: Lexicon, ts: TokenStream, shouting: boolean, out: Scores): number {
  out.nSentences = 0;
  out.nItems = 0;
  out.nBreaks = 0;
  out.reserve(ts.n);
  shoutingDoc = shouting;
  const n = ts.n;
  const kinds = ts.kind;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const k = kinds[i] as number;
    if (k === END || k === BANG) {
      // Emoji right after the end mark belong to the sentence they close.
      let j = i + 1;
      while (j < n && kinds[j] === EMOJI_TOK) j++;
      if (j - from > 1 || k === BANG) scoreSentence(lex, ts, from, j, out);
      from = j;
      i = j - 1;
    }
  }
  if (from < n) scoreSentence(lex, ts, from, n, out);
  return out.nSentences;
}
