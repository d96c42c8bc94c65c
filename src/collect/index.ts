export * from "./adapters/index.ts";
export type { DiscoveryResult, ProposedSource } from "./discover.ts";
export { discoverSources, discoverSourcesFromUrl, platformSourcesFromUrl } from "./discover.ts";
export * from "./fetch/index.ts";
export * from "./import/index.ts";
export * from "./parse/index.ts";
export type * from "./types.ts";
export { MENTION_KINDS, PARSE_ERROR_CODES, ParseError, SOURCE_KINDS } from "./types.ts";
