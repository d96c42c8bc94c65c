export * from "./jobs.ts";
export * from "./schedule.ts";
export * from "./types.ts";
