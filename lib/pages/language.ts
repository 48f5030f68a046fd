// The language of a page: `?lang=` when it names one of the two, else the request's Accept-Language choice.
import type { Lang } from '../http/language.js';

export function pageLanguage(query: { lang?: string | undefined } | undefined, fromHeader: Lang): Lang {
  const asked = query?.lang?.trim().toLowerCase();
  return asked === 'en' || asked === 'lv' ? asked : fromHeader;
}
