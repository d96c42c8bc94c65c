/** Routes reachable without an API key: the free diagnostic (its id is an unguessable token). */
export function isPublicRoute(method: string, path: string): boolean {
  if (method === "POST" && path === "/v1/diagnostics") return true;
  if (method === "GET" && /^\/v1\/diagnostics\/[A-Za-z0-9_-]+$/.test(path)) return true;
  return false;
}
