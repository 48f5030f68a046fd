// The shared frame of the public pages: one small stylesheet inlined by hash, a strict CSP, Latvian first, phone first.
import { createHash } from 'node:crypto';
import type { Lang } from '../http/language.js';
import { html, trusted, type SafeHtml } from './html.js';

const CSS = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#4a5560;--line:#d5dbe1;--ok:#0b6b3a;--ok-bg:#e5f4ec;--bad:#9b1c1c;--bad-bg:#fbe9e9;--warn:#7a4b00;--warn-bg:#fdf3dc;--link:#0a4f9e}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#f6f7f9}
main{max-width:40rem;margin:0 auto;padding:1rem}
header.top{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;flex-wrap:wrap;margin-bottom:.75rem}
header.top p{margin:0;font-weight:600}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .25rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.banner{border-radius:.5rem;padding:1rem;border:2px solid;margin-bottom:1rem}
.banner p{margin:.25rem 0 0}
.banner.valid{color:var(--ok);background:var(--ok-bg);border-color:var(--ok)}
.banner.revoked{color:var(--bad);background:var(--bad-bg);border-color:var(--bad)}
.banner.unknown{color:var(--warn);background:var(--warn-bg);border-color:var(--warn)}
.card{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem}
dl{margin:0;display:grid;grid-template-columns:1fr;gap:.15rem 1rem}
dt{color:var(--muted);font-size:.9rem;margin-top:.5rem}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
ul{margin:0;padding-left:1.25rem}
.code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;letter-spacing:.05em}
.note{color:var(--muted);font-size:.95rem}
button{font:inherit;font-weight:600;padding:.75rem 1.25rem;min-height:44px;border-radius:.5rem;border:2px solid var(--link);background:var(--link);color:#fff}
button:focus-visible{outline:3px solid var(--link);outline-offset:2px}
label{display:block;font-weight:600;margin-top:.75rem}
.qr svg{display:block;width:100%;height:auto;max-width:26rem;margin:0 auto;background:#fff}
.big{font-size:3rem;font-weight:700;text-align:center;margin:.5rem 0}
input,textarea{font:inherit;padding:.5rem;border:1px solid var(--muted);border-radius:.25rem;max-width:100%}
@media (min-width:36rem){dl{grid-template-columns:max-content 1fr}dt{margin-top:0}}
`.trim();

const CSS_HASH = createHash('sha256').update(CSS, 'utf8').digest('base64');

/** No scripts, no frames, no third-party anything: the only style is the inline sheet above, allowed by its hash. */
export const PAGE_CSP = [
  "default-src 'none'", `style-src 'sha256-${CSS_HASH}'`, "img-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  // Not `no-referrer`: under it browsers send `Origin: null` with the pages' own form posts, which the link pages
  // refuse as cross-site. `same-origin` still gives no other site the URL (and its token).
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export interface PageInput {
  lang: Lang;
  title: string;
  /** The same page in the other language (a relative URL). */
  otherLanguageHref: string;
  body: SafeHtml;
  /** Reload the page after this many seconds (the venue display follows the changing code without scripts). */
  refreshSeconds?: number;
}

const SITE = { lv: 'Jaunatnes darba platforma', en: 'Youth work platform' };

export function layout(input: PageInput): string {
  const other = input.lang === 'lv' ? { lang: 'en', label: 'English' } : { lang: 'lv', label: 'Latviski' };
  return html`<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${input.refreshSeconds ? html`<meta http-equiv="refresh" content="${Math.max(1, Math.ceil(input.refreshSeconds))}">
` : ''}<title>${input.title} — ${SITE[input.lang]}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<main>
<header class="top"><p>${SITE[input.lang]}</p><a href="${input.otherLanguageHref}" hreflang="${other.lang}" lang="${other.lang}">${other.label}</a></header>
${input.body}
</main>
</body>
</html>
`.value;
}
