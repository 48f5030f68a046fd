// The youth house's writes: create and publish opportunities, sign up for and cancel shifts, confirm an offered place.
import { confirmMyOffer } from '../../../lib/domain/youth-house/offers.js';
import { signUpView } from '../../../lib/domain/youth-house/types.js';
import { cancelSignUp, createOpportunity, setOpportunityStatus, signUp } from '../../../lib/domain/youth-house/use-cases.js';
import type { Context } from 'aws-lambda';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { youthHouseDeps } from '../../../lib/wiring/youth-house.js';

const deps = youthHouseDeps();

const create = httpRoute(routes.createOpportunity, async ({ user, params, body }) => {
  const o = await createOpportunity(deps, user, params.code, body);
  return new HttpResponse(201, o, { location: `/v1/opportunities/${o.id}` });
});
const status = httpRoute(routes.setOpportunityStatus, ({ user, params, body }) => setOpportunityStatus(deps, user, params.opportunityId, body.status));
const join = httpRoute(routes.signUpForShift, async ({ user, params }) => new HttpResponse(201, signUpView(await signUp(deps, user, params.opportunityId, params.shift))));
const leave = httpRoute(routes.cancelShiftSignUp, async ({ user, params }) => {
  const { cancelled, offered } = await cancelSignUp(deps, user, params.opportunityId, params.shift);
  return { cancelled: signUpView(cancelled), offered: offered && signUpView(offered) };
});
const confirm = httpRoute(routes.confirmShiftOffer, async ({ user, params }) => signUpView(await confirmMyOffer(deps, user, params.opportunityId, params.shift)));

const BY_ROUTE = {
  [`${routes.createOpportunity.method} ${routes.createOpportunity.path}`]: create,
  [`${routes.setOpportunityStatus.method} ${routes.setOpportunityStatus.path}`]: status,
  [`${routes.signUpForShift.method} ${routes.signUpForShift.path}`]: join,
  [`${routes.cancelShiftSignUp.method} ${routes.cancelShiftSignUp.path}`]: leave,
  [`${routes.confirmShiftOffer.method} ${routes.confirmShiftOffer.path}`]: confirm,
};

/** One function serves the context's writes (fewer resources per stack); the route key picks the route. */
export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
