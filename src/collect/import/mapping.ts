export const FIELDS = ["text", "rating", "date", "author", "id", "url", "title", "lang", "reply"] as const;
export type ImportField = (typeof FIELDS)[number];

/** Which column (CSV header or JSON key, dotted paths allowed) feeds which field. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** Header names seen in exports from review platforms and CRMs, English and French. */
const SYNONYMS: Record<ImportField, string[]> = {
  text: [
    "text",
    "review",
    "reviewbody",
    "review_text",
    "body",
    "content",
    "comment",
    "comments",
    "message",
    "avis",
    "commentaire",
    "texte",
    "contenu",
    "description",
  ],
  rating: [
    "rating",
    "stars",
    "star_rating",
    "score",
    "note",
    "etoiles",
    "étoiles",
    "ratingvalue",
    "rating_value",
    "grade",
  ],
  date: [
    "date",
    "created_at",
    "createdat",
    "published",
    "published_at",
    "datepublished",
    "review_date",
    "time",
    "timestamp",
    "date_avis",
    "date de publication",
  ],
  author: ["author", "author_name", "name", "user", "username", "reviewer", "customer", "auteur", "nom", "client"],
  id: ["id", "review_id", "reviewid", "external_id", "reference", "ref", "identifiant"],
  url: ["url", "link", "permalink", "lien"],
  title: ["title", "headline", "subject", "titre", "sujet"],
  lang: ["lang", "language", "langue", "locale"],
  reply: ["reply", "response", "owner_response", "company_reply", "reponse", "réponse"],
};

function norm(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Fills unmapped fields from header names; explicit mappings always win. */
export function guessMapping(headers: string[], explicit: ColumnMapping = {}): ColumnMapping {
  const out: ColumnMapping = { ...explicit };
  const used = new Set(Object.values(explicit));
  for (const field of Object.keys(SYNONYMS) as ImportField[]) {
    if (out[field]) continue;
    const candidates = SYNONYMS[field].map(norm);
    const hit = headers.find((h) => !used.has(h) && candidates.includes(norm(h)));
    if (hit) {
      out[field] = hit;
      used.add(hit);
    }
  }
  return out;
}
