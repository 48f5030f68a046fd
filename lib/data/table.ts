// The one table: its key schema, indexes and access patterns. CDK and DynamoDB Local both build it from here.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * Generic attribute names (pk/sk, gsiNpk/gsiNsk) so any entity can use any index; every item also carries
 * `entityType`. Index names say which question they answer.
 *
 * Access patterns (one row per question; keys are built only in keys.ts):
 * | question                                             | index        | key                                       |
 * |------------------------------------------------------|--------------|-------------------------------------------|
 * | one municipality by code                             | table        | pk MUNI#<code>, sk PROFILE                |
 * | all municipalities, by code                          | byCollection | gsi1pk MUNICIPALITIES, gsi1sk <code>      |
 * | (reserved) work queues, oldest first                 | byQueue      | gsi2pk <queue>, gsi2sk <iso timestamp>#id |
 * | one application (head: state + working content)      | table        | pk APP#<id>, sk HEAD                      |
 * | the frozen submitted versions of an application      | table        | pk APP#<id>, sk begins_with VERSION#      |
 * | the attachments of an application                   | table        | pk APP#<id>, sk begins_with ATTACH#       |
 * | applications of a municipality, oldest first         | byCollection | gsi1pk APPS#<code>, gsi1sk <created>#<id> |
 * | applications by status + cohort (review queue, grants)| byQueue     | gsi2pk APPQ#<status>#C<cohort>, gsi2sk <status since>#<id> |
 * | a municipality's running total (approved + pending)  | table        | pk MUNI#<code>, sk FUNDING#APPLICATIONS   |
 * | published allocation (ceiling) of one / all munis    | table        | pk ALLOCATION#CURRENT, sk MUNI#<code>     |
 * | (reserved) sparse: who is eligible in a muni + year  | byEligibility| gsi3pk <muni>#<year>, gsi3sk <id>         |
 * | hours: a volunteer's profile                         | table        | pk VOL#<sub>, sk PROFILE                  |
 * | accounts: closed profiles by the end of retention    | byEligibility| gsi3pk ERASURE, gsi3sk <retainedUntil>#<sub> (sparse) |
 * | accounts: every move request of a volunteer          | table        | pk VOL#<sub>, sk MOVELOG#<iso>#<id>       |
 * | a one-off backfill that finished (its marker)        | table        | pk MIGRATION, sk <name>                   |
 * | hours: a volunteer's entries in a date range         | table        | pk VOL#<sub>, sk HOURS#<date>#<id>        |
 * | hours: a volunteer's tally per programme and year    | table        | pk VOL#<sub>, sk TALLY#<muni>#<year>      |
 * | hours: one entry by id (pointer to its key)          | table        | pk ENTRY#<id>, sk POINTER                 |
 * | hours: an entry's audit trail, oldest first          | table        | pk ENTRY#<id>, sk AUDIT#<iso>#<state>     |
 * | hours: a POST already made with an Idempotency-Key   | table        | pk IDEM#<sub>#<key>, sk POST#HOURS        |
 * | hours: all entries of a programme's year, by date    | byCollection | gsi1pk HOURS#<muni>#<year>, gsi1sk <date>#<id> |
 * | hours: pending entries of an institution, oldest 1st | byQueue      | gsi2pk QUEUE#INST#<id>, gsi2sk <iso>#<id> (sparse: pending only) |
 * | hours: who reached the threshold in a muni + year    | byEligibility| gsi3pk ELIG#<muni>#<year>, gsi3sk <sub> (sparse: eligible only) |
 * | hours: a volunteer's guardian consent, its history   | table        | pk VOL#<sub>, sk CONSENT / CONSENTLOG#<iso>#<v> |
 * | hours: a municipality's consents in one status       | byCollection | gsi1pk CONSENTS#<muni>#<status>, gsi1sk <iso>#<sub> |
 * | hours: a guardian's consent link by nonce            | table        | pk LINK#<nonce>, sk CONSENT               |
 * | hours: supervisors subscribed to the daily digest    | table        | pk DIGEST#<muni>, sk begins_with SUB#     |
 * | hours: a supervisor's digest of one day (sent once)  | table        | pk DIGESTSENT#<sub>, sk DAY#<date>        |
 * | hours: one institution                               | table        | pk INST#<id>, sk PROFILE                  |
 * | hours: institutions of a municipality                | byCollection | gsi1pk INSTITUTIONS#<muni>, gsi1sk <id>   |
 * | hours: is a supervisor assigned to an institution    | table        | pk INST#<id>, sk SUPERVISOR#<sub>         |
 * | hours: institutions of a supervisor                  | byCollection | gsi1pk SUPERVISOR#<sub>#INSTITUTIONS, gsi1sk <id> |
 * | hours: a municipality's recognition programme        | table        | pk MUNI#<code>, sk PROGRAMME#HOURS        |
 * | certs: the certificate of a volunteer, muni and year | table        | pk CERT#<muni>#<year>#<sub>, sk CERTIFICATE |
 * | certs: which certificate a code names (unique)       | table        | pk CERTCODE#<code>, sk CODE               |
 * | certs: the code reserved for a volunteer, muni, year | table        | pk CERT#<muni>#<year>#<sub>, sk CODE      |
 * | certs: certificates of a muni and year (roster)      | byCollection | gsi1pk CERTS#<muni>#<year>, gsi1sk <sub>  |
 * | certs: flagged certificates of a muni, oldest first  | byQueue      | gsi2pk CERTFLAG#<muni>, gsi2sk <iso>#<code> (sparse) |
 * | certs: revoked certificates of a muni (revocation list)| byQueue    | gsi2pk CERTREVOKED#<muni>, gsi2sk <iso>#<code> (sparse) |
 * | certs: one run, and its batches with progress markers | table       | pk CRUN#<id>, sk RUN / BATCH#<000000> (batches: TTL 90 days) |
 * | certs: runs of a scope (muni or ALL) and year, newest last | byCollection | gsi1pk CRUNS#<scope>#<year>, gsi1sk <iso>#<id> |
 * | certs: certificates whose email is still pending     | table        | pk CERTMAIL#PENDING, sk <muni>#<year>#<sub> |
 * | certs: issuer keys of a muni, and its active kid     | table        | pk ISSUERKEY#<muni>, sk KEY#<kid> / ACTIVE |
 * | certs: every issuer key (JWKS)                       | byCollection | gsi1pk ISSUERKEYS, gsi1sk <kid>           |
 * | accounts: one staff invitation (and its account)     | table        | pk INVITE#<id>, sk INVITATION             |
 * | accounts: staff of a muni (or AGENCY), oldest first  | byCollection | gsi1pk STAFF#<muni>, gsi1sk <iso>#<id>    |
 * | accounts: who holds an email (one invitation each)   | table        | pk STAFFEMAIL#<email>, sk LOCK            |
 * | accounts: the invitation of an accepted account      | table        | pk USER#<sub>, sk STAFF                   |
 * | youth house: an opportunity's sign-ups, by shift     | byCollection | gsi1pk ROSTER#<opp>, gsi1sk <shift>#<sub> |
 * | youth house: a muni's opportunities, any status      | byEligibility| gsi3pk OPPSALL#<muni>, gsi3sk <first start>#<id> |
 * | news: one post of the youth house                   | table        | pk NEWS#<id>, sk POST                     |
 * | news: posts of a municipality by publication day     | byCollection | gsi1pk NEWSOF#<muni>, gsi1sk <publishOn>#<id> |
 * | feeds: non-draft opportunities by last shift end     | byQueue      | gsi2pk OPPCAL#<muni>, gsi2sk <last end>#<id> (kept when closed / cancelled) |
 * | feeds: a youth's private calendar link (token hash)  | table        | pk VOL#<sub>, sk CALENDARLINK             |
 * | feeds: whose calendar a token (hash) opens           | table        | pk CALTOKEN#<sha256>, sk TOKEN            |
 */
export const KEY = { partition: 'pk', sort: 'sk' } as const;

export const INDEXES = {
  /** Everything of one collection (e.g. all municipalities), in sort-key order. */
  byCollection: { name: 'gsi1', partition: 'gsi1pk', sort: 'gsi1sk' },
  /** Work queues: items waiting for someone, oldest first. */
  byQueue: { name: 'gsi2', partition: 'gsi2pk', sort: 'gsi2sk' },
  /** Sparse: only items that carry gsi3pk appear (e.g. volunteers who reached a threshold). */
  byEligibility: { name: 'gsi3', partition: 'gsi3pk', sort: 'gsi3sk' },
} as const;

export type IndexName = keyof typeof INDEXES;

/** Items with this attribute (epoch seconds) are removed by DynamoDB TTL in AWS (not by DynamoDB Local). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** The CreateTable request for DynamoDB Local, from the same definition the CDK data stack uses. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const attributes = new Set<string>([KEY.partition, KEY.sort]);
  for (const index of Object.values(INDEXES)) {
    attributes.add(index.partition);
    attributes.add(index.sort);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: KEY.partition, KeyType: 'HASH' },
      { AttributeName: KEY.sort, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.values(INDEXES).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partition, KeyType: 'HASH' },
        { AttributeName: index.sort, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
