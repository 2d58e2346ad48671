import { TeamsInfo, type TurnContext } from 'botbuilder';
import { organisationForEmail, type OrganisationDomain } from '../config/organisation-domains';
import { systemClock, type Clock } from '../domain/ports/clock.port';
import { RecentEntries } from '../domain/recent-entries';
import type { Organisation } from '../domain/vocabulary';
import type { Logger } from '../logging/logger';
import { tenantOf } from './turn-context-reader';

/** What Teams tells about a member that the bot uses: the addresses, nothing else. */
export interface MemberAddresses {
  email: string | null;
  userPrincipalName: string | null;
}

export interface MemberDirectoryOptions {
  log: Logger;
  /** How long an answer (a member, or null for not found or a failure) is kept. Default one hour. */
  ttlMs?: number;
  /** How long a failed lookup (not "not found") is kept; default ttlMs. */
  failureTtlMs?: number;
  /** Most users kept; the oldest entry goes first. Default 5 000. */
  maxEntries?: number;
  clock?: Clock;
}

interface Entry {
  expiresAt: number;
  value: Promise<MemberAddresses | null>;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * The e-mail address / userPrincipalName of the user behind a turn, from the Teams roster
 * (TeamsInfo.getMember: GET {serviceUrl}/v3/conversations/{team or conversation}/members/{userId}).
 * Answers are kept in memory per tenant and user, a failure included (as null), so that a busy user
 * costs one request an hour. It never throws and never logs an address.
 */
export class MemberDirectory {
  private readonly entries: RecentEntries<string, Entry>;
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly clock: Clock;
  private readonly log: Logger;

  constructor(options: MemberDirectoryOptions) {
    this.log = options.log;
    this.ttlMs = options.ttlMs ?? HOUR_MS;
    this.failureTtlMs = options.failureTtlMs ?? this.ttlMs;
    this.entries = new RecentEntries(options.maxEntries ?? 5_000);
    this.clock = options.clock ?? systemClock;
  }

  /** The user's addresses, or null when Teams does not know them or could not be asked. */
  async addressesOf(context: TurnContext): Promise<MemberAddresses | null> {
    const activity = context.activity;
    const chatUserId = activity.from?.id;
    if (!chatUserId) return null;
    const key = `${tenantOf(activity).toLowerCase()}|${(activity.from.aadObjectId ?? chatUserId).toLowerCase()}`;
    const now = this.clock.now().getTime();
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) return cached.value;
    if (cached) this.entries.delete(key);

    const entry: Entry = { expiresAt: now + this.ttlMs, value: Promise.resolve(null) };
    entry.value = this.fetch(context, chatUserId).then(
      (addresses) => addresses,
      (error: unknown) => {
        const status = statusOf(error);
        if (status === 404) {
          this.log.debug({ status }, 'member lookup: Teams does not know the user');
        } else {
          entry.expiresAt = this.clock.now().getTime() + this.failureTtlMs;
          this.log.warn({ status, err: errorName(error) }, 'member lookup failed');
        }
        return null;
      },
    );
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The user's e-mail address, or else the userPrincipalName (usually the same), or null. */
  async emailOf(context: TurnContext): Promise<string | null> {
    const addresses = await this.addressesOf(context);
    return addresses?.email ?? addresses?.userPrincipalName ?? null;
  }

  /** The organisation that the user's e-mail domain confirms in the turn's tenant (ORGANISATION_DOMAINS). */
  async organisationOf(context: TurnContext, domains: readonly OrganisationDomain[]): Promise<Organisation | null> {
    if (domains.length === 0) return null;
    return organisationForEmail(await this.emailOf(context), tenantOf(context.activity), domains);
  }

  /** How many users are kept (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private async fetch(context: TurnContext, chatUserId: string): Promise<MemberAddresses> {
    const member = await TeamsInfo.getMember(context, chatUserId);
    return { email: textOrNull(member?.email), userPrincipalName: textOrNull(member?.userPrincipalName) };
  }
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function statusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

/** The error's class name only: messages of connector errors carry URLs with user ids. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
