// Who may sign in: the Cognito user pool (one group per role, municipality and institution as attributes) and the app client.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolEmail,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../../lib/domain/identity/types.js';

/** The claims lib/http/identity.ts reads: `custom:municipality`, `custom:institution`. */
export const CUSTOM_ATTRIBUTES = ['municipality', 'institution'] as const;

const GROUP_DESCRIPTIONS: Record<Role, string> = {
  youth: 'Young volunteers (13-25) who log their hours',
  supervisor: 'Host-institution staff who approve hours',
  coordinator: "The municipality's youth affairs specialists (jaunatnes lietu speciālisti)",
  agency: 'The national youth agency, acting for every municipality',
};

export interface IdentityProps {
  /** Verified SES identity for invitation mails; unset, Cognito's own mailer. */
  readonly senderEmail?: string;
  /** Plus feature plan with threat protection enforced. */
  readonly threatProtection: boolean;
}

/**
 * Invariants: nobody signs themselves up (coordinators and the agency create accounts and put them in a group);
 * a user can never change their own municipality, institution or group — only admins can, so the claims the
 * API trusts are the platform's, not the user's. Clients send the ID token: it carries `cognito:groups` and the
 * custom attributes, and its audience is the client id the JWT authorizer checks.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        municipality: new StringAttribute({ mutable: true, maxLen: 16 }),
        institution: new StringAttribute({ mutable: true, maxLen: 128 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        // No passwordHistorySize: password history needs the Essentials plan (USD 0.015 per active user over
        // 10,000 against Lite's 0.0055); NIST SP 800-63B does not ask for it. Plus (threatProtection) keeps it.
        ...(props.threatProtection ? { passwordHistorySize: 5 } : {}),
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'Jaunatnes darba platforma: jūsu konts / your account',
        emailBody:
          'Jums ir izveidots konts. Lietotājvārds: {username}, pagaidu parole: {####}<br>' +
          'An account has been created for you. Username: {username}, temporary password: {####}',
      },
      email: props.senderEmail
        ? UserPoolEmail.withSES({ fromEmail: props.senderEmail, sesRegion: Stack.of(this).region })
        : UserPoolEmail.withCognito(),
      featurePlan: props.threatProtection ? FeaturePlan.PLUS : FeaturePlan.LITE,
      ...(props.threatProtection ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: GROUP_DESCRIPTIONS[role] });
    }

    this.client = this.userPool.addClient('AppClient', {
      userPoolClientName: 'app',
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    const cfnUserPool = this.userPool.node.defaultChild!;
    Validations.of(cfnUserPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'MFA is optional (TOTP): accounts include 13-year-old volunteers without authenticator apps; admins create every account and passwords are 12+ characters.',
    });
    if (!props.threatProtection) {
      Validations.of(cfnUserPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason: 'Lite plan by default (TOTP MFA, triggers and ID-token claims are all in Lite; Plus is billed per active user); the threatProtection context value switches to Plus with threat protection enforced.',
      });
    }
  }
}
