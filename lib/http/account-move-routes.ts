// A young person's move to another municipality (context `accounts`): the youth asks, the new municipality decides.
import * as z from 'zod';
import { moveDecisionSchema, moveRequestInputSchema, moveRequestSchema } from '../domain/accounts/moves.js';
import { municipalityCode } from '../domain/municipalities/types.js';
import { defineRoute } from './route.js';

const MOVES_ENTRY = 'functions/http/accounts/moves.ts';
const MY_MOVE = '/v1/volunteers/me/municipality-move';

export const accountMoveRoutes = {
  requestMunicipalityMove: defineRoute({
    id: 'requestMunicipalityMove', method: 'POST', path: MY_MOVE, tag: 'accounts', auth: ['youth'],
    summary: "Ask to move to another municipality (where I now live); its coordinator approves or refuses. One request waits at a time; the hours logged so far stay with their programme",
    body: moveRequestInputSchema, response: moveRequestSchema, successStatus: 201, problems: [404, 409, 422],
    entry: MOVES_ENTRY,
  }),
  getMyMunicipalityMove: defineRoute({
    id: 'getMyMunicipalityMove', method: 'GET', path: MY_MOVE, tag: 'accounts', auth: ['youth'],
    summary: 'My newest move request and where it stands (requested, approved, refused with the reason, withdrawn)',
    response: moveRequestSchema, problems: [404], table: 'read',
    entry: MOVES_ENTRY,
  }),
  withdrawMyMunicipalityMove: defineRoute({
    id: 'withdrawMyMunicipalityMove', method: 'DELETE', path: MY_MOVE, tag: 'accounts', auth: ['youth'],
    summary: 'Take back my waiting move request',
    response: moveRequestSchema, problems: [404, 409],
    entry: MOVES_ENTRY,
  }),
  listMunicipalityMoves: defineRoute({
    id: 'listMunicipalityMoves', method: 'GET', path: '/v1/municipalities/{code}/municipality-moves', tag: 'accounts', auth: ['coordinator', 'agency'],
    summary: 'The young people asking to move into this municipality, oldest first (name, birth date, from where, their note)',
    params: z.object({ code: municipalityCode }), response: z.object({ items: z.array(moveRequestSchema) }), table: 'read',
    entry: MOVES_ENTRY,
  }),
  decideMunicipalityMove: defineRoute({
    id: 'decideMunicipalityMove', method: 'POST', path: '/v1/municipality-moves/{id}/decision', tag: 'accounts', auth: ['coordinator'],
    summary: "The new municipality's coordinator approves (the profile and the account's municipality change; from the next sign-in the young person belongs here) or refuses with a reason",
    params: z.object({ id: z.uuid() }), body: moveDecisionSchema, problems: [404, 409],
    response: moveRequestSchema.extend({ emailed: z.boolean().describe('Whether the young person was emailed the decision now (false when deciding the same again, or when the send failed)') }),
    uses: { userPool: ['cognito-idp:AdminUpdateUserAttributes'], mail: true },
    entry: 'functions/http/accounts/move-decision.ts',
  }),
};
