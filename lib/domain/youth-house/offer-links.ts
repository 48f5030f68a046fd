// A waitlist offer's email link: GET shows the shift and its deadline with confirm and decline forms (nothing changes),
// only the form's POST (with its CSRF token) answers, through the same use cases as the API.
import { ConflictError, RuleViolation } from '../errors.js';
import { linkToken, parseLinkToken, sameMac, type LinkSigner } from '../hours/decision-links.js';
import { confirmOffer, declineOffer, type OfferDeps } from './offers.js';
import { shiftCancelled, type Opportunity, type SignUp } from './types.js';

export interface OfferLinkDeps extends OfferDeps {
  signer: LinkSigner;
}

/** The link's URL path for an offer (the email puts the public origin in front). */
export async function offerLinkPath(signer: LinkSigner, nonce: string): Promise<string> {
  return `/o/${linkToken(nonce, await signer.sign('offer-link', nonce))}`;
}

export type OfferPage =
  | { state: 'ask'; opportunity: Opportunity; signUp: SignUp; csrf: string }
  | { state: 'accepted'; opportunity: Opportunity; signUp: SignUp; justNow: boolean }
  | { state: 'declined'; opportunity: Opportunity; justNow: boolean }
  /** Past the deadline (the place passed, or passes, to the next in line). */
  | { state: 'expired'; opportunity: Opportunity }
  /** The opportunity was cancelled or closed, or the sign-up was cancelled otherwise: nothing to answer. */
  | { state: 'gone' }
  | { state: 'invalid' };

async function offerOf(deps: OfferLinkDeps, token: string): Promise<{ signUp: SignUp; opportunity: Opportunity; nonce: string } | undefined> {
  const parsed = parseLinkToken(token);
  if (!parsed || !sameMac(parsed.mac, await deps.signer.sign('offer-link', parsed.nonce))) return undefined;
  const signUp = await deps.youthHouse.offerByNonce(parsed.nonce);
  if (!signUp || signUp.offer?.nonce !== parsed.nonce) return undefined;
  const opportunity = await deps.youthHouse.getOpportunity(signUp.opportunityId);
  return opportunity ? { signUp, opportunity, nonce: parsed.nonce } : undefined;
}

async function pageOf(deps: OfferLinkDeps, signUp: SignUp, opportunity: Opportunity, nonce: string, justNow = false): Promise<OfferPage> {
  const outcome = signUp.offer?.outcome ?? null;
  if (outcome === 'accepted') return { state: 'accepted', opportunity, signUp, justNow };
  if (outcome === 'declined') return { state: 'declined', opportunity, justNow };
  if (outcome === 'expired') return { state: 'expired', opportunity };
  if (signUp.state !== 'offered' || opportunity.status !== 'published' || shiftCancelled(opportunity, signUp.shift)) return { state: 'gone' };
  if (Date.parse(signUp.offer!.expiresAt) <= deps.clock.now().getTime()) return { state: 'expired', opportunity };
  return { state: 'ask', opportunity, signUp, csrf: await deps.signer.sign('offer-csrf', nonce) };
}

export async function openOfferLink(deps: OfferLinkDeps, token: string): Promise<OfferPage> {
  const found = await offerOf(deps, token);
  return found ? pageOf(deps, found.signUp, found.opportunity, found.nonce) : { state: 'invalid' };
}

export interface OfferForm {
  csrf?: string | undefined;
  action?: string | undefined;
}

/** The form's answer: `confirm` or `decline`; a wrong CSRF token or action changes nothing. */
export async function answerOfferLink(deps: OfferLinkDeps, token: string, form: OfferForm): Promise<OfferPage> {
  const found = await offerOf(deps, token);
  if (!found) return { state: 'invalid' };
  const { signUp, opportunity, nonce } = found;
  if (!form.csrf || !sameMac(form.csrf, await deps.signer.sign('offer-csrf', nonce))) return { state: 'invalid' };
  if (form.action !== 'confirm' && form.action !== 'decline') return { state: 'invalid' };
  const current = await pageOf(deps, signUp, opportunity, nonce);
  if (current.state !== 'ask') return current;
  try {
    if (form.action === 'confirm') return { state: 'accepted', opportunity, signUp: await confirmOffer(deps, signUp), justNow: true };
    await declineOffer(deps, opportunity, signUp);
    return { state: 'declined', opportunity, justNow: true };
  } catch (error) {
    if (!(error instanceof ConflictError || error instanceof RuleViolation)) throw error;
    // answered meanwhile (the API, another tab) or expired just now: say how it stands
    const fresh = await deps.youthHouse.getSignUp(signUp.youthId, signUp.date, signUp.opportunityId, signUp.shift);
    return fresh ? pageOf(deps, fresh, opportunity, nonce) : { state: 'gone' };
  }
}
