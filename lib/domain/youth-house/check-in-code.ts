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

/** What the supervisor's QR code carries: the shift and its current code, for the app to post. */
export const checkInQrText = (baseUrl: string, opportunityId: string, shift: number, code: string) =>
  `${baseUrl}/v1/opportunities/${opportunityId}/shifts/${shift}/check-ins?code=${code}`;
