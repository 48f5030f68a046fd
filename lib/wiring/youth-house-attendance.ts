// The deps of attendance, check-in and the attendance report: the youth house's, the logbook's and the link key.
import { cognitoClient } from '../accounts/cognito-directory.js';
import { cognitoPasswordSignIn } from '../accounts/cognito-password-sign-in.js';
import { DynamoAttendanceRepository } from '../data/youth-house-attendance.js';
import type { AttendanceDeps } from '../domain/youth-house/attendance.js';
import type { CheckInPageDeps } from '../domain/youth-house/check-in-pages.js';
import { awsBaseUrl, awsLinkKey, awsTable } from './aws.js';
import { hoursDeps } from './deps.js';
import { adapter, deferred } from './runtime.js';
import { youthHouseDeps } from './youth-house.js';

export function attendanceDeps(): AttendanceDeps {
  const house = youthHouseDeps();
  const logbook = hoursDeps();
  return deferred(() => {
    const table = adapter('table', awsTable);
    return {
      youthHouse: house.youthHouse, hours: house.hours, municipalities: house.municipalities, clock: house.clock, newNonce: house.newNonce,
      attendance: new DynamoAttendanceRepository(table.db, table.name), logbook,
      checkInKey: () => adapter('linkKey', awsLinkKey)(),
      get publicBaseUrl() { return adapter('baseUrl', awsBaseUrl); },
    };
  });
}

/** The check-in pages: attendance's deps and the password sign-in through the pages' app client (PAGES_CLIENT_ID). */
export function checkInPageDeps(): CheckInPageDeps {
  const attendance = attendanceDeps();
  return deferred(() => ({
    ...attendance,
    signIn: cognitoPasswordSignIn(cognitoClient(), () => {
      const id = process.env.PAGES_CLIENT_ID;
      if (!id) throw new Error('PAGES_CLIENT_ID is not set: the check-in page signs in through the pages\' app client');
      return id;
    }),
  }));
}
