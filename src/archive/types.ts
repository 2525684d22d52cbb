/**
 * A past issue as the public archive shows it: the email as a reader who is
 * nobody in particular sees it (the greeting's fallback, the list's own
 * unsubscribe page), so it carries no subscriber's data.
 */
export interface ArchivedIssue {
  /** 1, 2, 3… per list, in the order the issues were made. */
  number: number;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  subject: string;
  preheader: string;
  html: string;
  text: string;
  /** When its send finished (ISO 8601), or null while it is still going or stopped. */
  sentAt: string | null;
  articles: { slug: string; title: string; url: string }[];
}

/** Where the archive comes from: the state database, or anything else that can list issues. */
export interface ArchiveSource {
  /** Issues that have been sent to anyone, newest first. */
  issues(): ArchivedIssue[];
  issue(number: number): ArchivedIssue | undefined;
}
