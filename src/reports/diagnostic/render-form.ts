/**
 * The diagnostic request form: a plain HTML form posted as
 * application/x-www-form-urlencoded (no script needed, works everywhere).
 * `diagnosticRequestFromForm` turns its fields into the same object a JSON
 * client would post, so the API can validate both with one schema.
 */
import { esc, STYLES } from "./html.ts";
import { isLocale, type Locale, t } from "./i18n/index.ts";

export const COMPETITOR_SLOTS = 3;

/** The body of a diagnostic request, whether posted as JSON or built from the form. */
export interface DiagnosticRequestBody {
  businessName: string;
  website?: string;
  urls: string[];
  competitors: Array<{ name: string; urls: string[] }>;
  locale: Locale;
  email?: string;
}

export function renderDiagnosticForm(opts: { locale: Locale; action: string }): string {
  const { locale, action } = opts;
  const L = (k: Parameters<typeof t>[1], p?: Parameters<typeof t>[2]) => esc(t(locale, k, p));
  const competitors = Array.from({ length: COMPETITOR_SLOTS }, (_, i) => {
    const n = i + 1;
    return `<div class="competitor">
<label for="competitor${n}Name">${L("form.competitorName", { n })}</label>
<input id="competitor${n}Name" name="competitor${n}Name" type="text" maxlength="200">
<label for="competitor${n}Urls">${L("form.competitorUrls", { n })}</label>
<textarea id="competitor${n}Urls" name="competitor${n}Urls" rows="2" placeholder="https://"></textarea>
</div>`;
  }).join("\n");
  const option = (value: Locale, label: string) =>
    `<option value="${value}"${value === locale ? " selected" : ""}>${esc(label)}</option>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L("form.title")}</title>
<style>${STYLES}
form label{display:block;font-weight:600;margin-top:14px}
form input,form textarea,form select{width:100%;padding:8px;font:inherit;border:1px solid #b9c0cc;border-radius:6px}
fieldset{border:1px solid #d5d9e0;border-radius:8px;margin-top:18px}
button{margin-top:20px;padding:10px 18px;font:inherit;font-weight:600;background:#3b6fd8;color:#fff;border:0;border-radius:6px;cursor:pointer}
</style>
</head>
<body>
<main>
<h1>${L("form.title")}</h1>
<p>${L("form.intro")}</p>
<form method="post" action="${esc(action)}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">
<label for="businessName">${L("form.businessName")}</label>
<input id="businessName" name="businessName" type="text" required maxlength="200">
<label for="website">${L("form.website")}</label>
<input id="website" name="website" type="url" placeholder="https://">
<label for="urls">${L("form.urls")}</label>
<textarea id="urls" name="urls" rows="4" placeholder="https://"></textarea>
<fieldset><legend>${L("form.competitors")}</legend>
${competitors}
</fieldset>
<label for="locale">${L("form.locale")}</label>
<select id="locale" name="locale">${option("fr", "Français")}${option("en", "English")}</select>
<label for="email">${L("form.email")}</label>
<input id="email" name="email" type="email" maxlength="320">
<button type="submit">${L("form.submit")}</button>
<p class="muted">${L("form.privacy")}</p>
</form>
</main>
</body>
</html>
`;
}

type FormValue = string | File | Array<string | File> | undefined;

function first(v: FormValue): string {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" ? x.trim() : "";
}

/** One URL per line (or per repeated field); blank lines dropped, duplicates removed. */
export function splitUrls(v: FormValue): string[] {
  const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
  const urls = values
    .flatMap((x) => x.split(/[\r\n]+/))
    .map((x) => x.trim())
    .filter(Boolean);
  return [...new Set(urls)];
}

/** Form fields (as Hono's parseBody({ all: true }) gives them) to a request body. Validation is the caller's. */
export function diagnosticRequestFromForm(fields: Record<string, FormValue>): DiagnosticRequestBody {
  const competitors: DiagnosticRequestBody["competitors"] = [];
  for (let n = 1; n <= COMPETITOR_SLOTS; n++) {
    const name = first(fields[`competitor${n}Name`]);
    const urls = splitUrls(fields[`competitor${n}Urls`]);
    if (name || urls.length) competitors.push({ name, urls });
  }
  const locale = first(fields.locale);
  const website = first(fields.website);
  const email = first(fields.email);
  return {
    businessName: first(fields.businessName),
    ...(website ? { website } : {}),
    urls: splitUrls(fields.urls),
    competitors,
    locale: isLocale(locale) ? locale : "fr",
    ...(email ? { email } : {}),
  };
}
