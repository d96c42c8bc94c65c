import { sql } from "drizzle-orm";
import type { SourceKind } from "../../collect/types.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "./rows.ts";

export interface SourceFirstSeen {
  id: string;
  businessId: string;
  kind: SourceKind;
  url: string | null;
  firstMentionAt: Date | null;
}

/** Sources with the day of their first mention, read from the rollups (no scan of raw mentions). */
export async function sourcesFirstSeen(db: Db, params: { businessIds?: string[] }): Promise<SourceFirstSeen[]> {
  const filter = params.businessIds?.length
    ? sql`where s.business_id in (${sql.join(
        params.businessIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute(sql`
    select s.id, s.business_id as "businessId", s.kind, s.url,
      (select min(r.day) from rollups_daily r where r.business_id = s.business_id and r.dim_kind = 'all'
        and r.dim_value = '' and r.source_id = s.id) as first
    from sources s ${filter}`);
  return rowsOf<{ id: string; businessId: string; kind: SourceKind; url: string | null; first: string | Date | null }>(
    result,
  ).map((r) => ({
    id: r.id,
    businessId: r.businessId,
    kind: r.kind,
    url: r.url,
    firstMentionAt: r.first
      ? new Date(typeof r.first === "string" ? `${r.first.slice(0, 10)}T00:00:00Z` : r.first)
      : null,
  }));
}
