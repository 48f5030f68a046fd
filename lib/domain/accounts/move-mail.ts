// The email that tells a young person how the new municipality decided their move. Latvian first, English below,
// like every email of the platform; it names both municipalities and, for a refusal, the coordinator's reason.
import type { MailMessage } from '../mail.js';
import type { Municipality } from '../municipalities/types.js';
import type { MoveRequest } from './moves.js';

type Names = Pick<Municipality, 'name' | 'nameEn'>;

/** The message for a decided request (approved or refused), to the address on the young person's profile. */
export function moveDecisionMail(r: MoveRequest, to: string, names: { from: Names; to: Names }): MailMessage {
  const approved = r.status === 'approved';
  const text = approved
    ? [
      'Labdien!', '',
      `Jūsu pieprasījums pāriet uz citu pašvaldību ir apstiprināts. Jaunā pašvaldība: ${names.to.name}.`,
      'Kad nākamreiz pierakstīsieties platformā, jaunās stundas un pieteikumi tiks skaitīti jaunās pašvaldības programmā.',
      `Līdz šim reģistrētās stundas un izsniegtie apliecinājumi paliek iepriekšējās pašvaldības (${names.from.name}) programmā.`,
      '', '---', '',
      `Hello! Your request to move to another municipality was approved. Your new municipality: ${names.to.nameEn}.`,
      'From your next sign-in, new hours and sign-ups count in the new municipality\'s programme.',
      `The hours logged so far and the certificates issued stay with the previous municipality's programme (${names.from.nameEn}).`,
    ]
    : [
      'Labdien!', '',
      `${names.to.name} noraidīja jūsu pieprasījumu pāriet uz turieni.`,
      `Iemesls: ${r.reason ?? '—'}`,
      `Jūs joprojām esat līdzšinējās pašvaldības (${names.from.name}) programmā. Ja apstākļi mainīsies, varat iesniegt jaunu pieprasījumu.`,
      '', '---', '',
      `Hello! ${names.to.nameEn} refused your request to move there.`,
      `Reason: ${r.reason ?? '—'}`,
      `You remain in the programme of ${names.from.nameEn}. If your circumstances change, you may ask again.`,
    ];
  return {
    to,
    subject: approved ? 'Pāreja uz citu pašvaldību apstiprināta / Move approved' : 'Pāreja uz citu pašvaldību noraidīta / Move refused',
    text: text.join('\n'),
    idempotencyKey: `move-${r.id}-${r.status}`,
  };
}
