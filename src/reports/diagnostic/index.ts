/** Public surface of the diagnostic report. */
export { computeDiagnostic } from "./compute.ts";
export { isLocale, LOCALES, type Locale, type MessageKey, t } from "./i18n/index.ts";
export {
  COMPETITOR_SLOTS,
  type DiagnosticRequestBody,
  diagnosticRequestFromForm,
  renderDiagnosticForm,
  splitUrls,
} from "./render-form.ts";
export { type RenderOptions, renderDiagnosticHtml } from "./render-html.ts";
export { ACTIVITY_TARGET, ACTIVITY_WINDOW_DAYS, COMPONENT_WEIGHTS, SPREAD_TARGET } from "./score.ts";
export type * from "./types.ts";
