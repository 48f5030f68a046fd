// zod issues → field issues with stable rule ids, in the request's language.
import type * as z from 'zod';
import type { FieldIssue } from '../domain/errors.js';
import type { Lang } from './language.js';

const LATVIAN: Record<string, string> = {
  invalid_type: 'Nepareizs vērtības tips vai trūkst vērtības',
  too_small: 'Vērtība ir par mazu vai par īsu',
  too_big: 'Vērtība ir par lielu vai par garu',
  invalid_format: 'Nederīgs formāts',
  not_multiple_of: 'Vērtībai jābūt dotā soļa daudzkārtnim',
  unrecognized_keys: 'Neatļauti lauki',
  invalid_union: 'Vērtība neatbilst nevienam atļautajam variantam',
  invalid_key: 'Nederīga atslēga',
  invalid_element: 'Nederīgs elements',
  invalid_value: 'Vērtība nav starp atļautajām',
  custom: 'Vērtība neatbilst noteikumam',
};

export function fieldIssues(prefix: string, error: z.ZodError, lang: Lang): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: `${path}.${key}`, rule: issue.code,
        message: lang === 'lv' ? `${LATVIAN.unrecognized_keys}: ${key}` : `Unrecognized key: ${key}`,
      }));
    }
    const rule = issue.code === 'custom' && typeof issue.params?.rule === 'string' ? issue.params.rule : issue.code;
    const message = lang === 'lv' ? `${LATVIAN[issue.code] ?? LATVIAN.custom} (${issue.message})` : issue.message;
    return [{ field: path || prefix, rule, message }];
  });
}
