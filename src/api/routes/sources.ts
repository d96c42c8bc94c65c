import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getBusiness } from "../../db/queries/businesses.ts";
import type { Source } from "../../db/queries/sources.ts";
import {
  createSource,
  deleteSource,
  getSource,
  listRuns,
  listSources,
  updateSource,
} from "../../db/queries/sources.ts";
import { collectDedupeId } from "../../queue/jobs.ts";
import { parseSchedule } from "../../queue/schedule.ts";
import type { JobQueue } from "../../queue/types.ts";
import type { AppDeps, AppEnv } from "../context.ts";
import { CreateSourceBody, IdParam, problems, SourceSchema, toSourceJson, UpdateSourceBody } from "../schemas.ts";

const security = [{ Bearer: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** Keep the queue's scheduler in step with the row: one scheduler per enabled, scheduled source. */
export async function syncSchedule(queue: JobQueue, source: Source) {
  if (source.enabled && source.schedule) await queue.upsertSchedule(source.id, parseSchedule(source.schedule));
  else await queue.removeSchedule(source.id);
}

export function registerSourceRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/businesses/{id}/sources",
      tags: ["sources"],
      security,
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: CreateSourceBody } }, required: true },
      },
      responses: { 201: json(SourceSchema, "Created"), ...problems(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getBusiness(deps.db, id);
      const body = c.req.valid("json");
      const source = await createSource(deps.db, { businessId: id, ...body, schedule: body.schedule ?? "6h" });
      await syncSchedule(deps.queue, source);
      return c.json(toSourceJson(source), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/businesses/{id}/sources",
      tags: ["sources"],
      security,
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(SourceSchema) }), "Sources"), ...problems(401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getBusiness(deps.db, id);
      return c.json({ items: (await listSources(deps.db, { businessId: id })).map(toSourceJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/sources/{id}",
      tags: ["sources"],
      security,
      request: { params: IdParam },
      responses: { 200: json(SourceSchema, "The source"), ...problems(401, 404) },
    }),
    async (c) => c.json(toSourceJson(await getSource(deps.db, c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/v1/sources/{id}",
      tags: ["sources"],
      security,
      request: { params: IdParam, body: { content: { "application/json": { schema: UpdateSourceBody } } } },
      responses: { 200: json(SourceSchema, "Updated"), ...problems(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const source = await updateSource(deps.db, c.req.valid("param").id, c.req.valid("json"));
      await syncSchedule(deps.queue, source);
      return c.json(toSourceJson(source), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/sources/{id}",
      tags: ["sources"],
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted with its mentions" }, ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await deleteSource(deps.db, id);
      await deps.queue.removeSchedule(id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/sources/{id}/collect",
      tags: ["sources"],
      security,
      summary: "Collect now",
      request: { params: IdParam },
      responses: {
        202: json(z.object({ jobId: z.string(), sourceId: z.string() }), "Collection queued"),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getSource(deps.db, id);
      const job = await deps.queue.enqueue(
        "collect-source",
        { sourceId: id, trigger: "manual" },
        { dedupeId: collectDedupeId(id) },
      );
      return c.json({ jobId: job.id, sourceId: id }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/sources/{id}/runs",
      tags: ["sources"],
      security,
      request: { params: IdParam, query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
      responses: {
        200: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), "Recent collection runs"),
        ...problems(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getSource(deps.db, id);
      const runs = await listRuns(deps.db, { sourceId: id, limit: c.req.valid("query").limit });
      return c.json(
        {
          items: runs.map((r) => ({
            ...r,
            startedAt: r.startedAt.toISOString(),
            finishedAt: r.finishedAt?.toISOString() ?? null,
          })),
        },
        200,
      );
    },
  );
}
