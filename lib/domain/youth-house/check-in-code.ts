// The shift's check-in code: a TOTP-like number (RFC 6238 over HMAC-SHA256) from the link key, the shift and the time step.
import { createHmac } from 'node:crypto';

/** A code changes every two minutes; the one of the step before still counts (scanning and typing take time). */
export const CHECK_IN_STEP_SECONDS = 120;
export const CHECK_IN_DIGITS = 6;
/** Check-in opens this long before the shift starts and closes when it ends. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 30;

export const stepOf = (at: Date): number => Math.floor(at.getTime() / 1000 / CHECK_IN_STEP_SECONDS);

/** RFC 4226 dynamic truncation of HMAC-SHA256(key, purpose + shift + step) to CHECK_IN_DIGITS digits. */
export function checkInCodeAt(key: Uint8Array, opportunityId: string, shift: number, step: number): string {
  const mac = createHmac('sha256', key).update(`check-in\n${opportunityId}\n${shift}\n${step}`).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const n = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(n % 10 ** CHECK_IN_DIGITS).padStart(CHECK_IN_DIGITS, '0');
}

/** Whether `code` is the shift's code of the step of `at` or of the step before (compared in constant time). */
export function isCheckInCode(key: Uint8Array, opportunityId: string, shift: number, at: Date, code: string): boolean {
  const step = stepOf(at);
  let ok = false;
  for (const s of [step, step - 1]) {
    const expected = checkInCodeAt(key, opportunityId, shift, s);
    let diff = expected.length ^ code.length;
    for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (code.charCodeAt(i) || 0);
    ok = ok || diff === 0;
  }
  return ok;
}

/** The instants a shift's check-in is open: from CHECK_IN_OPENS_MINUTES_BEFORE its start until its end. */
export function checkInWindow(shift: { start: string; durationMinutes: number }): { opens: Date; closes: Date } {
  const start = Date.parse(shift.start);
  return { opens: new Date(start - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000), closes: new Date(start + shift.durationMinutes * 60_000) };
}

/** The check-in page of a shift, with the code (the path the QR code and the venue display name). */
export const checkInPagePath = (opportunityId: string, shift: number, code?: string) =>
  `/check-in/${opportunityId}/${shift}${code ? `?code=${code}` : ''}`;

/** What the QR code at the venue carries: the check-in page with the current code (a phone's camera opens it). */
export const checkInQrText = (baseUrl: string, opportunityId: string, shift: number, code: string) =>
  `${baseUrl.replace(/\/$/, '')}${checkInPagePath(opportunityId, shift, code)}`;

const VENUE_MAC_CHARS = 32;
export const venueMac = (key: Uint8Array, payload: string) =>
  createHmac('sha256', key).update(`venue-display\n${payload}`).digest('base64url').slice(0, VENUE_MAC_CHARS);

/** The venue display's path for a shift: the opportunity, the shift and the end of its check-in, signed with the link key. */
export function venueDisplayPath(key: Uint8Array, opportunityId: string, shift: number, until: Date): string {
  const payload = `${opportunityId}.${shift}.${Math.floor(until.getTime() / 1000)}`;
  return `/venue/${payload}.${venueMac(key, payload)}`;
}
