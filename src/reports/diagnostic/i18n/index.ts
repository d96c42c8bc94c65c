/**
 * Tiny message catalogue for the diagnostic (fr/en). Reports store each sentence
 * as key + params + text, so a renderer can show the same report in another locale.
 */
import { en } from "./en.ts";
import { fr } from "./fr.ts";

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageKey = keyof typeof en;
type Entry = string | { readonly one: string; readonly other: string };
export type Messages = Record<MessageKey, Entry>;

const CATALOGUES: Record<Locale, Messages> = { en, fr };

export type Params = Record<string, string | number>;

function isKey(k: string): k is MessageKey {
  return Object.hasOwn(en, k);
}

export function isLocale(v: unknown): v is Locale {
  return v === "fr" || v === "en";
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(locale: Locale, n: number, maxDecimals = 2): string {
  const key = `${locale}:${maxDecimals}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: maxDecimals });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

export function formatDate(locale: Locale, iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(d);
}

/** Durations read better in hours below two days, in days above. */
export function formatHours(locale: Locale, hours: number): string {
  if (hours < 48) {
    const h = Math.max(1, Math.round(hours));
    return locale === "fr" ? `${h} heure${h > 1 ? "s" : ""}` : `${h} hour${h > 1 ? "s" : ""}`;
  }
  const d = Math.round(hours / 24);
  return locale === "fr" ? `${d} jours` : `${d} days`;
}

function formatParam(locale: Locale, name: string, value: string | number): string {
  // Params named …Key / …Keys hold message keys, so the sentence re-localises whole.
  if (name.endsWith("Keys") && typeof value === "string") {
    return value
      .split(",")
      .filter(Boolean)
      .map((k) => (isKey(k) ? t(locale, k) : k))
      .join(", ");
  }
  if (name.endsWith("Key") && typeof value === "string") return isKey(value) ? t(locale, value) : value;
  if (/(^date|Date)$/.test(name) && typeof value === "string") {
    return value === "" ? t(locale, "label.undated") : formatDate(locale, value);
  }
  if (typeof value !== "number") return value;
  if (name.endsWith("Hours")) return formatHours(locale, value);
  if (name.endsWith("Pct")) return formatNumber(locale, value, 0);
  return formatNumber(locale, value);
}

export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const entry = CATALOGUES[locale][key];
  let template: string;
  if (typeof entry === "string") template = entry;
  else {
    const n = typeof params.n === "number" ? params.n : 0;
    template = new Intl.PluralRules(locale).select(n) === "one" ? entry.one : entry.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : formatParam(locale, name, v);
  });
}
