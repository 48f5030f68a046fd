// What the certificate lists: per institution, the approved minutes and the activities of one Riga calendar year.

/** One approved entry with where and what (the logbook's entry mapped down to these fields). */
export interface ActivityEntry {
  institutionId: string;
  institutionName: string;
  /** What the volunteer did, as the institution wrote it. */
  activity: string;
  /** Signed: reversals come in negative. */
  minutes: number;
  /** YYYY-MM-DD, Europe/Riga. */
  activityDate: string;
}

export interface InstitutionSummary {
  name: string;
  minutes: number;
  /** Distinct activities (trimmed, case-insensitive), the most time-consuming first. */
  activities: string[];
}

const collator = new Intl.Collator('lv');

/**
 * Groups the year's entries by institution. Institutions whose net minutes are not positive (fully
 * reversed) are left out; so are activities whose net minutes are not positive. Ordered by minutes,
 * then by Latvian alphabetical order, so the certificate is the same however the entries were read.
 */
export function summariseInstitutions(entries: readonly ActivityEntry[], year: number): InstitutionSummary[] {
  const prefix = `${year}-`;
  const byInstitution = new Map<string, { name: string; minutes: number; activities: Map<string, { text: string; minutes: number }> }>();
  for (const e of entries) {
    if (!e.activityDate.startsWith(prefix)) continue;
    let inst = byInstitution.get(e.institutionId);
    if (!inst) {
      inst = { name: e.institutionName.trim(), minutes: 0, activities: new Map() };
      byInstitution.set(e.institutionId, inst);
    }
    inst.minutes += e.minutes;
    const text = e.activity.trim().replace(/\s+/g, ' ');
    if (text === '') continue;
    const key = text.toLocaleLowerCase('lv');
    const act = inst.activities.get(key) ?? { text, minutes: 0 };
    act.minutes += e.minutes;
    inst.activities.set(key, act);
  }
  return [...byInstitution.values()]
    .filter((i) => i.minutes > 0)
    .sort((a, b) => b.minutes - a.minutes || collator.compare(a.name, b.name))
    .map((i) => ({
      name: i.name,
      minutes: i.minutes,
      activities: [...i.activities.values()]
        .filter((a) => a.minutes > 0)
        .sort((a, b) => b.minutes - a.minutes || collator.compare(a.text, b.text))
        .map((a) => a.text),
    }));
}
