import type { Person } from './report';

/** The person acting, as the chat platform identifies them. */
export interface Actor extends Person {
  tenantId: string;
  /** The chat platform's own user id, which @mentions carry. */
  chatUserId?: string;
  /** Looks up the user's e-mail address (for the tenant's domain setting); absent when unknown. */
  email?: () => Promise<string | null>;
}
