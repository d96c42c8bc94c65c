import { and, asc, eq, isNull } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import type { Db } from "../client.ts";
import { businesses } from "../schema/index.ts";

export type Business = typeof businesses.$inferSelect;

export async function createBusiness(
  db: Db,
  params: { name: string; website?: string | null; competitorOf?: string | null },
): Promise<Business> {
  const [row] = await db
    .insert(businesses)
    .values({ name: params.name, website: params.website ?? null, competitorOf: params.competitorOf ?? null })
    .returning();
  return row!;
}

export async function getBusiness(db: Db, id: string): Promise<Business> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, id));
  if (!row) throw notFound("business");
  return row;
}

export async function findBusiness(db: Db, id: string): Promise<Business | undefined> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, id));
  return row;
}

/** Followed businesses (competitors are listed under their business). */
export async function listBusinesses(db: Db, params: { limit: number; offset: number }): Promise<Business[]> {
  return db
    .select()
    .from(businesses)
    .where(isNull(businesses.competitorOf))
    .orderBy(asc(businesses.createdAt), asc(businesses.id))
    .limit(params.limit)
    .offset(params.offset);
}

export async function listCompetitors(db: Db, businessId: string): Promise<Business[]> {
  return db.select().from(businesses).where(eq(businesses.competitorOf, businessId)).orderBy(asc(businesses.createdAt));
}

export async function updateBusiness(
  db: Db,
  id: string,
  patch: { name?: string; website?: string | null },
): Promise<Business> {
  const [row] = await db.update(businesses).set(patch).where(eq(businesses.id, id)).returning();
  if (!row) throw notFound("business");
  return row;
}

export async function deleteBusiness(db: Db, id: string): Promise<void> {
  const rows = await db
    .delete(businesses)
    .where(and(eq(businesses.id, id)))
    .returning({ id: businesses.id });
  if (rows.length === 0) throw notFound("business");
}
