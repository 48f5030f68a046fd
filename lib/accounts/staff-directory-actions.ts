// The Cognito admin actions the staff directory adapter calls: the route table grants exactly these (no SDK import here,
// so the route table, which every handler bundles, stays free of the Cognito client).

/** Everything the invitation and user-administration functions call. */
export const STAFF_DIRECTORY_ACTIONS = [
  'cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser',
  'cognito-idp:ListUsersInGroup',
] as const;
/** What a function that only reads accounts may call. */
export const STAFF_DIRECTORY_READ_ACTIONS = ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:ListUsersInGroup'] as const;
