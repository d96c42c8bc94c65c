/**
 * The outbound fetch layer: one guarded, polite HTTP client for every adapter.
 * See README.md in this folder for the options and the guarantees.
 */

export type { AddressCategory, AddressVerdict } from "./address.ts";
export { classifyAddress, normalizeIpLiteral } from "./address.ts";
export type { ResolvedAddress, Resolver } from "./connector.ts";
export { systemResolver } from "./connector.ts";
export type { FetchErrorCode } from "./errors.ts";
export { FETCH_ERROR_CODES, FetchError } from "./errors.ts";
export { createFetcher } from "./fetcher.ts";
export type { FetcherOptions, FetcherTimeouts } from "./options.ts";
export { DEFAULT_USER_AGENT } from "./options.ts";
export type { PolitenessStore, Reservation } from "./politeness.ts";
export { createMemoryPoliteness, createRedisPoliteness } from "./politeness.ts";
export type { RetryOptions } from "./retry.ts";
export type { RobotsCache, RobotsEntry } from "./robots.ts";
export { createMemoryRobotsCache, createRedisRobotsCache } from "./robots.ts";
