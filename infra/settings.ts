// The deployment's settings: CDK context (cdk.json or `cdk synth -c key=value`) parsed with zod, once per app.
import { Aws, type App } from 'aws-cdk-lib';
import * as z from 'zod';

/** `-c flag=true` arrives as a string, cdk.json gives a boolean; both mean the same. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** An origin is scheme + host (+ port): no path, no trailing slash, no wildcard. */
const origin = z.url({ protocol: /^https?$/ }).refine((value) => URL.canParse(value) && new URL(value).origin === value, {
  message: 'an origin is scheme://host[:port] without path or trailing slash',
});

/** A JSON array in cdk.json, or a comma-separated list on the command line. */
const origins = z
  .union([z.array(z.string()), z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(origin));

const settingsSchema = z.object({
  /** Suffix for a second copy of the platform in one account (e.g. `dev`); unset for the main deployment. */
  stage: z.string().regex(/^[a-z][a-z0-9]{0,11}$/, 'lower-case letters and digits, starting with a letter').optional(),
  /** Pins the stacks to an account/region; unset, the stacks are environment-agnostic (synth needs no credentials). */
  account: z.string().regex(/^\d{12}$/).optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).optional(),
  /** Browser origins allowed by CORS (the web app); empty means no CORS headers at all. */
  allowedOrigins: origins.default([]),
  /** A verified SES identity (email address) Cognito sends invitations from; unset, Cognito's own mailer (50 mails a day). */
  sesSenderIdentity: z.email().optional(),
  /**
   * The API's public base URL (a custom domain in front of the HTTP API). It is signed into every certificate
   * credential and QR code, so it must be set before real certificates are issued and never change. Unset,
   * the API Gateway endpoint is used.
   */
  publicBaseUrl: z.url({ protocol: /^https$/ }).refine((v) => !v.endsWith('/'), 'no trailing slash').optional(),
  /** Where alarms are emailed (an SNS email subscription, confirmed by the recipient); unset, the topic has no subscriber. */
  alarmEmail: z.email().optional(),
  /** X-Ray active tracing on every function. */
  tracing: flag.default(false),
  /** Cognito Plus feature plan with threat protection (compromised credentials, adaptive auth); billed per active user. */
  threatProtection: flag.default(false),
});

export type Settings = z.infer<typeof settingsSchema>;
const SETTING_KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/** Reads and validates the settings; an invalid value fails the synth with every problem listed. */
export function readSettings(app: App): Settings {
  const raw = Object.fromEntries(SETTING_KEYS.map((key) => [key, app.node.tryGetContext(key)]).filter(([, v]) => v !== undefined));
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(context)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid CDK context: ${problems}`);
  }
  return parsed.data;
}

/**
 * `Jaunatne-Data`, or `Jaunatne-dev-Data` for a named stage; also the construct id, so `cdk deploy Jaunatne-Api` works.
 * Roles: Data, Api, Jobs, Stage and one per bounded context (Platform, Hours, …; see infra/build-app.ts).
 */
export function stackName(settings: Settings, role: string): string {
  return settings.stage ? `Jaunatne-${settings.stage}-${role}` : `Jaunatne-${role}`;
}

/**
 * The attachments bucket's name, known to both stacks without a cross-stack reference: bucket names are global,
 * so account and region are part of it. The API stack's grants (and their cdk-nag acknowledgement) name it.
 */
export function filesBucketName(settings: Settings): string {
  return `jaunatne${settings.stage ? `-${settings.stage}` : ''}-files-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}
