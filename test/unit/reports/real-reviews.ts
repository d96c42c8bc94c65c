/**
 * Hand-written restaurant reviews in French and English, turned into MentionRecords
 * by the real analyser through the ingest mapping (src/pipeline/prepare.ts), so the
 * report is checked against what the analysis module actually produces.
 */
import type { MentionRecord } from "../../../src/domain.ts";
import { analyseMention } from "../../../src/pipeline/prepare.ts";
import type { DiagnosticInput } from "../../../src/reports/diagnostic/index.ts";
import { makeMention, stars } from "../../factories/mentions.ts";

const DAY = 86_400_000;

export interface RealReview {
  text: string;
  stars: number | null;
  lang: "fr" | "en";
  daysAgo: number;
  source?: "google" | "site";
  /** Hours after publication when the owner replied. */
  replyAfterHours?: number;
}

export const REAL_REVIEWS: RealReview[] = [
  {
    lang: "fr",
    stars: 5,
    daysAgo: 3,
    text: "Accueil chaleureux et personnel aux petits soins. Les plats étaient délicieux, on reviendra avec plaisir !",
  },
  {
    lang: "fr",
    stars: 5,
    daysAgo: 9,
    text: "Excellent repas, le chef est venu nous saluer. Merci pour cette belle soirée.",
  },
  { lang: "fr", stars: 4, daysAgo: 15, text: "Très bonne cuisine, un peu bruyant le samedi soir mais rien de grave." },
  {
    lang: "fr",
    stars: 1,
    daysAgo: 20,
    text: "Une heure d'attente pour être servis, et personne ne s'est excusé. Inadmissible.",
    replyAfterHours: 30,
  },
  {
    lang: "fr",
    stars: 2,
    daysAgo: 26,
    text: "Le serveur a été désagréable et méprisant quand on a demandé l'addition. Très déçus.",
  },
  {
    lang: "fr",
    stars: 1,
    daysAgo: 33,
    text: "Commande annulée, toujours pas remboursée après trois semaines. Le service client ne répond jamais.",
  },
  { lang: "fr", stars: 3, daysAgo: 41, text: "Le personnel est très aimable mais l'attente est beaucoup trop longue." },
  { lang: "fr", stars: 5, daysAgo: 44, text: "" },
  { lang: "fr", stars: 5, daysAgo: 52, text: "" },
  { lang: "fr", stars: 4, daysAgo: 60, text: "Bon" },
  { lang: "fr", stars: 2, daysAgo: 71, text: "Plats froids et prix excessifs pour des portions ridicules. Dommage." },
  {
    lang: "fr",
    stars: 5,
    daysAgo: 85,
    text: "Super conseils du sommelier, il a trouvé le vin parfait pour notre plat.",
    source: "site",
  },
  { lang: "fr", stars: 1, daysAgo: 97, text: "" },
  {
    lang: "fr",
    stars: 5,
    daysAgo: 120,
    text: "Service rapide et efficace le midi, pratique quand on travaille à côté.",
    source: "site",
  },
  {
    lang: "fr",
    stars: 4,
    daysAgo: 150,
    text: "Cadre magnifique et terrasse agréable. Les desserts sont un peu chers mais très bons.",
  },
  { lang: "fr", stars: 5, daysAgo: 160, text: "Franchement nul, on a attendu 45 minutes et le plat était froid." },
  { lang: "fr", stars: 5, daysAgo: 200, text: "Délicieux du début à la fin, et une équipe adorable. Merci !" },
  { lang: "fr", stars: 3, daysAgo: 230, text: "Correct sans plus. L'accueil était froid mais la cuisine honnête." },
  { lang: "en", stars: 5, daysAgo: 5, text: "Amazing food and lovely staff, we will definitely come back!" },
  {
    lang: "en",
    stars: 1,
    daysAgo: 12,
    text: "We waited over an hour for our mains and the waiter was rude when we complained. Never again.",
    replyAfterHours: 96,
  },
  {
    lang: "en",
    stars: 2,
    daysAgo: 18,
    text: "Still waiting for my refund after two months. Customer service keeps ignoring my emails.",
  },
  {
    lang: "en",
    stars: 4,
    daysAgo: 29,
    text: "Great location and friendly service, although the music was far too loud.",
  },
  { lang: "en", stars: 5, daysAgo: 37, text: "" },
  { lang: "en", stars: 3, daysAgo: 48, text: "The food was fine but nothing special. Overpriced for what you get." },
  {
    lang: "en",
    stars: 5,
    daysAgo: 66,
    text: "The manager remembered our anniversary and offered us dessert. Such a thoughtful gesture, thank you!",
    replyAfterHours: 20,
  },
  { lang: "en", stars: 1, daysAgo: 90, text: "Rude staff, dirty tables and a forty minute wait. Awful experience." },
  { lang: "en", stars: 5, daysAgo: 110, text: "Good" },
  {
    lang: "en",
    stars: 4,
    daysAgo: 140,
    text: "Helpful advice on the wine list and a very pleasant evening overall.",
    source: "site",
  },
  {
    lang: "en",
    stars: 2,
    daysAgo: 180,
    text: "Booked online but the restaurant had no record of our reservation. Very disappointing.",
  },
  { lang: "en", stars: 5, daysAgo: 260, text: "" },
  { lang: "en", stars: null, daysAgo: 7, text: "Just had the best brunch in town at Le Petit Zinc, highly recommend!" },
  {
    lang: "en",
    stars: null,
    daysAgo: 24,
    text: "Avoid this place, the staff were incredibly rude to my elderly parents.",
  },
];

const SOURCES = {
  google: { id: "src-google", kind: "google-places", url: "https://maps.example.com/place/le-petit-zinc" },
  site: { id: "src-site", kind: "web", url: "https://lepetitzinc.example.fr/avis" },
} as const;

export function realMention(r: RealReview, i: number, now: Date, prefix = "real"): MentionRecord {
  const src = SOURCES[r.source ?? "google"];
  const rating = r.stars === null ? null : stars(r.stars);
  const publishedAt = new Date(now.getTime() - r.daysAgo * DAY);
  return makeMention({
    id: `${prefix}-${String(i).padStart(2, "0")}`,
    sourceId: src.id,
    sourceKind: src.kind,
    sourceUrl: src.url,
    text: r.text,
    lang: r.lang,
    rating,
    publishedAt,
    reply:
      r.replyAfterHours === undefined
        ? null
        : { text: "Merci pour votre retour.", at: new Date(publishedAt.getTime() + r.replyAfterHours * 3_600_000) },
    analysis: analyseMention({ text: r.text, lang: r.lang, rating: rating ?? undefined }),
  });
}

export function realInput(now: Date, locale: "fr" | "en" = "fr"): DiagnosticInput {
  const mentions = REAL_REVIEWS.map((r, i) => realMention(r, i, now));
  const count = (id: string) => mentions.filter((m) => m.sourceId === id).length;
  return {
    business: { name: "Le Petit Zinc", website: "https://lepetitzinc.example.fr" },
    locale,
    now,
    mentions,
    sources: [
      { ...SOURCES.google, found: count("src-google"), reported: 41 },
      { ...SOURCES.site, found: count("src-site") },
    ],
    aggregateRatings: [{ sourceId: "src-google", value: 4.1, best: 5, count: 41 }],
    collectedAt: now,
    method: { description: "Test collection." },
  };
}
