import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getBusiness } from "../../db/queries/businesses.ts";
import { listMentions } from "../../db/queries/mentions.ts";
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
      // The existence check and the page are read concurrently (one wait instead of two);
      // an unknown business still answers 404 before any other error.
      const [business, page] = await Promise.allSettled([
        getBusiness(deps.db, id),
        listMentions(deps.db, { businessId: id, ...q }),
      ]);
      if (business.status === "rejected") throw business.reason;
      if (page.status === "rejected") throw page.reason;
      return c.json({ items: page.value.items.map(toMentionJson), nextCursor: page.value.nextCursor }, 200);
    },
  );
}
