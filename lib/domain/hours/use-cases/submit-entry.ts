// A youth logs hours: rules checked, then entry + tally (pending minutes) + audit (+ idempotency key) in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import { rigaDate } from '../../clock.js';
import { RuleViolation } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { entryEvent } from '../events.js';
import { IdempotencyKeyTaken, RetryableConflict } from '../ports.js';
import { checkEntry, isoWeek, nextTally } from '../rules.js';
import type { EntryInput, EntrySource, HourEntry } from '../types.js';
import { assertNotClosed, programmeOf, retrying, type HoursDeps } from './deps.js';

export interface SubmitResult {
  entry: HourEntry;
  /** True when an earlier request with the same Idempotency-Key made the entry; nothing new was written. */
  replayed: boolean;
}

const hashOf = (input: EntryInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

/**
 * The id of the entry a keyed request creates: derived from the volunteer and the Idempotency-Key (a UUID v8
 * over SHA-256), so every retry targets the same entry. A retry that sees this entry in its week knows the
 * first copy committed (whatever the key record's visibility), and a second copy cannot be written.
 */
export function entryIdFor(volunteerId: string, idempotencyKey: string): string {
  const h = createHash('sha256').update(`hour-entry\0${volunteerId}\0${idempotencyKey}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * 1. a known Idempotency-Key replays its first result (same body) or is refused (different body)
 * 2. load the volunteer, the institution and both programmes
 * 3. read the tally and the volunteer's entries of that ISO week; if the keyed entry is among them, the first
 *    copy committed: replay it instead of checking it against itself; otherwise check every rule
 * 4. write entry + pointer + tally + audit + HoursSubmitted (outbox) (+ key) in one transaction conditioned on the tally's version and on
 *    the key being new; a race re-runs 1 and 3–4 (caps hold under concurrent submissions of the same year), and
 *    losing to the key replays it: a retry answers the first result however the retries interleave
 */
export async function submitEntry(deps: HoursDeps, user: User, input: EntryInput, idempotencyKey?: string): Promise<SubmitResult> {
  return recordEntry(deps, { volunteerId: user.sub, by: user.sub }, input, idempotencyKey);
}

/** Who an entry is for, who records it, and (for attendance) the shift it comes from. */
export interface EntryAuthor {
  volunteerId: string;
  /** The user recorded in the audit and the event: the youth, or whoever marked their attendance. */
  by: string;
  source?: EntrySource;
}

/**
 * The one way an hour entry comes into being, whoever records it: the youth's own submission (`submitEntry`) and a
 * youth-house shift's attendance (marked by the supervisor or coordinator, or the youth's check-in) pass the same
 * rules, tally, audit and HoursSubmitted. The caller decides who may record for `volunteerId`.
 */
export async function recordEntry(deps: HoursDeps, author: EntryAuthor, input: EntryInput, idempotencyKey?: string): Promise<SubmitResult> {
  const requestHash = hashOf(input);
  const replay = async (): Promise<SubmitResult | undefined> => {
    if (!idempotencyKey) return undefined;
    const record = await deps.hours.getIdempotency(author.volunteerId, idempotencyKey);
    if (!record) return undefined;
    if (record.requestHash !== requestHash) {
      throw new RuleViolation('hours.idempotency-key-reused', {
        lv: 'Šī Idempotency-Key vērtība jau izmantota citam pieprasījumam',
        en: 'This Idempotency-Key was already used for a different request',
      }, 'header.idempotency-key');
    }
    return { entry: record.result, replayed: true };
  };
  const [earlier, volunteer, institution] = await Promise.all([
    replay(), deps.hours.getVolunteer(author.volunteerId), deps.hours.getInstitution(input.institutionId),
  ]);
  if (earlier) return earlier;
  if (!volunteer) {
    throw new RuleViolation('hours.profile-missing', { lv: 'Vispirms izveidojiet brīvprātīgā profilu', en: 'Create your volunteer profile first' });
  }
  assertNotClosed(volunteer);
  if (!institution) {
    throw new RuleViolation('hours.institution-unknown', { lv: 'Šāda iestāde nav reģistrēta', en: 'No such institution is registered' }, 'body.institutionId');
  }
  const [institutionMunicipality, programme, otherProgramme] = await Promise.all([
    deps.municipalities.get(institution.municipality),
    programmeOf(deps, volunteer.municipality),
    institution.municipality === volunteer.municipality ? undefined : programmeOf(deps, institution.municipality),
  ]);
  const institutionProgramme = otherProgramme ?? programme;

  const keyedId = idempotencyKey ? entryIdFor(volunteer.id, idempotencyKey) : undefined;
  /** The keyed entry (or key) is known to be committed: its record is, or is about to be, readable; until then, retry. */
  const replayCommitted = async (): Promise<SubmitResult> => {
    const first = await replay();
    if (!first) throw new RetryableConflict(`idempotency key ${idempotencyKey} taken, its record not yet readable`);
    return first;
  };

  let attempt = 0;
  return retrying(async () => {
    // A retry may follow a concurrent request with the same key: replay it rather than count it against the caps.
    if (attempt++ > 0) {
      const raced = await replay();
      if (raced) return raced;
    }
    const now = deps.clock.now();
    // The tally is read BEFORE the week's entries: any entry committed after this read bumps the tally's version,
    // so our conditional write fails and the caps are checked again — concurrent submissions cannot both pass a cap.
    const tally = await deps.hours.getTally(volunteer.id, volunteer.municipality, Number(input.date.slice(0, 4)));
    const week = isoWeek(input.date);
    const sameWeek = await deps.hours.entriesBetween(volunteer.id, week.from, week.to);
    if (keyedId && sameWeek.some((e) => e.id === keyedId)) return replayCommitted();
    const violation = checkEntry(input, { volunteer, institution, institutionMunicipality, programme, institutionProgramme, sameWeek, today: rigaDate(now) });
    if (violation) throw violation;

    const at = now.toISOString();
    const entry: HourEntry = {
      ...input, id: keyedId ?? randomUUID(), volunteerId: volunteer.id, volunteerName: volunteer.name, programme: volunteer.municipality,
      institutionMunicipality: institution.municipality, institutionName: institution.name, state: 'pending', approvedMinutes: 0,
      decidedBy: null, decidedAt: null, comment: null, version: 1, createdAt: at, ...(author.source ? { source: author.source } : {}),
    };
    const next = nextTally(tally, { pending: input.minutes, approved: 0 }, programme, at);
    try {
      await deps.hours.createEntry(entry, next.tally, { entryId: entry.id, at, by: author.by, from: null, to: 'pending', reason: null },
        [entryEvent(entry, author.by, at)], idempotencyKey ? { key: idempotencyKey, requestHash } : undefined);
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken) return replayCommitted();
      throw error;
    }
    return { entry, replayed: false };
  });
}
