import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { DEMO_INSTITUTION_ID, seedDemoHours } from '../../../lib/local/demo-hours.js';
import { suiteTable } from '../../support/dynamo.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
beforeAll(async () => { t = await suiteTable('demo-hours'); });
afterAll(async () => t.drop());

describe('seedDemoHours', () => {
  it('creates the demo institution, assignment and youth profile once, keeping later changes on re-runs', async () => {
    const hours = new DynamoHoursRepository(t.doc, t.table);
    await seedDemoHours({ hours }, new Date('2026-03-01T00:00:00Z'));
    await hours.setInstitutionActive(DEMO_INSTITUTION_ID, false);
    await seedDemoHours({ hours }, new Date('2026-04-01T00:00:00Z'));
    expect(await hours.getInstitution(DEMO_INSTITUTION_ID)).toMatchObject({ municipality: 'LV-042', active: false, createdAt: '2026-03-01T00:00:00.000Z' });
    expect(await hours.isAssigned(DEMO_INSTITUTION_ID, 'demo-supervisor-1')).toBe(true);
    expect(await hours.getVolunteer('demo-youth-1')).toMatchObject({ birthDate: '2007-05-04', municipality: 'LV-042', createdAt: '2026-03-01T00:00:00.000Z' });
  });
});
