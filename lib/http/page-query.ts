// The query every page takes, in a module of its own: a context's page routes import it without another context's schemas.
import * as z from 'zod';

/** `?lang=en|lv` overrides Accept-Language; anything else is ignored rather than refused (a page never answers JSON). */
export const pageQuery = z.object({ lang: z.string().optional().describe('lv (default) or en; overrides Accept-Language') });
