/** Roles from the reviewers file: a reviewer decides as themself; an admin may also cancel runs and decide for a run's approvers. */
export const REVIEWER_ROLES = ['reviewer', 'admin'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

/** Who is calling, set on `response.locals.identity` by the auth middleware when reviewers are configured. */
export interface Identity {
  name: string;
  role: ReviewerRole;
  /** `token`: Authorization: Bearer; `session`: the review page's cookie (its POSTs carry a CSRF token). */
  via: 'token' | 'session';
}
