import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderHoursStatement } from '../../../lib/pdf/hours-statement.js';

const text = async (pdf: Uint8Array) => {
  const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return pages;
};

describe('the hours statement PDF', () => {
  it('renders Latvian text with every diacritic intact and only the approved total', async () => {
    const pdf = await renderHoursStatement({
      volunteerName: 'Ģirts Ķēniņš-Šņore', municipalityName: 'Jēkabpils novads', year: 2026,
      period: { from: '2026-02-01', to: '2026-05-01' },
      institutions: [{ name: 'Līvānu bērnu un jauniešu centrs', approvedMinutes: 3615 }],
      activities: ['Žūrija, ēdināšana un čūsku izstāde — āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ'],
      approvedMinutes: 3615, thresholdMinutes: 3600, issuedOn: '2026-11-23',
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const t = await text(pdf);
    for (const s of ['Izziņa par veikto brīvprātīgo darbu', 'Ģirts Ķēniņš-Šņore', 'Jēkabpils novads', '60:15', 'āčēģīķļņšūž', 'ĀČĒĢĪĶĻŅŠŪŽ', 'Līvānu bērnu un jauniešu centrs']) {
      expect(t).toContain(s);
    }
    expect(pdf.length).toBeLessThan(120_000);
  });

  it('says the izziņa (feminine) was issued: "Izsniegta", not "Izsniegts"', async () => {
    const t = await text(await renderHoursStatement({ volunteerName: 'Anna', municipalityName: 'Rīga', year: 2026, period: null, institutions: [], activities: [], approvedMinutes: 0, thresholdMinutes: 7200, issuedOn: '2026-11-23' }));
    expect(t).toContain('Izsniegta 2026-11-23.');
    expect(t).not.toContain('Izsniegts');
  });

  it('says when there are no approved hours and breaks long lists onto further pages', async () => {
    const empty = await text(await renderHoursStatement({ volunteerName: 'Anna', municipalityName: 'Rīga', year: 2026, period: null, institutions: [], activities: [], approvedMinutes: 0, thresholdMinutes: 7200, issuedOn: '2026-11-23' }));
    expect(empty).toContain('apstiprinātu stundu nav');
    const long = await renderHoursStatement({ volunteerName: 'Anna', municipalityName: 'Rīga', year: 2026, period: null, institutions: [], activities: Array.from({ length: 120 }, (_, i) => `Darbs nr. ${i + 1}`), approvedMinutes: 0, thresholdMinutes: 7200, issuedOn: '2026-11-23' });
    const doc = await getDocumentProxy(new Uint8Array(long));
    expect(doc.numPages).toBeGreaterThan(1);
    expect(await text(long)).toContain('Darbs nr. 120');
  });
});
