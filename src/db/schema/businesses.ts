import { type AnyPgColumn, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns.ts";

/** A business we follow. Competitors are businesses whose `competitorOf` points at the followed one. */
export const businesses = pgTable(
  "businesses",
  {
    id: id(),
    name: text().notNull(),
    website: text(),
    competitorOf: uuid().references((): AnyPgColumn => businesses.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [index("businesses_competitor_of_idx").on(t.competitorOf)],
);
