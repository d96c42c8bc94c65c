export * from "./client.ts";
export * from "./queries/api-keys.ts";
export * from "./queries/businesses.ts";
export * from "./queries/mentions.ts";
export * from "./queries/rollups.ts";
export * from "./queries/sources.ts";
export * from "./queries/trends.ts";
export * as schema from "./schema/index.ts";
