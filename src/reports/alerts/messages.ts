/** Number and duration wording for alert messages, fr and en. */

export function num(locale: "fr" | "en", x: number, digits = 1): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: digits })
    .format(x)
    .replace(/\u202f/g, "\u00a0");
}

/** "24 h", "7 days" / "7 jours", "90 min". */
export function duration(locale: "fr" | "en", minutes: number): string {
  if (minutes % 1440 === 0 && minutes > 1440) return `${minutes / 1440} ${locale === "fr" ? "jours" : "days"}`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

/** "the last 24 h" / "les dernières 24 h"; French puts "derniers" after a number of days. */
export function lastWindow(locale: "fr" | "en", minutes: number): string {
  const d = duration(locale, minutes);
  if (locale === "en") return `the last ${d}`;
  if (d.endsWith("jours")) return `les ${d.replace(" jours", " derniers jours")}`;
  if (d.endsWith("min")) return `les ${minutes} dernières minutes`;
  return `les dernières ${d}`;
}
