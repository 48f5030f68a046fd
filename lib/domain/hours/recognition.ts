// The recognition rule, in one place: approved minutes against the programme's threshold and tiers. The logbook's
// progress and tallies, the certificate runs' eligibility and the certificate itself all apply it from here; its
// default is the programme's (programmeInputSchema: 60 h, no tiers), and checkProgramme keeps new tiers consistent.
import type { Bilingual } from '../errors.js';
import type { Programme } from './types.js';

/** A level of recognition as the rule applies it (Līvāni: bronza ≥ 50 h, sudrabs ≥ 100 h, zelts ≥ 150 h). */
export interface RecognitionTier {
  /** Stable within the programme, from the name: the credential's achievement id carries it. */
  id: string;
  name: Bilingual;
  /** The effective minimum: at or above the threshold. */
  minMinutes: number;
}

/** The programme's threshold and tiers: ascending, each at or above the threshold, ids unique; may have no tiers. */
export interface RecognitionPolicy {
  thresholdMinutes: number;
  tiers: readonly RecognitionTier[];
}

/**
 * The programme's threshold and tiers as one consistent policy. Programmes refuse inconsistent tiers now
 * (checkProgramme), but one stored earlier must still work: a tier below the threshold is reached by every eligible
 * volunteer, so it counts from the threshold, and of tiers that then share a minimum the highest one stands; of two
 * tiers stored at one minimum the first listed stands.
 */
export function recognitionPolicy(programme: Pick<Programme, 'thresholdMinutes' | 'tiers'>): RecognitionPolicy {
  const ids = new Set<string>();
  const tiers: { tier: RecognitionTier; stored: number }[] = [];
  for (const t of [...programme.tiers].sort((a, b) => a.minMinutes - b.minMinutes)) {
    const minMinutes = Math.max(t.minMinutes, programme.thresholdMinutes);
    const last = tiers.at(-1);
    if (last && last.tier.minMinutes === minMinutes) {
      if (last.stored === t.minMinutes) continue; // two tiers stored at one minimum: the first listed stands
      tiers.pop();
    }
    const base = t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'tier';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    tiers.push({ tier: { id, name: { lv: t.name, en: t.name }, minMinutes }, stored: t.minMinutes });
  }
  return { thresholdMinutes: programme.thresholdMinutes, tiers: tiers.map((t) => t.tier) };
}

export interface Recognition {
  eligible: boolean;
  /** The highest tier reached, null below the first tier or when the programme has none. */
  tier: RecognitionTier | null;
  /** Minutes still missing to the threshold (0 once eligible). */
  minutesStillNeeded: number;
}

/** True once the approved minutes reach the threshold. */
export const reachesThreshold = (approvedMinutes: number, p: Pick<RecognitionPolicy, 'thresholdMinutes'>): boolean => approvedMinutes >= p.thresholdMinutes;

/** What `approvedMinutes` of one calendar year earn under the policy. */
export function recognise(approvedMinutes: number, policy: RecognitionPolicy): Recognition {
  let tier: RecognitionTier | null = null;
  for (const t of policy.tiers) if (approvedMinutes >= t.minMinutes) tier = t;
  return {
    eligible: reachesThreshold(approvedMinutes, policy),
    tier,
    minutesStillNeeded: Math.max(0, policy.thresholdMinutes - approvedMinutes),
  };
}
