// Content negotiation between a page and JSON for routes both can answer (RFC 9110 §12.5.1 Accept).

/** The quality the Accept header gives a media type by its explicit entry (type/subtype or type/*), 0 when absent. */
function qualityOf(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = -1;
  let bestSpecificity = -1;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';').map((p) => p.trim());
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : -1;
    if (specificity < 0 || specificity < bestSpecificity) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (!Number.isFinite(value)) continue;
    if (specificity > bestSpecificity || value > best) {
      best = value;
      bestSpecificity = specificity;
    }
  }
  return Math.max(best, 0);
}

/**
 * True when the client asks for HTML by name and ranks it above JSON: what browsers send for a navigation
 * (`text/html,application/xhtml+xml,…,*\/*;q=0.8`). `*\/*`, a missing header and `application/json` keep the JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const htmlQ = Math.max(qualityOf(accept, 'text/html'), qualityOf(accept, 'application/xhtml+xml'));
  return htmlQ > 0 && htmlQ > qualityOf(accept, 'application/json');
}
