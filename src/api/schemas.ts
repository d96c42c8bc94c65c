import { z } from "@hono/zod-openapi";
import { SOURCE_KINDS } from "../collect/types.ts";
import type { Business } from "../db/queries/businesses.ts";
import type { Source } from "../db/queries/sources.ts";
import type { MentionRecord } from "../domain.ts";
import { isValidSchedule } from "../queue/schedule.ts";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

export const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: "Error (problem+json)", content: { "application/problem+json": { schema: ProblemSchema } } },
    ]),
  );

export const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" } }),
});

const httpUrl = z
  .string()
  .url()
  .max(2048)
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL");

export const CreateBusinessBody = z
  .object({ name: z.string().trim().min(1).max(200), website: httpUrl.optional() })
  .openapi("CreateBusinessBody");
export const UpdateBusinessBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), website: httpUrl.nullable().optional() })
  .openapi("UpdateBusinessBody");

export const BusinessSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    website: z.string().nullable(),
    competitorOf: z.string().uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Business");

export const toBusinessJson = (b: Business) => ({
  id: b.id,
  name: b.name,
  website: b.website,
  competitorOf: b.competitorOf,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

const schedule = z.string().max(100).refine(isValidSchedule, "use an interval like 30m, 6h, 1d or a cron pattern");

export const CreateSourceBody = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    url: httpUrl.optional(),
    query: z.string().trim().min(1).max(500).optional(),
    schedule: schedule.nullable().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((b) => b.url || b.query, { message: "give a url or a query", path: ["url"] })
  .openapi("CreateSourceBody");

export const UpdateSourceBody = z
  .object({
    url: httpUrl.optional(),
    query: z.string().trim().min(1).max(500).optional(),
    schedule: schedule.nullable().optional(),
    enabled: z.boolean().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("UpdateSourceBody");

export const SourceSchema = z
  .object({
    id: z.string().uuid(),
    businessId: z.string().uuid(),
    kind: z.string(),
    url: z.string().nullable(),
    query: z.string().nullable(),
    schedule: z.string().nullable(),
    enabled: z.boolean(),
    health: z.string(),
    lastRunAt: z.string().nullable(),
    lastStatus: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Source");

export const toSourceJson = (s: Source) => ({
  id: s.id,
  businessId: s.businessId,
  kind: s.kind,
  url: s.url,
  query: s.query,
  schedule: s.schedule,
  enabled: s.enabled,
  health: s.health,
  lastRunAt: s.lastRunAt?.toISOString() ?? null,
  lastStatus: s.lastStatus,
  lastError: s.lastError,
  createdAt: s.createdAt.toISOString(),
});

export const MentionSchema = z
  .object({
    id: z.string().uuid(),
    sourceId: z.string().uuid(),
    sourceKind: z.string(),
    kind: z.string(),
    externalId: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    text: z.string(),
    lang: z.string().nullable(),
    rating: z.object({ value: z.number(), best: z.number(), worst: z.number() }).nullable(),
    publishedAt: z.string().nullable(),
    collectedAt: z.string(),
    reply: z.object({ text: z.string(), at: z.string().nullable() }).nullable(),
    analysis: z
      .object({
        version: z.string(),
        lang: z.string(),
        sentiment: z.object({ score: z.number(), label: z.string(), confidence: z.number() }),
        emotions: z.record(z.string(), z.number()),
        aspects: z.array(
          z.object({ aspect: z.string(), polarity: z.string(), score: z.number(), evidence: z.array(z.string()) }),
        ),
        touchpoints: z.array(z.string()),
        ratingMismatch: z.boolean(),
      })
      .nullable(),
  })
  .openapi("Mention");

export const toMentionJson = (m: MentionRecord) => ({
  id: m.id,
  sourceId: m.sourceId,
  sourceKind: m.sourceKind,
  kind: m.kind,
  externalId: m.externalId,
  url: m.url,
  title: m.title,
  text: m.text,
  lang: m.lang,
  rating: m.rating,
  publishedAt: m.publishedAt?.toISOString() ?? null,
  collectedAt: m.collectedAt.toISOString(),
  reply: m.reply ? { text: m.reply.text, at: m.reply.at?.toISOString() ?? null } : null,
  analysis: m.analysis
    ? {
        version: m.analysis.version,
        lang: m.analysis.lang,
        sentiment: {
          score: m.analysis.sentimentScore,
          label: m.analysis.sentimentLabel,
          confidence: m.analysis.confidence,
        },
        emotions: m.analysis.emotions as Record<string, number>,
        aspects: m.analysis.aspects,
        touchpoints: m.analysis.touchpoints,
        ratingMismatch: m.analysis.ratingMismatch,
      }
    : null,
});

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
