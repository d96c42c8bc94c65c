import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getBusiness } from "../../db/queries/businesses.ts";
import { listMentions } from "../../db/queries/mentions.ts";
import { notFound } from "../../errors.ts";
import type { AppDeps, AppEnv } from "../context.ts";
import { IdParam, MentionSchema, Pagination, problems, toMentionJson } from "../schemas.ts";

export function registerMentionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/businesses/{id}/mentions",
      tags: ["mentions"],
      security: [{ Bearer: [] }],
      summary: "Mentions, newest first, with cursor pagination",
      request: {
        params: IdParam,
        query: Pagination.extend({
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          sourceId: z.string().uuid().optional(),
        }),
      },
      responses: {
        200: {
          description: "A page of mentions; pass nextCursor back as cursor for the next page",
          content: {
            "application/json": {
              schema: z.object({ items: z.array(MentionSchema), nextCursor: z.string().nullable() }),
            },
          },
        },
        ...problems(400, 401, 404, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const q = c.req.valid("query");
      const page = await listMentions(deps.db, { businessId: id, ...q }).catch(async (err: unknown) => {
        await getBusiness(deps.db, id); // an unknown business answers 404 before a bad cursor's 400
        throw err;
      });
      if (!page.businessExists) throw notFound("business");
      return c.json({ items: page.items.map(toMentionJson), nextCursor: page.nextCursor }, 200);
    },
  );
}
