// What closing an account and erasing it at the end of its retention need from the outside: the table's holdings of
// the volunteer, the files they reference, and the account at the identity provider.

/** At closure: the copies of the holder's name and address on their records, replaced while the records are kept. */
export interface ClosureRecords {
  /**
   * Every hour entry's `volunteerName` becomes `name`, every certificate's `holderEmail` becomes `email` (and a
   * certificate email still pending is dropped); the certificates keep the holder's name as given at issue (they
   * still verify). Idempotent.
   */
  pseudonymise(volunteerId: string, name: string, email: string): Promise<void>;
}

/** A closed profile whose records are kept until `retainedUntil` (YYYY-MM-DD, the last day). */
export interface ErasureDue {
  volunteerId: string;
  retainedUntil: string;
}

export interface ErasureSurvey {
  volunteerId: string;
  files: string[];
  prefixes: string[];
  /** The records' keys, in the order they are deleted (the store's own shape). */
  records: readonly Record<string, unknown>[];
}

export interface ErasureStore {
  /** Closed profiles whose last retained day is before `today` (YYYY-MM-DD), earliest first. */
  due(today: string, limit: number): Promise<ErasureDue[]>;
  /**
   * What is held about the volunteer, read once before anything is deleted: the files the records name (certificate
   * PDFs in each language, consent scans), the prefixes that hold anything else of theirs (a consent scan uploaded but
   * never recorded), and every record but the profile — hour entries with their pointers and audit trails, tallies,
   * certificates with their codes and pending emails, the guardian consent with its history and links, youth-house
   * sign-ups, move requests, the calendar link and its token.
   */
  survey(volunteerId: string): Promise<ErasureSurvey>;
  /** Deletes the surveyed records, what they point to first: a run cut short surveys the rest again. */
  eraseRecords(survey: ErasureSurvey): Promise<void>;
  /** Deletes the profile, and with it the volunteer's place in the erasure queue: the last step. */
  eraseProfile(volunteerId: string): Promise<void>;
}

/** Server-side deletion in the file store (S3, local files); keys that do not exist are no error. */
export interface FileEraser {
  erase(keys: readonly string[]): Promise<void>;
  /** Deletes every file whose key starts with `prefix` (which ends with a slash). */
  erasePrefix(prefix: string): Promise<void>;
}

/** The account at the identity provider (AdminDeleteUser in Cognito); an account already gone is no error. */
export interface AccountRemover {
  remove(username: string): Promise<void>;
}
