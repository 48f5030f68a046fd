// The youth house's writes: create, edit and publish opportunities, call off a shift, sign up for and cancel shifts,
// confirm an offered place.
import { confirmMyOffer } from '../../../lib/domain/youth-house/offers.js';
import { signUpView } from '../../../lib/domain/youth-house/types.js';
import { cancelShift, cancelSignUp, createOpportunity, setOpportunityStatus, signUp, updateOpportunity } from '../../../lib/domain/youth-house/use-cases.js';
import type { Context } from 'aws-lambda';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { youthHouseRoutes } from '../../../lib/http/youth-house-routes.js';
import { youthHouseDeps } from '../../../lib/wiring/youth-house.js';

const deps = youthHouseDeps();

const create = httpRoute(youthHouseRoutes.createOpportunity, async ({ user, params, body }) => {
  const o = await createOpportunity(deps, user, params.code, body);
  return new HttpResponse(201, o, { location: `/v1/opportunities/${o.id}` });
});
const update = httpRoute(youthHouseRoutes.updateOpportunity, ({ user, params, body }) => updateOpportunity(deps, user, params.opportunityId, body));
const status = httpRoute(youthHouseRoutes.setOpportunityStatus, ({ user, params, body }) => setOpportunityStatus(deps, user, params.opportunityId, body.status));
const callOff = httpRoute(youthHouseRoutes.cancelShift, ({ user, params }) => cancelShift(deps, user, params.opportunityId, params.shift));
const join = httpRoute(youthHouseRoutes.signUpForShift, async ({ user, params }) => new HttpResponse(201, signUpView(await signUp(deps, user, params.opportunityId, params.shift))));
const leave = httpRoute(youthHouseRoutes.cancelShiftSignUp, async ({ user, params }) => {
  const { cancelled, offered } = await cancelSignUp(deps, user, params.opportunityId, params.shift);
  return { cancelled: signUpView(cancelled), offered: offered && signUpView(offered) };
});
const confirm = httpRoute(youthHouseRoutes.confirmShiftOffer, async ({ user, params }) => signUpView(await confirmMyOffer(deps, user, params.opportunityId, params.shift)));

const BY_ROUTE = {
  [`${youthHouseRoutes.createOpportunity.method} ${youthHouseRoutes.createOpportunity.path}`]: create,
  [`${youthHouseRoutes.updateOpportunity.method} ${youthHouseRoutes.updateOpportunity.path}`]: update,
  [`${youthHouseRoutes.setOpportunityStatus.method} ${youthHouseRoutes.setOpportunityStatus.path}`]: status,
  [`${youthHouseRoutes.cancelShift.method} ${youthHouseRoutes.cancelShift.path}`]: callOff,
  [`${youthHouseRoutes.signUpForShift.method} ${youthHouseRoutes.signUpForShift.path}`]: join,
  [`${youthHouseRoutes.cancelShiftSignUp.method} ${youthHouseRoutes.cancelShiftSignUp.path}`]: leave,
  [`${youthHouseRoutes.confirmShiftOffer.method} ${youthHouseRoutes.confirmShiftOffer.path}`]: confirm,
};

/** One function serves the context's writes (fewer resources per stack); the route key picks the route. */
export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
