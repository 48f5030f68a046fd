// The invitation email, in Latvian or English as the inviter asked: who invites, for which role, the one-time link, the expiry.
import type { MailMessage } from '../mail.js';
import type { Invitation } from './invitations.js';

export const STAFF_ROLE_NAMES = {
  lv: { supervisor: 'iestādes brīvprātīgā darba vadītājs', coordinator: 'pašvaldības jaunatnes lietu koordinators', agency: 'Jaunatnes starptautisko programmu aģentūras darbinieks' },
  en: { supervisor: 'host institution supervisor', coordinator: 'municipal youth affairs coordinator', agency: 'Youth International Programme Agency staff member' },
} as const;

/** Riga-time "YYYY-MM-DD HH:MM" of an ISO instant, for the expiry line. */
function rigaTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

/**
 * The message for one (re)sent invitation. The idempotency key names the invitation and its nonce: one message per
 * link, however often the send is retried.
 */
export function invitationMail(invitation: Invitation, link: string, municipalityName: string | null): MailMessage {
  const expires = rigaTime(invitation.expiresAt);
  const role = STAFF_ROLE_NAMES[invitation.language][invitation.role];
  const text = invitation.language === 'lv'
    ? [
      `Labdien, ${invitation.name}!`,
      '',
      `Jūs esat uzaicināts(-a) pievienoties Jaunatnes darba platformai kā ${role}${municipalityName ? ` (${municipalityName})` : ''}.`,
      'Lai izveidotu kontu un izvēlētos paroli, atveriet šo saiti:',
      link,
      '',
      `Saite ir derīga vienu reizi līdz ${expires} (Rīgas laiks). Ja uzaicinājumu negaidījāt, neatbildiet uz šo vēstuli.`,
    ]
    : [
      `Hello ${invitation.name},`,
      '',
      `You are invited to join the youth work platform as ${role}${municipalityName ? ` (${municipalityName})` : ''}.`,
      'To create your account and choose a password, open this link:',
      link,
      '',
      `The link works once, until ${expires} (Riga time). If you did not expect this invitation, ignore this email.`,
    ];
  return {
    to: invitation.email,
    subject: invitation.language === 'lv' ? 'Uzaicinājums uz Jaunatnes darba platformu' : 'Invitation to the youth work platform',
    text: text.join('\n'),
    idempotencyKey: `invitation-${invitation.id}-${invitation.nonce}`,
  };
}
