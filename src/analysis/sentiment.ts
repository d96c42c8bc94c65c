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
import { Kind as Kind_, type Token } from "./tokenize.ts";
import type { Evidence } from "./types.ts";

// The TS loader runs these modules as CommonJS, where every read of an imported
// binding is a getter call: hot loops read module-local copies instead.
const squeezeToOne = squeezeToOne_;
const F_ABSENCE = F_ABSENCE_;
const F_FILLER = F_FILLER_;
const F_FLIP = F_FLIP_;
const F_NEGATOR = F_NEGATOR_;
const F_SPECIAL = F_SPECIAL_;
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
const Kind = Kind_;

const EMOTICONS = EMOTICONS_BASE;

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
  /** token index and final value of every hit (evidence is capped, these are not) */
  itemToks: number[];
  itemVals: number[];
  bangs: number;
  /** token indices of clause marks and contrast words, ascending: aspect windows stop there */
  breaks: number[];
  /** opens with a contrast word ("Mais…", "However…") */
  opensWithContrast: boolean;
}

// "I wish Anthony the best", "wish them luck": a blessing, not something missing.
const BLESSINGS = new Set(["best", "luck", "well", "success", "happiness"]);

interface Item extends Evidence {
  tok: number;
  /** last token of the match (phrases span several) */
  last: number;
  negated: boolean;
}

function matchPhrase(list: Phrase[] | undefined, tokens: Token[], i: number, to: number): Phrase | null {
  if (list === undefined) return null;
  outer: for (const p of list) {
    if (i + p.toks.length > to) continue;
    for (let k = 1; k < p.toks.length; k++) {
      const tk = tokens[i + k];
      if (tk === undefined || tk.kind !== Kind.Word || tk.w !== p.toks[k]) continue outer;
    }
    return p;
  }
  return null;
}

/** The lexicon's record of a token, cached on the token's vocabulary entry. */
function infoOf(lex: Lexicon, t: Token): WordInfo {
  const v = t.v;
  if (v === null) return lex.info(t.w);
  if (lex.lang === "fr") {
    if (v.fr === undefined) v.fr = lex.info(t.w);
    return v.fr;
  }
  if (v.en === undefined) v.en = lex.info(t.w);
  return v.en;
}

/** "trèèès" → "tres", "sooo" → "so": the form the rule tables know, else the token as written. */
function canonical(lex: Lexicon, t: Token): string {
  const one = squeezeToOne(t.w);
  for (const c of [t.squeezed as string, one]) {
    if (lex.boosters.has(c) || lex.negators.has(c) || lex.phrases.has(c) || lex.words.has(c)) return c;
  }
  return t.w;
}

function isNegator(lex: Lexicon, w: string): boolean {
  return lex.negators.has(w) || (lex.lang === "en" && w.endsWith("n't"));
}

interface State {
  items: Item[];
  boost: number;
  boostLeft: number;
  boostWord: string;
  revLeft: number;
  revWord: string;
  concession: boolean;
  shouting: boolean;
}

// Module-level helpers rather than closures: the analyser runs per text at high rates,
// and closures allocated per call (and named by the TS loader) show up in profiles.
function push(
  st: State,
  tok: number,
  term: string,
  base: number,
  value: number,
  rules: string[],
  negated: boolean,
  last = tok,
) {
  st.items.push({ tok, last, term, base, value, rules, negated });
}

function modifiers(st: State, t: Token, value: number, rules: string[]): number {
  let v = value;
  if (st.boostLeft > 0 && st.boost !== 1) {
    v *= st.boost;
    rules.push(
      `${st.boost > 1 ? "intensified" : "softened"} by '${st.boostWord}' ×${Math.round(st.boost * 100) / 100}`,
    );
  }
  if (st.revLeft > 0) {
    v *= -1;
    rules.push(`reversed by comparative '${st.revWord}'`);
  }
  if (t.caps && !st.shouting) {
    v *= CAPS;
    rules.push("capitals");
  }
  if (t.squeezed !== null) {
    v *= ELONGATION;
    rules.push("elongation");
  }
  if (st.concession) {
    v *= CONCESSION;
    rules.push("inside a concession clause");
  }
  st.boostLeft = 0;
  st.revLeft = 0;
  return v;
}

function scoreSentence(lex: Lexicon, tokens: Token[], from: number, to: number, shouting: boolean): ScoredSentence {
  const items: Item[] = [];
  const st: State = {
    items,
    boost: 1,
    boostLeft: 0,
    boostWord: "",
    revLeft: 0,
    revWord: "",
    concession: false,
    shouting,
  };
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
  const breaks: number[] = [];

  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind === Kind.Word) {
      const w = t.squeezed === null ? t.w : canonical(lex, t);
      const inf = infoOf(lex, t);
      const phrase = matchPhrase(inf.phrases, tokens, i, to);
      if (phrase !== null) {
        if (phrase.kind === "contrast") {
          breaks.push(i);
          contrastAt = items.length;
          contrastWord = phrase.text;
          if (!seenWord) opensWithContrast = true;
          negLeft = 0;
          st.concession = false;
        } else if (phrase.kind === "concession") {
          st.concession = true;
          negLeft = 0;
        } else if (phrase.value !== 0) {
          const rules: string[] = ["phrase"];
          let v = phrase.value;
          let negated = false;
          if (!phrase.immune && negLeft > 0 && imperative && v < 0) {
            rules.push(`warning: '${negWord} … ${phrase.text}' keeps its sign`);
          } else if (!phrase.immune && negLeft > 0) {
            v = v > 0 ? v * lex.negFactor : v * NEG_OF_NEGATIVE;
            rules.push(`negated by '${negWord}'`);
            negated = true;
          }
          v = modifiers(st, t, v, rules);
          push(st, i, phrase.text, phrase.value, v, rules, negated, i + phrase.toks.length - 1);
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
      const info = w === t.w ? inf : lex.info(w);
      if ((info.flags & F_NEGATOR) !== 0) {
        // "un peu" softens; a bare "peu" negates ("peu efficace").
        const prev = tokens[i - 1];
        if (w === "peu" && prev !== undefined && prev.w === "un") {
          st.boost = 0.6;
          st.boostLeft = 2;
          st.boostWord = "un peu";
          continue;
        }
        // Colloquial French drops "ne": "j'aime pas" negates the verb before "pas".
        const last = items[items.length - 1];
        if (
          lex.lang === "fr" &&
          RETRO_NEG.has(w) &&
          negLeft === 0 &&
          last !== undefined &&
          !last.negated &&
          last.last === i - 1
        ) {
          last.value = last.value > 0 ? last.value * lex.negFactor : last.value * NEG_OF_NEGATIVE;
          last.rules.push(`negated by following '${w}'`);
          last.negated = true;
        }
        negLeft = lex.negScope;
        negWord = w;
        // "Don't waste your time", "Never again": a negated imperative at the start of a
        // sentence is a warning, and the negative word it governs stays negative.
        imperative =
          IMPERATIVE.has(w) &&
          (i === from || (i === from + 1 && (tokens[from] as Token).w === "just")) &&
          IMPERATIVE_VERBS.has(tokens[i + 1]?.w ?? "");
        continue;
      }
      if ((info.flags & F_SPECIAL) !== 0) {
        const rev = lex.reversers.get(w);
        if (rev !== undefined) {
          st.revLeft = 2;
          st.revWord = w;
          continue;
        }
        if (lex.lang === "en" && LIKE_FORMS.has(w)) {
          const prev = tokens[i - 1];
          if (prev === undefined || prev.kind !== Kind.Word || !LIKE_SUBJECT.has(prev.w)) continue;
        }
        const b = lex.boosters.get(w);
        if (b !== undefined && EXCESS.has(w)) {
          const next = tokens[i + 1];
          if (
            next !== undefined &&
            next.kind === Kind.Word &&
            infoOf(lex, next).value === 0 &&
            !lex.fillers.has(next.w) &&
            !lex.boosters.has(next.w) &&
            !isNegator(lex, next.w)
          ) {
            const rules = [`excess: '${w} ${next.w}'`];
            // "never too crowded", "pas trop cher": excess denied is mild praise.
            const ev = negLeft > 0 ? -EXCESS_VALUE * 0.5 : EXCESS_VALUE;
            if (negLeft > 0) rules.push(`negated by '${negWord}'`);
            push(st, i, `${w} ${next.w}`, 0, modifiers(st, t, ev, rules), rules, negLeft > 0);
            negLeft = 0;
            i++;
            continue;
          }
        }
        if (b !== undefined) {
          // "super", "bien": an intensifier when a scored word follows, a word of their own otherwise.
          const own = info.value;
          let next = tokens[i + 1];
          if (next !== undefined && next.kind === Kind.Word && lex.fillers.has(next.w)) next = tokens[i + 2];
          const nextScored = next !== undefined && next.kind === Kind.Word && infoOf(lex, next).value !== 0;
          if (own === 0 || nextScored) {
            const stretched = t.squeezed !== null && b > 1 ? ELONGATION : 1;
            if (st.boostLeft > 0) {
              st.boost *= b * stretched;
              st.boostWord = `${st.boostWord} ${w}`;
            } else {
              st.boost = b * stretched;
              st.boostWord = w;
            }
            st.boostLeft = 2;
            continue;
          }
        }
        if (MODALS.has(w) || WISHES.has(w)) {
          modalLeft = 4;
          wish = WISHES.has(w);
        }
      }
      const base = info.value;
      if (base !== 0) {
        const rules: string[] = [];
        let v = base;
        let negated = false;
        if (modalLeft > 0 && negLeft === 0 && v > 0 && (wish || COMPARATIVES.has(w)) && !BLESSINGS.has(w)) {
          v = -v * 0.8;
          rules.push("wished-for comparative (complaint)");
          negated = true;
        }
        if (negLeft > 0 && NEVER_NEGATED.has(w)) {
          // laughter and thanks keep their sign
        } else if (negLeft > 0 && imperative && v < 0) {
          rules.push(`warning: '${negWord} … ${w}' keeps its sign`);
        } else if (negLeft > 0) {
          if (v > 0) v *= lex.negFactor;
          else v *= (info.flags & F_FLIP) !== 0 ? NEG_OF_FLIP : NEG_OF_NEGATIVE;
          rules.push(`negated by '${negWord}'`);
          negated = true;
        }
        v = modifiers(st, t, v, rules);
        push(st, i, w, base, v, rules, negated);
        // One negator governs one evaluative word; "ni" or a new negator opens another scope.
        if (negated) negLeft = 0;
      } else if (negLeft > 0 && (info.flags & F_ABSENCE) !== 0) {
        const rules = [`absence: '${negWord} … ${w}'`];
        push(st, i, w, 0, modifiers(st, t, ABSENCE_VALUE, rules), rules, true);
        negLeft = 0;
        continue;
      }
      if ((info.flags & F_FILLER) === 0) {
        if (modalLeft > 0) modalLeft--;
        if (negLeft > 0) negLeft--;
        if (st.boostLeft > 0 && base === 0) st.boostLeft--;
        if (st.revLeft > 0 && base === 0) st.revLeft--;
      }
    } else if (t.kind === Kind.Emoji) {
      const e = EMOJI[t.w];
      const base = e !== undefined ? e[0] : (EMOTICONS[t.w] ?? 0);
      if (base !== 0) push(st, i, t.w, base, base, [e !== undefined ? "emoji" : "emoticon"], false);
    } else if (t.kind === Kind.Bang) {
      for (let k = 0; k < t.w.length; k++) {
        if (t.w.charCodeAt(k) === 33) bangs++;
        else question = true;
      }
    } else if (t.kind === Kind.Clause) {
      breaks.push(i);
      negLeft = 0;
      st.concession = false;
      st.boostLeft = 0;
    }
  }

  let sum = 0;
  let pos = 0;
  let neg = 0;
  let firm = 0;
  const itemToks: number[] = [];
  const itemVals: number[] = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k] as Item;
    if (contrastAt >= 0 && contrastAt < items.length) {
      const f = k < contrastAt ? CONTRAST_BEFORE : CONTRAST_AFTER;
      it.value *= f;
      it.rules.push(`${k < contrastAt ? "before" : "after"} contrast '${contrastWord}' ×${f}`);
    }
    sum += it.value;
    itemToks.push(it.tok);
    itemVals.push(it.value);
    if (it.value > 0) pos += it.value;
    else {
      neg -= it.value;
      // Complaints conceded ("malgré un petit retard") or outweighed by a contrast are not firm.
      if (!(contrastAt >= 0 && k < contrastAt) && !it.rules.includes(CONCESSION_RULE)) firm -= it.value;
    }
  }
  if (sum !== 0 && bangs > 0) {
    const extra = Math.min(bangs, 4) * BANG_STEP;
    sum += sum > 0 ? extra : -extra;
  }
  if (question && bangs === 0) {
    // "Comment résilier ?", "How do I cancel?": a request for information, not a verdict.
    const first = tokens[from];
    const f = first !== undefined && INFO_QUESTION.has(first.w) ? INFO_QUESTION_FACTOR : QUESTION;
    sum *= f;
    pos *= f;
    neg *= f;
    firm *= f;
  }
  const first = tokens[from];
  const last = tokens[to - 1];
  const evidence: Evidence[] = [];
  for (const it of items.length > MAX_EVIDENCE ? items.slice(0, MAX_EVIDENCE) : items) {
    evidence.push({ term: it.term, base: it.base, value: Math.round(it.value * 100) / 100, rules: it.rules });
  }
  return {
    start: first?.start ?? 0,
    end: last?.end ?? 0,
    from,
    to,
    sum,
    pos,
    neg,
    firmNeg: firm,
    evidence,
    itemToks,
    itemVals,
    bangs,
    breaks,
    opensWithContrast,
  };
}

/** Splits the token stream into sentences and scores each. */
export function scoreSentences(lex: Lexicon, tokens: Token[], shouting: boolean): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const k = (tokens[i] as Token).kind;
    if (k === Kind.End || k === Kind.Bang) {
      // Emoji right after the end mark belong to the sentence they close.
      let j = i + 1;
      while (j < tokens.length && (tokens[j] as Token).kind === Kind.Emoji) j++;
      if (j - from > 1 || k === Kind.Bang) out.push(scoreSentence(lex, tokens, from, j, shouting));
      from = j;
      i = j - 1;
    }
  }
  if (from < tokens.length) out.push(scoreSentence(lex, tokens, from, tokens.length, shouting));
  return out;
}
