// Municipality (pašvaldība): one of the 43 local governments after the 2021 administrative reform.
import * as z from 'zod';

export const municipalityCode = z
  .string()
  .regex(/^LV-(?:[0-9]{3}|[A-Z]{3})$/, 'must be an ISO 3166-2:LV code such as LV-042 or LV-RIX');

export const isoDate = z.iso.date();

export const municipalitySchema = z.object({
  code: municipalityCode.describe('ISO 3166-2:LV code'),
  name: z.string().describe('Official Latvian name'),
  nameEn: z.string().describe('English name'),
  kind: z.enum(['state-city', 'municipality']).describe('valstspilsēta or novads'),
  validFrom: isoDate.describe('First day the municipality exists'),
  validTo: isoDate.nullable().describe('Last day the municipality exists, null while it does'),
  mergedInto: municipalityCode.nullable().describe('Successor after a merger'),
});

export type Municipality = z.infer<typeof municipalitySchema>;

/** True when the municipality exists on `date` (YYYY-MM-DD; ISO dates compare as strings). */
export function isValidOn(m: Pick<Municipality, 'validFrom' | 'validTo'>, date: string): boolean {
  return m.validFrom <= date && (m.validTo === null || date <= m.validTo);
}

/** The municipality's youth affairs contact (jaunatnes lietu speciālists), shown publicly with the municipality. */
export const youthContactSchema = z.object({
  name: z.string().trim().min(2).max(120).describe('Full name of the youth affairs specialist'),
  email: z.email().max(254),
  phone: z.string().regex(/^\+371 ?[2-9][0-9]{7}$/, 'must be a Latvian number: +371 followed by 8 digits').optional(),
});
export type YouthContact = z.infer<typeof youthContactSchema>;

export const storedYouthContactSchema = youthContactSchema.extend({
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});
export type StoredYouthContact = z.infer<typeof storedYouthContactSchema>;

export const municipalityDetailSchema = municipalitySchema.extend({
  youthContact: storedYouthContactSchema.omit({ updatedBy: true }).nullable(),
});
export type MunicipalityDetail = z.infer<typeof municipalityDetailSchema>;
