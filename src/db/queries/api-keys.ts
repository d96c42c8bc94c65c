import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { type ApiKeyScope, apiKeys } from "../schema/index.ts";

export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** Creates a key and returns it once; only its SHA-256 and public prefix are stored. */
export async function createApiKey(db: Db, params: { name: string; scope: ApiKeyScope }) {
  const prefix = randomBytes(4).toString("hex");
  const key = `rk_${prefix}_${randomBytes(24).toString("base64url")}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ name: params.name, scope: params.scope, prefix, hash: hashKey(key) })
    .returning({ id: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope, prefix: apiKeys.prefix });
  return { ...row!, key };
}

export async function findApiKey(db: Db, key: string) {
  const [row] = await db
    .select({ id: apiKeys.id, scope: apiKeys.scope, name: apiKeys.name })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hashKey(key)), isNull(apiKeys.revokedAt)));
  return row;
}

export async function touchApiKey(db: Db, id: string) {
  await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, id));
}

export async function countApiKeys(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(apiKeys).where(isNull(apiKeys.revokedAt));
  return Number(row?.n ?? 0);
}
