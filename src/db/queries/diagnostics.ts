import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import type { Db } from "../client.ts";
import { diagnostics } from "../schema/index.ts";

export type Diagnostic = typeof diagnostics.$inferSelect;

export interface DiagnosticRequest {
  businessName: string;
  website?: string;
  urls: string[];
  competitors: Array<{ name: string; urls: string[] }>;
  locale: "fr" | "en";
}

/** Same business, same URLs, same locale → same hash (order and case of URLs ignored). */
export function requestHash(req: DiagnosticRequest): string {
  const norm = {
    n: req.businessName.trim().toLowerCase(),
    w: req.website?.trim().toLowerCase() ?? "",
    u: [...new Set(req.urls.map((u) => u.trim().toLowerCase()))].sort(),
    c: req.competitors
      .map((c) => ({
        n: c.name.trim().toLowerCase(),
        u: [...new Set(c.urls.map((u) => u.trim().toLowerCase()))].sort(),
      }))
      .sort((a, b) => a.n.localeCompare(b.n)),
    l: req.locale,
  };
  return createHash("sha256").update(JSON.stringify(norm)).digest("hex");
}

/** 128 random bits, URL-safe: the report link is the only key to it. */
export const newDiagnosticId = () => randomBytes(16).toString("base64url");

/**
 * Create a diagnostic, or return the one an identical request created within
 * `dedupeWindowMs` (unless that one failed). `created` says which.
 */
export async function createOrReuseDiagnostic(
  db: Db,
  params: { request: DiagnosticRequest; clientHash?: string | null; dedupeWindowMs: number; now?: Date },
): Promise<{ diagnostic: Diagnostic; created: boolean }> {
  const hash = requestHash(params.request);
  const since = new Date((params.now ?? new Date()).getTime() - params.dedupeWindowMs);
  const [existing] = await db
    .select()
    .from(diagnostics)
    .where(
      and(eq(diagnostics.requestHash, hash), gte(diagnostics.createdAt, since), sql`${diagnostics.status} <> 'failed'`),
    )
    .orderBy(desc(diagnostics.createdAt))
    .limit(1);
  if (existing) return { diagnostic: existing, created: false };
  const [row] = await db
    .insert(diagnostics)
    .values({
      id: newDiagnosticId(),
      requestHash: hash,
      clientHash: params.clientHash ?? null,
      businessName: params.request.businessName,
      locale: params.request.locale,
      request: params.request as unknown as Record<string, unknown>,
    })
    .returning();
  return { diagnostic: row!, created: true };
}

export async function getDiagnostic(db: Db, id: string): Promise<Diagnostic> {
  const [row] = await db.select().from(diagnostics).where(eq(diagnostics.id, id));
  if (!row) throw notFound("diagnostic");
  return row;
}

export async function updateDiagnostic(
  db: Db,
  id: string,
  patch: Partial<Pick<Diagnostic, "status" | "report" | "error" | "businessId" | "finishedAt">>,
) {
  await db.update(diagnostics).set(patch).where(eq(diagnostics.id, id));
}
