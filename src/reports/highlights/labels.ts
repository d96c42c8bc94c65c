/** Words readers see, in French and English. One table so formats agree. */
import type { SourceKind } from "../../collect/types.ts";
import type { Aspect } from "../../domain.ts";
import type { HighlightLocale, HighlightType } from "./types.ts";

export const TYPE_LABELS: Record<HighlightLocale, Record<HighlightType, string>> = {
  en: {
    best_quote: "Best review",
    worst_unanswered: "Unanswered negative review",
    aspect_improved: "Most improved",
    aspect_degraded: "Most degraded",
    new_source: "New source",
  },
  fr: {
    best_quote: "Meilleur avis",
    worst_unanswered: "Avis négatif sans réponse",
    aspect_improved: "En progrès",
    aspect_degraded: "En recul",
    new_source: "Nouvelle source",
  },
};

export const ASPECT_LABELS: Record<HighlightLocale, Record<Aspect, string>> = {
  en: {
    offer: "Offer",
    convenience: "Time saved and convenience",
    sensations: "Sensations",
    advice: "Advice and guidance",
    relationship: "Emotions and relationship",
    personalisation: "Personalisation",
    identity: "Identity, values and community",
  },
  fr: {
    offer: "Offre",
    convenience: "Gain de temps et praticité",
    sensations: "Sensations",
    advice: "Conseil et accompagnement",
    relationship: "Émotions et relation",
    personalisation: "Personnalisation",
    identity: "Identité, valeurs et communauté",
  },
};

export const UI_LABELS: Record<HighlightLocale, { read: string; empty: string; rating: string; delta: string }> = {
  en: { read: "Read", empty: "Nothing to highlight for this period.", rating: "Rating", delta: "Change" },
  fr: { read: "Lire", empty: "Rien à signaler sur cette période.", rating: "Note", delta: "Évolution" },
};

/** "0.42" in English, "0,42" in French, always with a sign when asked. */
// Intl formatters are costly to build: one per locale and option set, reused.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(locale: HighlightLocale, value: number, signed = false): string {
  const key = `${locale}:${signed}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      maximumFractionDigits: 2,
      minimumFractionDigits: 2,
      signDisplay: signed ? "exceptZero" : "auto",
    });
    numberFormats.set(key, f);
  }
  const s = f.format(value);
  // fr-FR uses a narrow no-break space as group separator; emails render it fine but keep one kind of space.
  return s.replace(/\u202f/g, "\u00a0");
}

export function formatDate(locale: HighlightLocale, d: Date): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, f);
  }
  return f.format(d);
}

/** How readers know the platforms; the raw kind is an internal identifier. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  web: "web",
  feed: "RSS/Atom",
  mastodon: "Mastodon",
  bluesky: "Bluesky",
  hackernews: "Hacker News",
  reddit: "Reddit",
  appstore: "App Store",
  "google-places": "Google",
  trustpilot: "Trustpilot",
  yelp: "Yelp",
  tripadvisor: "Tripadvisor",
  import: "import",
};

/** "Label: value" in English, "Label : value" in French (with a no-break space, as French typography wants). */
export function labelled(locale: HighlightLocale, label: string, value: string): string {
  return locale === "fr" ? `${label}\u00a0: ${value}` : `${label}: ${value}`;
}
