export * from "./analyses.ts";
export * from "./api-keys.ts";
export * from "./businesses.ts";
export * from "./collection-runs.ts";
export * from "./diagnostics.ts";
export * from "./mentions.ts";
export * from "./sources.ts";
