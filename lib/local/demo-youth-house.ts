// Demo data for the youth house on `npm start`: a few Jēkabpils novads opportunities and news posts, so the lists
// and feeds show something. Ids are fixed per calendar month: a restart keeps them, a later month adds fresh ones.
import { createHash } from 'node:crypto';
import { rigaDate } from '../domain/clock.js';
import type { NewsRepository } from '../domain/youth-house/feed-ports.js';
import type { YouthHouseRepository } from '../domain/youth-house/ports.js';
import { opportunityInputSchema, type Opportunity, type OpportunityInput } from '../domain/youth-house/types.js';
import { newsInputSchema, type NewsInput } from '../domain/youth-house/news.js';
import { DEMO_INSTITUTION_ID } from './demo-hours.js';

const M = 'LV-042';
const BY = 'demo-coordinator-042';

/** A UUID (version 4 layout) derived from a name, so the same demo item keeps its id. */
function demoId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `days` from `now` at `hour`:`minute` Riga summer/winter time, as an instant with the offset of that day. */
function rigaAt(now: Date, days: number, hour: number, minute = 0): string {
  const day = rigaDate(new Date(now.getTime() + days * 86_400_000));
  for (const offset of ['+03:00', '+02:00']) {
    const at = `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${offset}`;
    if (rigaDate(new Date(at)) === day && new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', hour: '2-digit', hourCycle: 'h23' }).format(new Date(at)) === String(hour).padStart(2, '0')) return at;
  }
  return `${day}T${String(hour).padStart(2, '0')}:00:00+02:00`;
}

function demoOpportunities(now: Date): (OpportunityInput & { slug: string; status: 'published' | 'cancelled' })[] {
  const contact = { name: 'Jēkabpils jauniešu centrs "Mārtiņš"', email: 'jauniesi@example.lv', phone: '+371 65200000' };
  return [
    {
      slug: 'lasisanas-stunda', status: 'published', kind: 'volunteering', institutionId: DEMO_INSTITUTION_ID,
      title: { lv: 'Lasīšanas stunda bērniem Jēkabpils bibliotēkā', en: "Children's reading hour at the Jēkabpils library" },
      description: {
        lv: 'Palīdzi bibliotekāriem sestdienas rītos: lasi priekšā pirmsskolas bērniem, sagatavo zīmēšanas materiālus un sakārto grāmatu plauktus pēc nodarbības.',
        en: 'Help the librarians on Saturday mornings: read aloud to preschool children, prepare drawing materials and tidy the shelves afterwards.',
      },
      topics: ['volunteering', 'culture-creativity', 'education-training'],
      place: { type: 'address', address: 'Brīvības iela 154, Jēkabpils, LV-5201', coordinates: { lat: 56.4986, lon: 25.8782 } },
      ageRange: { min: 13, max: 25 },
      shifts: [
        { start: rigaAt(now, 6, 10), durationMinutes: 120, places: 4 },
        { start: rigaAt(now, 13, 10), durationMinutes: 120, places: 4 },
        { start: rigaAt(now, 20, 10), durationMinutes: 120, places: 4 },
      ],
      creditedMinutesPerShift: 120, signUpDeadline: rigaAt(now, 5, 18), contact,
    },
    {
      slug: 'liela-talka', status: 'published', kind: 'event',
      title: { lv: 'Lielā talka Daugavas krastā', en: 'The big clean-up on the Daugava bank' },
      description: {
        lv: 'Sakopsim Daugavas krastmalu no Krustpils tilta līdz Radžu ūdenskrātuvei. Cimdus, maisus un tēju nodrošinām; līdzi ņem ūdensnecaurlaidīgus apavus.',
        en: 'We clean the Daugava bank from the Krustpils bridge to the Radži reservoir. Gloves, bags and tea provided; bring waterproof shoes.',
      },
      topics: ['environment-climate', 'volunteering'],
      place: { type: 'address', address: 'Daugavas krastmala pie Krustpils tilta, Jēkabpils', coordinates: { lat: 56.5087, lon: 25.8765 } },
      ageRange: { min: 13, max: 25 },
      shifts: [{ start: rigaAt(now, 9, 9), durationMinutes: 180, places: 30 }],
      creditedMinutesPerShift: 180, signUpDeadline: rigaAt(now, 8, 12), contact,
    },
    {
      slug: 'galda-speles', status: 'published', kind: 'youth-centre-activity',
      title: { lv: 'Galda spēļu vakars jauniešu centrā "Mārtiņš"', en: 'Board game evening at the youth centre "Mārtiņš"' },
      description: {
        lv: 'Iepazīsti jaunas galda spēles un palīdzi jaunākajiem apgūt noteikumus. Piemērots arī tiem, kas centrā ir pirmo reizi.',
        en: 'Try new board games and help the younger ones learn the rules. Also for first-timers.',
      },
      topics: ['inclusion', 'participation-democracy'],
      place: { type: 'address', address: 'Rīgas iela 216b, Jēkabpils, LV-5202' },
      ageRange: { min: 13, max: 19 },
      shifts: [{ start: rigaAt(now, 3, 17), durationMinutes: 120, places: 12 }, { start: rigaAt(now, 10, 17), durationMinutes: 120, places: 12 }],
      creditedMinutesPerShift: 0, signUpDeadline: rigaAt(now, 3, 12), contact,
    },
    {
      slug: 'digitala-drosiba', status: 'cancelled', kind: 'training',
      title: { lv: 'Digitālās drošības darbnīca (atcelta)', en: 'Digital safety workshop (cancelled)' },
      description: {
        lv: 'Kā atpazīt krāpniecisku ziņu un droši glabāt paroles. Darbnīca lektora slimības dēļ atcelta; jauno datumu paziņosim jaunumos.',
        en: "How to spot a scam message and keep passwords safe. Cancelled as the trainer is ill; the new date will be in the news.",
      },
      topics: ['digital', 'education-training'],
      place: { type: 'online', url: 'https://meet.example.lv/drosiba' },
      ageRange: { min: 14, max: 25 },
      shifts: [{ start: rigaAt(now, 4, 16), durationMinutes: 90, places: 25 }],
      creditedMinutesPerShift: 0, signUpDeadline: rigaAt(now, 4, 10), contact,
    },
  ];
}

function demoNews(now: Date): (NewsInput & { slug: string })[] {
  const today = rigaDate(now);
  const inDays = (d: number) => rigaDate(new Date(now.getTime() + d * 86_400_000));
  return [
    {
      slug: 'talkas-pieteiksanas', publishOn: today, expiresOn: inDays(10),
      title: { lv: 'Sākta pieteikšanās Lielajai talkai', en: 'Sign-ups for the big clean-up are open' },
      text: {
        lv: 'Jauniešu centrs "Mārtiņš" aicina piedalīties Lielajā talkā Daugavas krastā. Par talkā pavadīto laiku brīvprātīgā darba stundas tiks ierakstītas tavā grāmatiņā.',
        en: 'The youth centre "Mārtiņš" invites you to the big clean-up on the Daugava bank. The hours go into your volunteer logbook.',
      },
    },
    {
      slug: 'apliecinajumi', publishOn: inDays(-2),
      title: { lv: 'Brīvprātīgā darba apliecinājumi — 60 stundas gadā', en: 'Volunteer certificates: 60 hours a year' },
      text: {
        lv: 'Ikviens jaunietis, kurš kalendārajā gadā nostrādājis vismaz 60 apstiprinātas brīvprātīgā darba stundas, saņems apliecinājumu un ielūgumu uz pateicības pasākumu.',
        en: 'Every young person with at least 60 approved volunteer hours in the calendar year receives a certificate and an invitation to the recognition event.',
      },
    },
  ];
}

/** Idempotent: creates only what is missing this month (a persisted local table keeps the user's own changes). */
export async function seedDemoYouthHouse(deps: { youthHouse: YouthHouseRepository; news: NewsRepository }, now = new Date()): Promise<{ opportunities: number; news: number }> {
  const at = now.toISOString();
  const month = at.slice(0, 7);
  let opportunities = 0;
  for (const { slug, status, ...input } of demoOpportunities(now)) {
    const id = demoId(`demo-opportunity:${slug}:${month}`);
    if (await deps.youthHouse.getOpportunity(id)) continue;
    // the API's own validation: demo data is data the API would accept
    const o: Opportunity = { ...opportunityInputSchema.parse(input), id, municipality: M, status: 'draft', registered: input.shifts.map(() => 0), createdAt: at, createdBy: BY, updatedAt: at };
    await deps.youthHouse.createOpportunity(o);
    await deps.youthHouse.setStatus(id, 'draft', 'published', at, []);
    if (status === 'cancelled') await deps.youthHouse.setStatus(id, 'published', 'cancelled', new Date(now.getTime() + 1).toISOString(), []);
    opportunities++;
  }
  let news = 0;
  for (const { slug, ...input } of demoNews(now)) {
    const id = demoId(`demo-news:${slug}:${month}`);
    if (await deps.news.get(id)) continue;
    await deps.news.create({ ...newsInputSchema.parse(input), id, municipality: M, createdAt: at, createdBy: BY, updatedAt: at });
    news++;
  }
  return { opportunities, news };
}
