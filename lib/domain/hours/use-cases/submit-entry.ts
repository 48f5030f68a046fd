// A youth logs hours: rules checked, then entry + tally (pending minutes) + audit (+ idempotency key) in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import { rigaDate } from '../../clock.js';
import { RuleViolation } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { entryEvent } from '../events.js';
import { IdempotencyKeyTaken } from '../ports.js';
import { checkEntry, isoWeek, nextTally } from '../rules.js';
import type { EntryInput, HourEntry } from '../types.js';
import { programmeOf, publishAfterCommit, retrying, type HoursDeps } from './deps.js';

export interface SubmitResult {
  entry: HourEntry;
  /** True when an earlier request with the same Idempotency-Key made the entry; nothing new was written. */
  replayed: boolean;
}

const hashOf = (input: EntryInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

/**
 * 1. a known Idempotency-Key replays its first result (same body) or is refused (different body)
 * 2. load the volunteer, the institution and both programmes
 * 3. read the tally, then check every rule against the volunteer's entries of that ISO week
 * 4. write entry + pointer + tally + audit (+ key) in one transaction conditioned on the tally's version;
 *    a race re-runs 3–4, so caps hold under concurrent submissions of the same year
 * 5. emit HoursSubmitted
 */
export async function submitEntry(deps: HoursDeps, user: User, input: EntryInput, idempotencyKey?: string): Promise<SubmitResult> {
  const requestHash = hashOf(input);
  const replay = async (): Promise<SubmitResult | undefined> => {
    if (!idempotencyKey) return undefined;
    const record = await deps.hours.getIdempotency(user.sub, idempotencyKey);
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
    replay(), deps.hours.getVolunteer(user.sub), deps.hours.getInstitution(input.institutionId),
  ]);
  if (earlier) return earlier;
  if (!volunteer) {
    throw new RuleViolation('hours.profile-missing', { lv: 'Vispirms izveidojiet brīvprātīgā profilu', en: 'Create your volunteer profile first' });
  }
  if (!institution) {
    throw new RuleViolation('hours.institution-unknown', { lv: 'Šāda iestāde nav reģistrēta', en: 'No such institution is registered' }, 'body.institutionId');
  }
  const [institutionMunicipality, programme, otherProgramme] = await Promise.all([
    deps.municipalities.get(institution.municipality),
    programmeOf(deps, volunteer.municipality),
    institution.municipality === volunteer.municipality ? undefined : programmeOf(deps, institution.municipality),
  ]);
  const institutionProgramme = otherProgramme ?? programme;

  let attempt = 0;
  try {
    return await retrying(async () => {
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
      const violation = checkEntry(input, { volunteer, institution, institutionMunicipality, programme, institutionProgramme, sameWeek, today: rigaDate(now) });
      if (violation) throw violation;

      const at = now.toISOString();
      const entry: HourEntry = {
        ...input, id: randomUUID(), volunteerId: volunteer.id, volunteerName: volunteer.name, programme: volunteer.municipality,
        institutionMunicipality: institution.municipality, institutionName: institution.name, state: 'pending', approvedMinutes: 0,
        decidedBy: null, decidedAt: null, comment: null, version: 1, createdAt: at,
      };
      const next = nextTally(tally, { pending: input.minutes, approved: 0 }, programme, at);
      await deps.hours.createEntry(entry, next.tally, { entryId: entry.id, at, by: user.sub, from: null, to: 'pending', reason: null },
        idempotencyKey ? { key: idempotencyKey, requestHash } : undefined);
      await publishAfterCommit(deps, [entryEvent(entry, user.sub, at)]);
      return { entry, replayed: false };
    });
  } catch (error) {
    if (error instanceof IdempotencyKeyTaken) {
      const first = await replay();
      if (first) return first;
    }
    throw error;
  }
}
