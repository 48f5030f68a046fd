// The logbook's domain events: every submission and decision, and ThresholdReached once per volunteer, programme and year.
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../events.js';
import type { HourEntry, Tally } from './types.js';

export const HOURS_SOURCE = 'jaunatne.hours';

export interface EntryEventDetail {
  entryId: string;
  volunteerId: string;
  programme: string;
  institutionId: string;
  date: string;
  minutes: number;
  approvedMinutes: number;
  state: HourEntry['state'];
  by: string;
  reason: string | null;
}

export interface ThresholdReachedDetail {
  volunteerId: string;
  programme: string;
  year: number;
  approvedMinutes: number;
  thresholdMinutes: number;
  reachedAt: string;
  /** The decision that crossed the threshold. */
  entryId: string;
}

export type HoursSubmitted = DomainEvent<'HoursSubmitted', EntryEventDetail>;
export type HoursApproved = DomainEvent<'HoursApproved', EntryEventDetail>;
export type HoursRejected = DomainEvent<'HoursRejected', EntryEventDetail>;
export type HoursReversed = DomainEvent<'HoursReversed', EntryEventDetail>;
export type ThresholdReached = DomainEvent<'ThresholdReached', ThresholdReachedDetail>;
export type HoursEvent = HoursSubmitted | HoursApproved | HoursRejected | HoursReversed | ThresholdReached;
export type HoursEventType = HoursEvent['type'];

const TYPE_OF_STATE = { pending: 'HoursSubmitted', approved: 'HoursApproved', rejected: 'HoursRejected', reversed: 'HoursReversed' } as const;

export function entryEvent(entry: HourEntry, by: string, at: string): HoursSubmitted | HoursApproved | HoursRejected | HoursReversed {
  return {
    id: randomUUID(), type: TYPE_OF_STATE[entry.state], source: HOURS_SOURCE, occurredAt: at,
    detail: {
      entryId: entry.id, volunteerId: entry.volunteerId, programme: entry.programme, institutionId: entry.institutionId,
      date: entry.date, minutes: entry.minutes, approvedMinutes: entry.approvedMinutes, state: entry.state, by,
      reason: entry.state === 'pending' ? null : entry.comment,
    },
  };
}

export function thresholdReached(tally: Tally, thresholdMinutes: number, entryId: string): ThresholdReached {
  const reachedAt = tally.thresholdReachedAt ?? new Date(0).toISOString();
  return {
    id: `threshold:${tally.programme}:${tally.year}:${tally.volunteerId}`, type: 'ThresholdReached', source: HOURS_SOURCE, occurredAt: reachedAt,
    detail: { volunteerId: tally.volunteerId, programme: tally.programme, year: tally.year, approvedMinutes: tally.approvedMinutes, thresholdMinutes, reachedAt, entryId },
  };
}
