/**
 * The reference systems measured next to analyze(): natural's SentimentAnalyzer
 * (AFINN and SentiCon for English, Pattern for French, with natural's Porter stemmers
 * and aggressive tokenisers, as its documentation sets it up) and VADER-JS.
 */
import { createRequire } from "node:module";
import vader from "vader-sentiment";

const require = createRequire(import.meta.url);
type Analyzer = { getSentiment(words: string[]): number };
type AnalyzerCtor = new (lang: string, stemmer: unknown, type: string) => Analyzer;
const SentimentAnalyzer = require("natural/lib/natural/sentiment/SentimentAnalyzer.js") as AnalyzerCtor;
const PorterStemmer = require("natural/lib/natural/stemmers/porter_stemmer.js");
const PorterStemmerFr = require("natural/lib/natural/stemmers/porter_stemmer_fr.js");
type TokCtor = new () => { tokenize(s: string): string[] };
const TokEn = require("natural/lib/natural/tokenizers/aggressive_tokenizer.js") as TokCtor;
const TokFr = require("natural/lib/natural/tokenizers/aggressive_tokenizer_fr.js") as TokCtor;

const tokEn = new TokEn();
const tokFr = new TokFr();
const afinn = new SentimentAnalyzer("English", PorterStemmer, "afinn");
const senticon = new SentimentAnalyzer("English", PorterStemmer, "senticon");
const pattern = new SentimentAnalyzer("French", PorterStemmerFr, "pattern");

export interface Baseline {
  name: string;
  /** conventional neutral band of the tool (VADER: ±0.05 compound; natural: exactly 0) */
  band: number;
  score(text: string): number;
}

const vaderScore = (t: string) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
const safe = (x: number) => (Number.isFinite(x) ? x : 0);

export function baselinesFor(lang: "fr" | "en"): Baseline[] {
  if (lang === "fr")
    return [
      { name: "natural pattern-fr", band: 0, score: (t) => safe(pattern.getSentiment(tokFr.tokenize(t))) },
      { name: "vader-sentiment", band: 0.05, score: vaderScore },
    ];
  return [
    { name: "natural afinn", band: 0, score: (t) => safe(afinn.getSentiment(tokEn.tokenize(t))) },
    { name: "natural senticon", band: 0, score: (t) => safe(senticon.getSentiment(tokEn.tokenize(t))) },
    { name: "vader-sentiment", band: 0.05, score: vaderScore },
  ];
}

export { vaderScore };
