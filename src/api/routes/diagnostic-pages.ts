import { escapeHtml } from "../../reports/escape.ts";

const TEXT = {
  fr: {
    queued: "Votre diagnostic est en file d'attente…",
    running: "Nous collectons et analysons les avis publics…",
    failed: "Le diagnostic n'a pas pu être mené à bien. Réessayez dans quelques minutes.",
    refresh: "Cette page se met à jour toute seule.",
  },
  en: {
    queued: "Your diagnostic is queued…",
    running: "We are collecting and analysing public reviews…",
    failed: "The diagnostic could not be completed. Please try again in a few minutes.",
    refresh: "This page refreshes by itself.",
  },
};

/** The page shown while a diagnostic runs (auto-refresh, no script) or after it failed. */
export function renderStatusPage(p: { status: string; businessName: string; locale: "fr" | "en" }): string {
  const t = TEXT[p.locale];
  const message = p.status === "failed" ? t.failed : p.status === "running" ? t.running : t.queued;
  const refresh = p.status === "failed" ? "" : '<meta http-equiv="refresh" content="3">';
  return `<!doctype html><html lang="${p.locale}"><head><meta charset="utf-8">${refresh}<title>${escapeHtml(p.businessName)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:640px;margin:4rem auto;padding:0 1rem;color:#1f2933}</style></head>
<body><h1>${escapeHtml(p.businessName)}</h1><p>${escapeHtml(message)}</p>${refresh ? `<p><small>${escapeHtml(t.refresh)}</small></p>` : ""}</body></html>`;
}
