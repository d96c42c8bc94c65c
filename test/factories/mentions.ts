/**
 * MentionRecord factories with hand-written French and English reviews. The
 * analyses are written by hand to match each text, so report tests do not
 * depend on the analyser's current lexicons.
 */
import type { RatingValue, SourceKind } from "../../src/collect/types.ts";
import type { Aspect, Emotion, MentionRecord, SentimentLabel, StoredAnalysis, Touchpoint } from "../../src/domain.ts";
import type { DiagnosticInput, DiagnosticSourceInput } from "../../src/reports/diagnostic/index.ts";

const DAY = 86_400_000;

export interface ReviewSeed {
  text: string;
  stars: number | null;
  lang: "fr" | "en";
  sentiment: number;
  emotions?: Partial<Record<Emotion, number>>;
  aspects?: Array<{ aspect: Aspect; polarity: "positive" | "negative" | "mixed"; score: number; evidence: string[] }>;
  touchpoints?: Touchpoint[];
  mismatch?: boolean;
}

export function labelOf(score: number): SentimentLabel {
  return score >= 0.2 ? "positive" : score <= -0.2 ? "negative" : "neutral";
}

export function makeAnalysis(over: Partial<StoredAnalysis> = {}): StoredAnalysis {
  const sentimentScore = over.sentimentScore ?? 0;
  return {
    version: "test-1",
    lang: "fr",
    sentimentScore,
    sentimentLabel: labelOf(sentimentScore),
    confidence: 0.8,
    emotions: {},
    aspects: [],
    touchpoints: [],
    ratingMismatch: false,
    ...over,
  };
}

let seq = 0;

export function makeMention(over: Partial<MentionRecord> = {}): MentionRecord {
  seq++;
  const id = over.id ?? `m-${String(seq).padStart(4, "0")}`;
  return {
    id,
    businessId: "biz-1",
    sourceId: "src-google",
    sourceKind: "google-places",
    sourceUrl: "https://maps.example.com/place/boulangerie-du-marche",
    kind: "review",
    externalId: `ext-${id}`,
    url: null,
    title: null,
    text: "Très bien.",
    lang: "fr",
    rating: null,
    authorPseudonym: null,
    publishedAt: new Date("2026-10-01T10:00:00Z"),
    collectedAt: new Date("2026-11-20T00:00:00Z"),
    reply: null,
    analysis: null,
    ...over,
  };
}

export function stars(value: number, best = 5, worst = 1): RatingValue {
  return { value, best, worst };
}

/** A mention built from a seed, `daysAgo` before `now`. */
export function fromSeed(
  seed: ReviewSeed,
  opts: {
    now: Date;
    daysAgo: number | null;
    sourceId?: string;
    sourceKind?: SourceKind;
    sourceUrl?: string;
    reply?: { text: string; afterHours: number | null } | null;
    id?: string;
  },
): MentionRecord {
  const publishedAt = opts.daysAgo === null ? null : new Date(opts.now.getTime() - opts.daysAgo * DAY);
  const reply =
    opts.reply && publishedAt
      ? {
          text: opts.reply.text,
          at:
            opts.reply.afterHours === null ? null : new Date(publishedAt.getTime() + opts.reply.afterHours * 3_600_000),
        }
      : opts.reply
        ? { text: opts.reply.text, at: null }
        : null;
  return makeMention({
    ...(opts.id ? { id: opts.id } : {}),
    sourceId: opts.sourceId ?? "src-google",
    sourceKind: opts.sourceKind ?? "google-places",
    sourceUrl: opts.sourceUrl ?? "https://maps.example.com/place/boulangerie-du-marche",
    text: seed.text,
    lang: seed.lang,
    rating: seed.stars === null ? null : stars(seed.stars),
    publishedAt,
    reply,
    analysis: makeAnalysis({
      lang: seed.lang,
      sentimentScore: seed.sentiment,
      emotions: seed.emotions ?? {},
      aspects: seed.aspects ?? [],
      touchpoints: seed.touchpoints ?? [],
      ratingMismatch: seed.mismatch ?? false,
    }),
  });
}

export const FR_POSITIVE: ReviewSeed[] = [
  {
    text: "Le pain au levain est excellent, croustillant comme il faut. La vendeuse nous a conseillé une tarte aux pommes délicieuse. On reviendra !",
    stars: 5,
    lang: "fr",
    sentiment: 0.85,
    emotions: { joy: 0.7, trust: 0.4 },
    aspects: [
      { aspect: "sensations", polarity: "positive", score: 0.8, evidence: ["croustillant"] },
      { aspect: "advice", polarity: "positive", score: 0.6, evidence: ["nous a conseillé"] },
    ],
    touchpoints: ["physical"],
  },
  {
    text: "Accueil chaleureux, on se sent attendu. Merci à toute l'équipe pour votre gentillesse.",
    stars: 5,
    lang: "fr",
    sentiment: 0.9,
    emotions: { joy: 0.6, gratitude: 0.8 },
    aspects: [{ aspect: "relationship", polarity: "positive", score: 0.9, evidence: ["Accueil chaleureux"] }],
    touchpoints: ["physical"],
  },
  {
    text: "Commande passée sur le site à 8h, prête à 9h comme prévu. Pratique et rapide, je recommande.",
    stars: 5,
    lang: "fr",
    sentiment: 0.7,
    emotions: { joy: 0.3, trust: 0.5 },
    aspects: [{ aspect: "convenience", polarity: "positive", score: 0.7, evidence: ["Pratique et rapide"] }],
    touchpoints: ["digital"],
  },
  {
    text: "Bons produits, prix corrects pour le quartier. Rien à redire.",
    stars: 4,
    lang: "fr",
    sentiment: 0.5,
    emotions: { trust: 0.3 },
    aspects: [{ aspect: "offer", polarity: "positive", score: 0.5, evidence: ["prix corrects"] }],
    touchpoints: ["physical"],
  },
  {
    text: "Ils se souviennent de ma commande habituelle et m'appellent par mon prénom, c'est agréable.",
    stars: 5,
    lang: "fr",
    sentiment: 0.75,
    emotions: { joy: 0.5 },
    aspects: [{ aspect: "personalisation", polarity: "positive", score: 0.75, evidence: ["par mon prénom"] }],
    touchpoints: ["physical"],
  },
];

export const FR_NEGATIVE: ReviewSeed[] = [
  {
    text: "Quarante minutes d'attente un samedi matin, une seule caisse ouverte. Franchement décevant.",
    stars: 2,
    lang: "fr",
    sentiment: -0.7,
    emotions: { disappointment: 0.8, frustration: 0.6 },
    aspects: [{ aspect: "convenience", polarity: "negative", score: -0.8, evidence: ["minutes d'attente"] }],
    touchpoints: ["physical"],
  },
  {
    text: "J'ai appelé trois fois pour une commande de gâteau, personne ne décroche. Service client inexistant !",
    stars: 1,
    lang: "fr",
    sentiment: -0.85,
    emotions: { anger: 0.7, frustration: 0.8 },
    aspects: [{ aspect: "convenience", polarity: "negative", score: -0.7, evidence: ["personne ne décroche"] }],
    touchpoints: ["remote"],
  },
  {
    text: "La vendeuse a été désagréable quand j'ai demandé s'il restait des croissants. Je ne reviendrai pas.",
    stars: 1,
    lang: "fr",
    sentiment: -0.8,
    emotions: { anger: 0.5, sadness: 0.3 },
    aspects: [{ aspect: "relationship", polarity: "negative", score: -0.85, evidence: ["désagréable"] }],
    touchpoints: ["physical"],
  },
  {
    text: "Baguette trop cuite et chère pour ce que c'est. Dommage, c'était mieux avant.",
    stars: 2,
    lang: "fr",
    sentiment: -0.5,
    emotions: { disappointment: 0.6 },
    aspects: [
      { aspect: "sensations", polarity: "negative", score: -0.5, evidence: ["trop cuite"] },
      { aspect: "offer", polarity: "negative", score: -0.4, evidence: ["chère"] },
    ],
    touchpoints: ["physical"],
  },
];

/** Five stars but an angry text: the star/text mismatch case. */
export const FR_MISMATCH: ReviewSeed = {
  text: "Service lamentable, commande oubliée deux fois de suite. Je mets 5 étoiles par erreur.",
  stars: 5,
  lang: "fr",
  sentiment: -0.75,
  emotions: { anger: 0.6 },
  aspects: [{ aspect: "convenience", polarity: "negative", score: -0.6, evidence: ["commande oubliée"] }],
  touchpoints: ["physical"],
  mismatch: true,
};

export const EN_REVIEWS: ReviewSeed[] = [
  {
    text: "Lovely stay. The receptionist gave us great tips for dinner nearby and the room was spotless.",
    stars: 5,
    lang: "en",
    sentiment: 0.85,
    emotions: { joy: 0.6, trust: 0.4 },
    aspects: [
      { aspect: "advice", polarity: "positive", score: 0.8, evidence: ["great tips"] },
      { aspect: "sensations", polarity: "positive", score: 0.6, evidence: ["spotless"] },
    ],
    touchpoints: ["physical"],
  },
  {
    text: "Check-in took over an hour because the booking system was down. Nobody apologised.",
    stars: 2,
    lang: "en",
    sentiment: -0.6,
    emotions: { frustration: 0.7 },
    aspects: [{ aspect: "convenience", polarity: "negative", score: -0.7, evidence: ["over an hour"] }],
    touchpoints: ["physical"],
  },
  {
    text: "Good value for the price, breakfast included. Would book again.",
    stars: 4,
    lang: "en",
    sentiment: 0.55,
    emotions: { trust: 0.3 },
    aspects: [{ aspect: "offer", polarity: "positive", score: 0.55, evidence: ["Good value"] }],
    touchpoints: [],
  },
  {
    text: "Staff were rude on the phone when I tried to change my dates. Very disappointing.",
    stars: 1,
    lang: "en",
    sentiment: -0.8,
    emotions: { disappointment: 0.8, anger: 0.4 },
    aspects: [{ aspect: "relationship", polarity: "negative", score: -0.8, evidence: ["rude on the phone"] }],
    touchpoints: ["remote"],
  },
];

/** A review that tries to inject markup into the report. */
export const HOSTILE_TEXT =
  'Nice place <script>alert("x")</script> but the <b>queue</b> is long & slow. "Quoted" and \'single\'.';

export function source(
  id: string,
  url: string,
  kind: SourceKind,
  found: number,
  extra: Partial<DiagnosticSourceInput> = {},
) {
  return { id, url, kind, found, ...extra };
}

/**
 * A French bakery: 10 positive and 6 negative reviews on Google over the last
 * year, 2 unrated Mastodon posts, one 5-star review with an angry text.
 * Replies are visible on Google (the owner answers positive reviews mostly).
 */
export function bakeryInput(now: Date, over: Partial<DiagnosticInput> = {}): DiagnosticInput {
  const mentions: MentionRecord[] = [];
  const pos = [...FR_POSITIVE, ...FR_POSITIVE];
  pos.forEach((seed, i) => {
    mentions.push(
      fromSeed(seed, {
        now,
        daysAgo: 10 + i * 30,
        id: `bk-pos-${i}`,
        reply: i % 2 === 0 ? { text: "Merci beaucoup pour votre retour !", afterHours: 20 + i * 4 } : null,
      }),
    );
  });
  [...FR_NEGATIVE, FR_NEGATIVE[0]!, FR_NEGATIVE[1]!].forEach((seed, i) => {
    mentions.push(
      fromSeed(seed, {
        now,
        daysAgo: 5 + i * 25,
        id: `bk-neg-${i}`,
        reply: i === 3 ? { text: "Nous sommes désolés, la recette a changé.", afterHours: 120 } : null,
      }),
    );
  });
  mentions.push(fromSeed(FR_MISMATCH, { now, daysAgo: 40, id: "bk-mismatch" }));
  const social = {
    sourceId: "src-masto",
    sourceKind: "mastodon" as const,
    sourceUrl: "https://mastodon.example/@quartier",
  };
  mentions.push(
    fromSeed({ ...FR_POSITIVE[1]!, stars: null }, { now, daysAgo: 3, id: "bk-social-1", ...social }),
    fromSeed({ ...FR_NEGATIVE[0]!, stars: null }, { now, daysAgo: 8, id: "bk-social-2", ...social }),
  );
  return {
    business: { name: "Boulangerie du Marché", website: "https://boulangerie-du-marche.example" },
    locale: "fr",
    now,
    mentions,
    sources: [
      source("src-google", "https://maps.example.com/place/boulangerie-du-marche", "google-places", 17, {
        reported: 64,
        cap: "Google ne montre que les 5 avis les plus pertinents par requête.",
      }),
      source("src-masto", "https://mastodon.example/@quartier", "mastodon", 2),
    ],
    aggregateRatings: [],
    collectedAt: new Date(now.getTime() - 3_600_000),
    method: {
      description: "Pages publiques lues une fois ; tous les avis trouvés sont inclus, quelle que soit leur note.",
    },
    ...over,
  };
}

/** An English hotel with only positive reviews on one source, few of them. */
export function hotelInput(now: Date, over: Partial<DiagnosticInput> = {}): DiagnosticInput {
  const mentions = [EN_REVIEWS[0]!, EN_REVIEWS[2]!, EN_REVIEWS[0]!].map((seed, i) =>
    fromSeed(seed, {
      now,
      daysAgo: 20 + i * 60,
      id: `ht-${i}`,
      sourceId: "src-tp",
      sourceKind: "trustpilot",
      sourceUrl: "https://reviews.example.com/harbour-hotel",
    }),
  );
  return {
    business: { name: "Harbour Hotel" },
    locale: "en",
    now,
    mentions,
    sources: [source("src-tp", "https://reviews.example.com/harbour-hotel", "trustpilot", 3)],
    collectedAt: now,
    method: { description: "Public review pages read once; every review found is included whatever its rating." },
    ...over,
  };
}

export function emptyInput(now: Date, locale: "fr" | "en" = "fr"): DiagnosticInput {
  return {
    business: { name: "Nouvelle Boutique" },
    locale,
    now,
    mentions: [],
    sources: [],
    collectedAt: now,
    method: { description: "Aucune page n'a pu être lue." },
  };
}

/** `n` five-star reviews, one every few days, on one source. */
export function fiveStarMentions(now: Date, n: number, prefix = "five"): MentionRecord[] {
  return Array.from({ length: n }, (_, i) =>
    fromSeed(FR_POSITIVE[0]!, { now, daysAgo: (i * 3) % 300, id: `${prefix}-${i}` }),
  );
}
