import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AlertRow, AlertRuleRow } from "../../db/queries/alerts.ts";
import { createAlertRule, deleteAlertRule, listAlertRules, listAlerts } from "../../db/queries/alerts.ts";
import { getBusiness } from "../../db/queries/businesses.ts";
import { AppError } from "../../errors.ts";
import { AlertRuleConfig } from "../../reports/alerts/index.ts";
import type { AppDeps, AppEnv } from "../context.ts";
import { zodIssues } from "../problem.ts";
import { IdParam, Pagination, problems } from "../schemas.ts";

const security = [{ Bearer: [] }];

const CreateAlertRuleBody = z
  .object({
    rule: z.record(z.string(), z.unknown()).openapi({
      description:
        "negative_spike | rating_drop | keyword rule (see docs/ALERTS.md), e.g. { type: 'negative_spike', sensitivity: { method: 'zscore', threshold: 3 } }",
    }),
    webhookUrl: z
      .string()
      .url()
      .max(2048)
      .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL")
      .optional(),
  })
  .openapi("CreateAlertRuleBody");

const RuleSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  type: z.string(),
  rule: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  webhookUrl: z.string().nullable(),
  lastFiredAt: z.string().nullable(),
  createdAt: z.string(),
});

const toRuleJson = (r: AlertRuleRow) => ({
  id: r.id,
  businessId: r.businessId,
  type: r.type,
  rule: r.params,
  enabled: r.enabled,
  webhookUrl: r.webhookUrl,
  lastFiredAt: r.lastFiredAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

const toAlertJson = (a: AlertRow) => ({
  id: a.id,
  ruleId: a.ruleId,
  type: a.type,
  firedAt: a.firedAt.toISOString(),
  summary: a.summary,
  explanation: (a.explanation as { explanation?: unknown }).explanation ?? a.explanation,
  delivery: {
    status: a.deliveryStatus,
    attempts: a.deliveryAttempts,
    deliveredAt: a.deliveredAt?.toISOString() ?? null,
    lastError: a.lastDeliveryError,
  },
});

export function registerAlertRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/businesses/{id}/alert-rules",
      tags: ["alerts"],
      security,
      summary: "Create an alert rule; the webhook signing secret is returned once",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: CreateAlertRuleBody } }, required: true },
      },
      responses: {
        201: {
          description: "Created",
          content: { "application/json": { schema: RuleSchema.extend({ webhookSecret: z.string().nullable() }) } },
        },
        ...problems(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getBusiness(deps.db, id);
      const body = c.req.valid("json");
      const parsed = AlertRuleConfig.safeParse(body.rule);
      if (!parsed.success)
        throw new AppError("validation_failed", "invalid alert rule", { errors: zodIssues(parsed.error) });
      const { enabled, ...config } = parsed.data;
      const row = await createAlertRule(deps.db, {
        businessId: id,
        type: config.type,
        config,
        enabled,
        webhookUrl: body.webhookUrl,
      });
      return c.json({ ...toRuleJson(row), webhookSecret: row.webhookSecret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/businesses/{id}/alert-rules",
      tags: ["alerts"],
      security,
      request: { params: IdParam },
      responses: {
        200: {
          description: "Rules",
          content: { "application/json": { schema: z.object({ items: z.array(RuleSchema) }) } },
        },
        ...problems(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getBusiness(deps.db, id);
      return c.json({ items: (await listAlertRules(deps.db, { businessId: id })).map(toRuleJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/alert-rules/{id}",
      tags: ["alerts"],
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted with its history" }, ...problems(401, 403, 404) },
    }),
    async (c) => {
      await deleteAlertRule(deps.db, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/businesses/{id}/alerts",
      tags: ["alerts"],
      security,
      summary: "Alert history, newest first, each with why it fired and its delivery status",
      request: { params: IdParam, query: Pagination },
      responses: {
        200: {
          description: "Alerts",
          content: {
            "application/json": {
              schema: z.object({
                items: z.array(z.record(z.string(), z.unknown())),
                nextCursor: z.string().nullable(),
              }),
            },
          },
        },
        ...problems(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await getBusiness(deps.db, id);
      const page = await listAlerts(deps.db, { businessId: id, ...c.req.valid("query") });
      return c.json({ items: page.items.map(toAlertJson), nextCursor: page.nextCursor }, 200);
    },
  );
}
