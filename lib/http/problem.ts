// RFC 9457 problem details: the one shape every error response has.
import * as z from 'zod';

export const problemSchema = z.object({
  type: z.string().describe('URI reference identifying the problem type'),
  title: z.string().describe('Short, human-readable summary (Latvian by default, English with Accept-Language: en)'),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  rule: z.string().optional().describe('Stable id of the rule broken (422; 403 when the identity lacks what its role needs)'),
  errors: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })).optional()
    .describe('Every failing field with the rule it broke (400, 422)'),
  correlationId: z.string().optional(),
});

export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
