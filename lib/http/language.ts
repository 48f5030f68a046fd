// Which of the two user-facing languages a request wants: Latvian unless it asks for English first.
export type Lang = 'lv' | 'en';

export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'lv';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.tag && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('lv')) return 'lv';
    if (tag.startsWith('en')) return 'en';
  }
  return 'lv';
}
