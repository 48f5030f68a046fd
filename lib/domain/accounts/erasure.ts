// What closing an account and erasing it at the end of its retention need from the outside: the table's holdings of
// the volunteer, the files they reference, and the account at the identity provider.

/** At closure: the copies of the holder's name and address on their records, replaced while the records are kept. */
export interface ClosureRecords {
  /**
   * Every hour entry's `volunteerName` becomes `name`, every certificate's `holderEmail` becomes `email`; the
   * certificates keep the holder's name as given at issue (they still verify). Idempotent.
   */
  pseudonymise(volunteerId: string, name: string, email: string): Promise<void>;
}

/** A closed profile whose records are kept until `retainedUntil` (YYYY-MM-DD, the last day). */
export interface ErasureDue {
  volunteerId: string;
  retainedUntil: string;
}

export interface ErasureStore {
  /** Closed profiles whose last retained day is before `today` (YYYY-MM-DD), earliest first. */
  due(today: string, limit: number): Promise<ErasureDue[]>;
  /**
   * Deletes everything held about the volunteer except the profile: hour entries with their pointers and audit
   * trails, tallies, certificates with their codes and pending emails, the guardian consent with its history and
   * links, youth-house sign-ups, move requests, the calendar link and its token. Returns the keys of the files those
   * records referenced (certificate PDFs, consent scans). Idempotent: a second run finds less and deletes that.
   */
  eraseHoldings(volunteerId: string): Promise<string[]>;
  /** Deletes the profile, and with it the volunteer's place in the erasure queue: the last step. */
  eraseProfile(volunteerId: string): Promise<void>;
}

/** Server-side deletion in the file store (S3, local files); keys that do not exist are no error. */
export interface FileEraser {
  erase(keys: readonly string[]): Promise<void>;
}

/** The account at the identity provider (AdminDeleteUser in Cognito); an account already gone is no error. */
export interface AccountRemover {
  remove(username: string): Promise<void>;
}
