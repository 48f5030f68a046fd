// A youth's year as a statement: approved hours, institutions, activities — the content the PDF renders.
import { rigaDate } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { statementContent, type StatementContent } from '../exports.js';
import { programmeOf, type HoursDeps } from './deps.js';

/** 1. load the profile  2. the year's entries and the programme  3. only approved hours go on the statement */
export async function myYearStatement(deps: Pick<HoursDeps, 'hours' | 'municipalities' | 'clock'>, user: User, year: number): Promise<StatementContent> {
  const volunteer = await deps.hours.getVolunteer(user.sub);
  if (!volunteer) throw new NotFoundError('volunteer profile', user.sub);
  const [entries, programme, municipality] = await Promise.all([
    deps.hours.entriesBetween(user.sub, `${year}-01-01`, `${year}-12-31`),
    programmeOf(deps, volunteer.municipality),
    deps.municipalities.get(volunteer.municipality),
  ]);
  return statementContent(volunteer, municipality?.name ?? volunteer.municipality, year, entries, programme, rigaDate(deps.clock.now()));
}
