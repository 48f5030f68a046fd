// Who may sign in: the Cognito user pool (one group per role, municipality and institution as attributes) and the app client.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolEmail,
  UserPoolOperation,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../../lib/domain/identity/types.js';
import { AppFunction } from './app-function.js';
import { PASSWORD_POLICY } from '../../lib/domain/accounts/password-policy.js';

/** The Cognito triggers' entries (plain functions, not routes: Cognito invokes them). */
export const PRE_SIGN_UP_ENTRY = 'functions/cognito/pre-sign-up.ts';
export const POST_CONFIRMATION_ENTRY = 'functions/cognito/post-confirmation.ts';
export const PRE_TOKEN_GENERATION_ENTRY = 'functions/cognito/pre-token-generation.ts';
export const POST_AUTHENTICATION_ENTRY = 'functions/cognito/post-authentication.ts';
/** Exactly what the post-confirmation trigger does on this pool. */
export const POST_CONFIRMATION_ACTIONS = ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminUpdateUserAttributes'] as const;

/** The pre-token-generation trigger only reads a user's MFA settings. */
export const PRE_TOKEN_GENERATION_ACTIONS = ['cognito-idp:AdminGetUser'] as const;

/** The claims lib/http/identity.ts reads: `custom:municipality`, `custom:institution`. */
export const CUSTOM_ATTRIBUTES = ['municipality', 'institution'] as const;
/** Written by the registrant, trusted by nobody: the post-confirmation trigger validates it and copies it. */
export const REGISTRATION_ATTRIBUTES = ['home_municipality'] as const;

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
  /** The table the triggers read the programme from and write the volunteer profile to. */
  readonly table: ITableV2;
  readonly tracing?: boolean;
}

/**
 * Invariants: only young people sign themselves up, and only through the pre-sign-up trigger (known municipality,
 * programme age); the post-confirmation trigger alone puts them in `youth` and copies the requested municipality
 * (`custom:home_municipality`, the one custom attribute the app client writes) into the trusted
 * `custom:municipality`. A user can never change their own municipality, institution or group — only admins
 * can, so the claims the API trusts are the platform's, not the user's. Clients send the ID token: it carries `cognito:groups` and the
 * custom attributes, and its audience is the client id the JWT authorizer checks.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /**
   * The pages' client: the check-in page signs a young person in on the server with USER_PASSWORD_AUTH (the page has
   * no scripts for SRP). Its tokens never reach the API: the JWT authorizer's audience is the app client alone.
   */
  readonly pagesClient: UserPoolClient;
  readonly preSignUp: AppFunction;
  readonly postConfirmation: AppFunction;
  readonly preTokenGeneration: AppFunction;
  readonly postAuthentication: AppFunction;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    // Beside the pool, not in a context stack: the pool names them, and a context stack already depends on this one.
    this.preSignUp = new AppFunction(this, 'PreSignUp', {
      entry: PRE_SIGN_UP_ENTRY, description: 'Cognito pre-sign-up: municipality valid today, age within the programme', tracing: props.tracing,
    }).bindTable({ table: props.table, access: 'read' });
    this.postConfirmation = new AppFunction(this, 'PostConfirmation', {
      entry: POST_CONFIRMATION_ENTRY, description: 'Cognito post-confirmation: volunteer profile, custom:municipality, youth group', tracing: props.tracing,
    }).bindTable({ table: props.table, access: 'readWrite' });
    // No table: it reads the user's MFA settings from the pool, nothing else.
    this.preTokenGeneration = new AppFunction(this, 'PreTokenGeneration', {
      entry: PRE_TOKEN_GENERATION_ENTRY, description: 'Cognito pre-token generation (V1, ID token): mfa_enabled for coordinators and agency staff', tracing: props.tracing,
    });

    // No Cognito actions: it writes a staff account's last sign-in to the table (the event carries the sub).
    this.postAuthentication = new AppFunction(this, 'PostAuthentication', {
      entry: POST_AUTHENTICATION_ENTRY, description: "Cognito post-authentication: a staff account's last sign-in", tracing: props.tracing,
    }).bindTable({ table: props.table, access: 'readWrite' });

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      lambdaTriggers: { preSignUp: this.preSignUp, postConfirmation: this.postConfirmation, postAuthentication: this.postAuthentication },
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
        home_municipality: new StringAttribute({ mutable: true, maxLen: 16 }),
      },
      passwordPolicy: {
        minLength: PASSWORD_POLICY.minLength,
        requireLowercase: PASSWORD_POLICY.lowercase,
        requireUppercase: PASSWORD_POLICY.uppercase,
        requireDigits: PASSWORD_POLICY.digits,
        requireSymbols: PASSWORD_POLICY.symbols,
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

    // V1 event: it customises the ID token, the token the HTTP API's JWT authorizer accepts, and is in the Lite plan
    // (access-token customisation, V2/V3, needs Essentials or Plus).
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.preTokenGeneration, LambdaVersion.V1_0);

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
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, birthdate: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES, ...REGISTRATION_ATTRIBUTES),
      // What a registrant types (email, name, birth date, requested municipality); never the trusted custom attributes.
      writeAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true, birthdate: true })
        .withCustomAttributes(...REGISTRATION_ATTRIBUTES),
    });

    this.pagesClient = this.userPool.addClient('PagesClient', {
      userPoolClientName: 'pages',
      generateSecret: false,
      authFlows: { userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(5),
      accessTokenValidity: Duration.minutes(5),
      refreshTokenValidity: Duration.hours(1),
      // the ID token carries what userFromClaims reads (role, municipality, institution). The write set must not be
      // empty: Cognito takes an empty list as unset, and unset means every attribute is writable, the trusted custom
      // ones included; the name alone is what a person may change through the app client anyway.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // A separate policy, not the role's default one: the pool depends on the function, and this on the pool.
    const admin = new Policy(this, 'PostConfirmationAdmin', {
      statements: [new PolicyStatement({ actions: [...POST_CONFIRMATION_ACTIONS], resources: [this.userPool.userPoolArn] })],
    });
    admin.attachToRole(this.postConfirmation.role!);
    const mfaReader = new Policy(this, 'PreTokenGenerationRead', {
      statements: [new PolicyStatement({ actions: [...PRE_TOKEN_GENERATION_ACTIONS], resources: [this.userPool.userPoolArn] })],
    });
    mfaReader.attachToRole(this.preTokenGeneration.role!);

    const cfnUserPool = this.userPool.node.defaultChild!;
    Validations.of(cfnUserPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'MFA is optional in the pool (TOTP) because young volunteers (from 13) sign up without authenticator apps; coordinators and agency staff must have TOTP on: the pre-token-generation trigger puts mfa_enabled in their ID token and the API refuses staff without it (403 identity.mfa-required).',
    });
    if (!props.threatProtection) {
      Validations.of(cfnUserPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason: 'Lite plan by default (TOTP MFA, triggers and ID-token claims are all in Lite; Plus is billed per active user); the threatProtection context value switches to Plus with threat protection enforced.',
      });
    }
  }
}
