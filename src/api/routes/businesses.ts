import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createBusiness,
  deleteBusiness,
  getBusiness,
  listBusinesses,
  listCompetitors,
  updateBusiness,
} from "../../db/queries/businesses.ts";
import type { AppDeps, AppEnv } from "../context.ts";
import {
  BusinessSchema,
  CreateBusinessBody,
  IdParam,
  problems,
  toBusinessJson,
  UpdateBusinessBody,
} from "../schemas.ts";

const security = [{ Bearer: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export function registerBusinessRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/businesses",
      tags: ["businesses"],
      security,
      request: { body: { content: { "application/json": { schema: CreateBusinessBody } }, required: true } },
      responses: { 201: json(BusinessSchema, "Created"), ...problems(400, 401, 403, 422) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      return c.json(toBusinessJson(await createBusiness(deps.db, body)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/businesses",
      tags: ["businesses"],
      security,
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(BusinessSchema) }), "Followed businesses"), ...problems(401) },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const rows = await listBusinesses(deps.db, q);
      return c.json({ items: rows.map(toBusinessJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/businesses/{id}",
      tags: ["businesses"],
      security,
      request: { params: IdParam },
      responses: {
        200: json(BusinessSchema.extend({ competitors: z.array(BusinessSchema) }), "The business"),
        ...problems(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const b = await getBusiness(deps.db, id);
      const competitors = await listCompetitors(deps.db, id);
      return c.json({ ...toBusinessJson(b), competitors: competitors.map(toBusinessJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/v1/businesses/{id}",
      tags: ["businesses"],
      security,
      request: { params: IdParam, body: { content: { "application/json": { schema: UpdateBusinessBody } } } },
      responses: { 200: json(BusinessSchema, "Updated"), ...problems(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return c.json(toBusinessJson(await updateBusiness(deps.db, id, c.req.valid("json"))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/businesses/{id}",
      tags: ["businesses"],
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted with its sources and mentions" }, ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await deleteBusiness(deps.db, id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/businesses/{id}/competitors",
      tags: ["businesses"],
      security,
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: CreateBusinessBody } }, required: true },
      },
      responses: { 201: json(BusinessSchema, "Competitor created"), ...problems(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getBusiness(deps.db, id);
      const body = c.req.valid("json");
      return c.json(toBusinessJson(await createBusiness(deps.db, { ...body, competitorOf: id })), 201);
    },
  );
}
