import { describe, expect, it } from 'vitest';
import { summariseInstitutions, type ActivityEntry } from '../../../lib/domain/certificates/summary.js';

const anActivity = (over: Partial<ActivityEntry> = {}): ActivityEntry => ({
  institutionId: 'inst-1',
  institutionName: 'Jēkabpils Jauniešu centrs',
  activity: 'pasākumu organizēšana',
  minutes: 120,
  activityDate: '2025-05-05',
  ...over,
});

describe('the institutions and activities on a certificate', () => {
  it('adds up minutes per institution and lists distinct activities, most time first', () => {
    const summary = summariseInstitutions(
      [
        anActivity({ minutes: 60 }),
        anActivity({ activity: 'sporta sacensību tiesāšana', minutes: 180 }),
        anActivity({ activity: '  Pasākumu   organizēšana ', minutes: 30 }),
        anActivity({ institutionId: 'inst-2', institutionName: 'Biedrība „Zaļā Daugava”', activity: 'krastu sakopšanas talka', minutes: 600 }),
      ],
      2025,
    );
    expect(summary).toEqual([
      { name: 'Biedrība „Zaļā Daugava”', minutes: 600, activities: ['krastu sakopšanas talka'] },
      { name: 'Jēkabpils Jauniešu centrs', minutes: 270, activities: ['sporta sacensību tiesāšana', 'pasākumu organizēšana'] },
    ]);
  });

  it('counts only entries dated in the year', () => {
    const summary = summariseInstitutions(
      [anActivity({ activityDate: '2024-12-31' }), anActivity({ activityDate: '2025-12-31', minutes: 45 }), anActivity({ activityDate: '2026-01-01' })],
      2025,
    );
    expect(summary).toEqual([{ name: 'Jēkabpils Jauniešu centrs', minutes: 45, activities: ['pasākumu organizēšana'] }]);
  });

  it('leaves out fully reversed institutions and activities', () => {
    const summary = summariseInstitutions(
      [
        anActivity({ minutes: 120 }),
        anActivity({ activity: 'grāmatu šķirošana', minutes: 60 }),
        anActivity({ activity: 'grāmatu šķirošana', minutes: -60 }),
        anActivity({ institutionId: 'inst-2', institutionName: 'Bibliotēka', minutes: 90 }),
        anActivity({ institutionId: 'inst-2', institutionName: 'Bibliotēka', minutes: -90 }),
      ],
      2025,
    );
    expect(summary).toEqual([{ name: 'Jēkabpils Jauniešu centrs', minutes: 120, activities: ['pasākumu organizēšana'] }]);
  });

  it('orders equal totals alphabetically the Latvian way (Č after C, Š after S)', () => {
    const names = ['Šķēdes skola', 'Saulkrastu centrs', 'Čiekuru biedrība', 'Cēsu klubs'];
    const summary = summariseInstitutions(names.map((n, i) => anActivity({ institutionId: `i${i}`, institutionName: n })), 2025);
    expect(summary.map((s) => s.name)).toEqual(['Cēsu klubs', 'Čiekuru biedrība', 'Saulkrastu centrs', 'Šķēdes skola']);
  });

  it('is the same whatever order the entries come in', () => {
    const entries = [
      anActivity({ minutes: 60 }),
      anActivity({ institutionId: 'inst-2', institutionName: 'Bibliotēka', activity: 'lasīšana', minutes: 60 }),
      anActivity({ activity: 'talka', minutes: 60 }),
    ];
    expect(summariseInstitutions([...entries].reverse(), 2025)).toEqual(summariseInstitutions(entries, 2025));
  });
});
