import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getBusiness, listBusinesses } from "../../db/queries/businesses.ts";
import { highlightFacts, sourcesFirstSeen } from "../../db/queries/highlights.ts";
import { notFound } from "../../errors.ts";
import {
  DEFAULT_HIGHLIGHT_OPTIONS,
  HIGHLIGHT_FORMATS,
  HighlightsQuery,
  itemsSince,
  previousPeriod,
  renderHighlights,
  resolvePeriod,
  selectHighlightsFromFacts,
} from "../../reports/highlights/index.ts";
import type { AppDeps, AppEnv } from "../context.ts";
import { IdParam, problems } from "../schemas.ts";

function notFoundBusiness(): never {
  throw notFound("business");
}

const responses = {
  200: {
    description: `Highlights as ${HIGHLIGHT_FORMATS.join(", ")} (format=json gives { items, nextCursor })`,
    content: {
      "application/json": {
        schema: z.object({ items: z.array(z.record(z.string(), z.unknown())), nextCursor: z.string().nullable() }),
      },
      "application/feed+json": { schema: z.record(z.string(), z.unknown()) },
      "application/rss+xml": { schema: z.string() },
      "application/atom+xml": { schema: z.string() },
      "text/html": { schema: z.string() },
    },
  },
  ...problems(400, 401, 404, 422),
};

export function registerHighlightRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  async function respond(c: Context, businessId: string | null, q: z.output<typeof HighlightsQuery>) {
    const now = deps.now?.() ?? new Date();
    const period = resolvePeriod(q, now);
    const prev = previousPeriod(period);
    // One statement reads the periods' facts from the rollups and returns only the mentions that
    // rank first as quotes (plus the business and its sources); the selection applies the rules.
    const [loaded, everyone] = await Promise.all([
      period.to.getTime() > period.from.getTime()
        ? highlightFacts(deps.db, {
            businessId,
            from: period.from,
            to: period.to,
            previous: prev,
            options: DEFAULT_HIGHLIGHT_OPTIONS,
          })
        : null,
      businessId ? null : listBusinesses(deps.db, { limit: 1_000, offset: 0 }),
    ]);
    const facts = loaded?.facts ?? { candidates: [], aspects: new Map(), volume: new Map() };
    const sources = loaded
      ? loaded.sources
      : await sourcesFirstSeen(deps.db, { businessIds: businessId ? [businessId] : undefined });
    const businesses = businessId
      ? [loaded ? (loaded.business ?? notFoundBusiness()) : await getBusiness(deps.db, businessId)]
      : (everyone ?? []);
    const all = selectHighlightsFromFacts({
      from: period.from,
      to: period.to,
      now,
      businesses: businesses.map((b) => ({ id: b.id, name: b.name })),
      facts,
      sources,
      locale: q.locale,
    });
    const page = itemsSince(all, q.since, q.limit);
    const base = deps.env.PUBLIC_BASE_URL ?? new URL(c.req.url).origin;
    const name = businessId ? businesses[0]?.name : undefined;
    const rendered = renderHighlights(
      q.format,
      page.items,
      {
        title: name ? `${name} — highlights` : "Reputation highlights",
        homePageUrl: base,
        feedUrl: `${base}${c.req.path}${new URL(c.req.url).search}`,
        generatedAt: now,
        locale: q.locale,
      },
      { locale: q.locale, nextCursor: page.nextCursor },
    );
    if (page.nextCursor) c.header("X-Next-Cursor", page.nextCursor);
    return c.body(rendered.body, 200, { "content-type": rendered.contentType });
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/highlights",
      tags: ["highlights"],
      security: [{ Bearer: [] }],
      summary: "The period's highlights across all businesses (for newsletters)",
      request: { query: HighlightsQuery },
      responses,
    }),
    ((c: Context) => respond(c, null, c.req.valid("query" as never))) as never,
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/businesses/{id}/highlights",
      tags: ["highlights"],
      security: [{ Bearer: [] }],
      summary: "A business's highlights: best quote, worst unanswered, most improved/degraded aspect, new sources",
      request: { params: IdParam, query: HighlightsQuery },
      responses,
    }),
    ((c: Context) =>
      respond(c, (c.req.valid("param" as never) as { id: string }).id, c.req.valid("query" as never))) as never,
  );
}
