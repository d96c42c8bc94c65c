import { escapeHtml } from "../reports/escape.ts";

/**
 * A self-contained API reference page built from the OpenAPI document, so the
 * docs work offline (no CDN script), which is how this service is often run.
 */
type Doc = {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, { summary?: string; tags?: string[]; security?: unknown[] }>>;
};

export function renderDocsPage(doc: Doc): string {
  const rows = Object.entries(doc.paths ?? {})
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) =>
          `<tr><td><code>${escapeHtml(method.toUpperCase())}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.tags?.join(", ") ?? "")}</td><td>${escapeHtml(op.summary ?? "")}</td><td>${op.security?.length ? "API key" : "public"}</td></tr>`,
      ),
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info?.title ?? "API")}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2rem auto;padding:0 1rem;color:#1f2933}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e4e7eb;padding:.4rem;text-align:left}code{background:#f5f7fa;padding:0 .2rem}</style></head>
<body><h1>${escapeHtml(doc.info?.title ?? "API")} <small>${escapeHtml(doc.info?.version ?? "")}</small></h1>
<p>Machine-readable document: <a href="/openapi.json">/openapi.json</a>. Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>; create a key with <code>npm run cli -- keys create --name me --scope admin</code>. Errors are <code>application/problem+json</code> with a stable <code>code</code> and a <code>requestId</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Tag</th><th>Summary</th><th>Auth</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
