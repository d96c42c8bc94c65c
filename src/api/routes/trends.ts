import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getBusiness, listCompetitors } from "../../db/queries/businesses.ts";
import { trendSumsOfWindows } from "../../db/queries/trends.ts";
import { ASPECTS, EMOTIONS } from "../../domain.ts";
import { AppError } from "../../errors.ts";
import { buildSeries, delta, previousWindow, totals } from "../../reports/trends.ts";
import type { AppDeps, AppEnv } from "../context.ts";
import { IdParam, problems } from "../schemas.ts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const TrendsQuery = z.object({
  bucket: z.enum(["day", "week", "month"]).default("month"),
  from: day.optional(),
  to: day.optional(),
  source: z.string().uuid().optional(),
  aspect: z.enum(ASPECTS).optional(),
  emotion: z.enum(EMOTIONS).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  compare: z.enum(["previous"]).optional(),
  with: z.enum(["competitors"]).optional(),
});

const Point = z.object({
  t: z.string(),
  count: z.number(),
  sentiment: z.object({ mean: z.number().nullable(), positive: z.number(), neutral: z.number(), negative: z.number() }),
  rating: z.object({ mean: z.number().nullable(), count: z.number() }),
  nps: z.number().nullable(),
  emotions: z.record(z.string(), z.object({ count: z.number(), share: z.number(), meanIntensity: z.number() })),
});
const Totals = z.object({
  count: z.number(),
  sentimentMean: z.number().nullable(),
  negativeShare: z.number().nullable(),
  ratingMean: z.number().nullable(),
  nps: z.number().nullable(),
});

const DEFAULT_SPAN_DAYS = { day: 30, week: 12 * 7, month: 365 } as const;
const MAX_BUCKETS = 1_000;

/** Window defaults: the last 30 days / 12 weeks / 12 months up to today (UTC), `to` exclusive. */
export function resolveWindow(q: { bucket: "day" | "week" | "month"; from?: string; to?: string }, now: Date) {
  const to = q.to ?? new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const from =
    q.from ??
    new Date(Date.parse(`${to}T00:00:00Z`) - DEFAULT_SPAN_DAYS[q.bucket] * 86_400_000).toISOString().slice(0, 10);
  if (from >= to) throw new AppError("validation_failed", "`from` must be before `to`");
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  const buckets = q.bucket === "day" ? days : q.bucket === "week" ? days / 7 : days / 28;
  if (buckets > MAX_BUCKETS)
    throw new AppError("validation_failed", `too many buckets (max ${MAX_BUCKETS}); use a larger bucket`);
  return { from, to };
}

export function registerTrendRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/businesses/{id}/trends",
      tags: ["trends"],
      security: [{ Bearer: [] }],
      summary: "Sentiment, rating, NPS and emotion series by day, week or month (from rollups)",
      request: { params: IdParam, query: TrendsQuery },
      responses: {
        200: {
          description: "Series; `previous` and `delta` with compare=previous; `competitors` with with=competitors",
          content: {
            "application/json": {
              schema: z.object({
                businessId: z.string(),
                bucket: z.string(),
                from: z.string(),
                to: z.string(),
                series: z.array(Point),
                totals: Totals,
                previous: z
                  .object({ from: z.string(), to: z.string(), series: z.array(Point), totals: Totals })
                  .optional(),
                delta: z.record(z.string(), z.number().nullable()).optional(),
                competitors: z
                  .array(z.object({ businessId: z.string(), name: z.string(), series: z.array(Point), totals: Totals }))
                  .optional(),
              }),
            },
          },
        },
        ...problems(401, 404, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const q = c.req.valid("query");
      const { from, to } = resolveWindow(q, deps.now?.() ?? new Date());
      const filters = { bucket: q.bucket, sourceId: q.source, lang: q.lang, aspect: q.aspect, emotion: q.emotion };
      const prev = q.compare === "previous" ? previousWindow(from, to) : null;
      const competitors = q.with === "competitors" ? await listCompetitors(deps.db, id) : [];
      // The period (with competitors) and its comparison window in one statement.
      const [rows = [], prevRows] = await trendSumsOfWindows(deps.db, { ...filters, businessIds: [id] }, [
        { from, to, businessIds: [id, ...competitors.map((b) => b.id)] },
        ...(prev ? [{ ...prev, businessIds: [id] }] : []),
      ]);
      // Rows prove the business exists; only an empty window needs the existence check (404).
      if (rows.length === 0) await getBusiness(deps.db, id);
      const of = (businessId: string) => rows.filter((r) => r.businessId === businessId);
      const body: Record<string, unknown> = {
        businessId: id,
        bucket: q.bucket,
        from,
        to,
        series: buildSeries(of(id), q.bucket, from, to),
        totals: totals(of(id)),
      };
      if (prev && prevRows) {
        body.previous = {
          ...prev,
          series: buildSeries(prevRows, q.bucket, prev.from, prev.to),
          totals: totals(prevRows),
        };
        body.delta = delta(totals(of(id)), totals(prevRows));
      }
      if (competitors.length > 0 || q.with === "competitors") {
        body.competitors = competitors.map((b) => ({
          businessId: b.id,
          name: b.name,
          series: buildSeries(of(b.id), q.bucket, from, to),
          totals: totals(of(b.id)),
        }));
      }
      return c.json(body as never, 200);
    },
  );
}
