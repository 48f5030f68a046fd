import { describe, expect, it } from 'vitest';
import { csvField, hoursText, municipalityReportCsv, statementContent, volunteerYearCsv } from '../../../../lib/domain/hours/exports.js';
import { aProgramme, aVolunteer, anHourEntry } from '../../../support/hours-builders.js';

describe('CSV exports', () => {
  it.each([
    ['plain', 'plain'],
    ['Jēkabpils, "Ķīpsala"', '"Jēkabpils, ""Ķīpsala"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-5', "'-5"],
    ['line\nbreak', '"line\nbreak"'],
    [null, ''],
    [90, '90'],
  ])('quotes %j as %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes a volunteer year with a BOM, a Latvian header, CRLF lines and states in Latvian', () => {
    const csv = volunteerYearCsv([anHourEntry({ state: 'approved', approvedMinutes: 45, comment: 'Sāka vēlāk' }), anHourEntry({ id: 'e-2', date: '2026-03-11' })]);
    expect(csv.startsWith('\uFEFFdatums,iestāde,darbība,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('2026-03-10,Jēkabpils bibliotēka,Grāmatu šķirošana,culture,,60,45,apstiprināts,Sāka vēlāk');
    expect(lines[2]).toContain('gaida apstiprinājumu');
    expect(lines).toHaveLength(4);
  });

  it('writes the municipality report: institutions, volunteers, months and a total row', () => {
    const csv = municipalityReportCsv({
      municipality: 'LV-042', year: 2026, thresholdMinutes: 3600,
      totals: { approvedMinutes: 90, pendingMinutes: 30, volunteers: 1, eligibleVolunteers: 0 },
      byInstitution: [{ institutionId: 'i-1', name: 'Bibliotēka', approvedMinutes: 90, pendingMinutes: 30 }],
      byVolunteer: [{ volunteerId: 'y-1', name: 'Ģirts', approvedMinutes: 90, pendingMinutes: 30, eligible: false }],
      byMonth: [{ month: '2026-03', approvedMinutes: 90, pendingMinutes: 30 }],
    });
    expect(csv.slice(1).trim().split('\r\n').slice(1)).toEqual([
      'iestāde,i-1,Bibliotēka,90,30,1:30',
      'brīvprātīgais,y-1,Ģirts,90,30,1:30',
      'mēnesis,2026-03,2026-03,90,30,1:30',
      'kopā,LV-042,2026,90,30,1:30',
    ]);
  });

  it.each([[0, '0:00'], [45, '0:45'], [3600, '60:00'], [75, '1:15']])('formats %i minutes as %s', (m, text) => {
    expect(hoursText(m)).toBe(text);
  });
});

describe('statementContent', () => {
  it('counts only approved hours, per institution, with the period of approved work', () => {
    const content = statementContent(aVolunteer(), 'Jēkabpils novads', 2026, [
      anHourEntry({ date: '2026-02-01', state: 'approved', approvedMinutes: 60, institutionName: 'Muzejs', activity: 'Gide' }),
      anHourEntry({ date: '2026-05-01', state: 'approved', approvedMinutes: 45 }),
      anHourEntry({ date: '2026-06-01', state: 'rejected' }),
      anHourEntry({ date: '2026-07-01', state: 'pending' }),
    ], aProgramme(), '2026-11-23');
    expect(content).toMatchObject({
      approvedMinutes: 105, period: { from: '2026-02-01', to: '2026-05-01' },
      institutions: [{ name: 'Jēkabpils bibliotēka', approvedMinutes: 45 }, { name: 'Muzejs', approvedMinutes: 60 }],
      activities: ['Gide', 'Grāmatu šķirošana'],
    });
  });
});
