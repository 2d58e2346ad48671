import type { TenantScope } from '../scope';
import type { Organisation } from '../vocabulary';

/**
 * How a membership was confirmed: by a coordinator (`organisation @namn polisen`) or by the tenant's
 * e-mail domain setting (ORGANISATION_DOMAINS). A user's own choice on a form confirms nothing.
 */
export type MembershipSource = 'coordinator' | 'domain';

/** A confirmed membership of an organisation, within one tenant. */
export interface Membership {
  userId: string;
  organisation: Organisation;
  source: MembershipSource;
  /** The coordinator who confirmed it, or 'domain'. */
  confirmedBy: string;
  confirmedAt: Date;
}

export interface MembershipRepository {
  get(scope: TenantScope, userId: string): Promise<Membership | null>;
  /** Confirms (or moves) the user's membership in the scope's tenant. */
  confirm(scope: TenantScope, membership: Membership): Promise<void>;
  /** The user ids of the tenant's confirmed members of any of `organisations`, the earliest confirmed first, at most `limit`. */
  membersOf(scope: TenantScope, organisations: readonly Organisation[], limit: number): Promise<string[]>;
}
