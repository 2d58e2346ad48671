import type { Actor } from './actor';
import type { EstRepository } from './est/est.port';
import type { Hotspot } from './hotspots/hotspot';
import { recipientOf, type Callout } from './mobilisation/callout';
import type { RegisteredPlace } from './places/place-register';
import type { AuditRepository, CoordinatorRepository } from './ports/audit.port';
import type { DigestExportRecord } from './ports/digest-exports.port';
import type { MembershipRepository } from './ports/memberships.port';
import type { Commitment } from './promises/promise';
import type { Report } from './report';
import { isSchoolContact, type School } from './schools/school';
import type { ChatScope, TenantScope } from './scope';
import type { Organisation } from './vocabulary';

/**
 * The rights a card verb or command can require. Every right is decided here and nowhere else:
 *
 * | right            | who has it (always within the caller's tenant and conversation)                       |
 * |------------------|----------------------------------------------------------------------------------------|
 * | `member`         | anyone in the conversation                                                             |
 * | `coordinator`    | a coordinator of the tenant                                                            |
 * | `report.edit`    | the reporter, a confirmed member of the report's organisation, a coordinator          |
 * | `report.work`    | a confirmed member of a participating organisation, a coordinator (assign, status)    |
 * | `report.undo`    | the reporter                                                                           |
 * | `hotspot.start`  | a confirmed member (who then owns it); a closed one is reopened by a coordinator only  |
 * | `hotspot.change` | a confirmed member of the owner organisation, a coordinator                            |
 * | `export.requester` | the coordinator who asked for the export (its links are shown to nobody else)        |
 * | `est.assess`     | a confirmed member (any organisation), a coordinator: an area's weekly assessment      |
 * | `est.reporter`   | a rapportör of the week's organisation, a coordinator: "inget att rapportera"          |
 * | `school.manage`  | a coordinator, or one of the school's own SSPF contacts (edit the school, its call list) |
 * | `mobilisation.answer` | one the call-out called                                                          |
 * | `mobilisation.lead` | the caller, a coordinator (close it, mark the text for parents sent)               |
 * | `commitment.status` | a confirmed member of a responsible organisation of the commitment, a coordinator  |
 *
 * Membership is confirmed, never claimed: by a coordinator, or by the tenant's e-mail domain setting.
 */
export type Right =
  | 'member' | 'coordinator'
  | 'report.edit' | 'report.work' | 'report.undo'
  | 'hotspot.start' | 'hotspot.change'
  | 'export.requester'
  | 'est.assess' | 'est.reporter'
  | 'school.manage'
  | 'mobilisation.answer' | 'mobilisation.lead'
  | 'commitment.status';

export const RIGHTS: readonly Right[] = [
  'member', 'coordinator', 'report.edit', 'report.work', 'report.undo', 'hotspot.start', 'hotspot.change', 'export.requester',
  'est.assess', 'est.reporter', 'school.manage', 'mobilisation.answer', 'mobilisation.lead', 'commitment.status',
];

/** What a right is checked against: the target a verb acts on, loaded within the caller's scope. */
export type Target =
  | { kind: 'none' }
  | { kind: 'report'; report: Report }
  | { kind: 'hotspot'; hotspot: Hotspot }
  | { kind: 'place'; place: RegisteredPlace; hotspot: Hotspot | null }
  | { kind: 'export'; export: DigestExportRecord }
  /** An organisation's EST week in a conversation of the caller's tenant (the nudge's "inget att rapportera"). */
  | { kind: 'estWeek'; scope: ChatScope; meetingDay: string; organisation: Organisation }
  | { kind: 'school'; school: School }
  | { kind: 'mobilisation'; callout: Callout }
  | { kind: 'commitment'; commitment: Commitment };

/** Maps an e-mail address to the organisation the tenant's domain setting names, if any. */
export type DomainOrganisations = (email: string, tenantId: string) => Organisation | null;

export interface ConfiguredCoordinator {
  tenantId: string;
  userId: string;
}

/** One tenant's configured coordinators, as lower-case user ids (configuration may spell the GUIDs in either case). */
export const configuredCoordinatorsOf = (configured: readonly ConfiguredCoordinator[], tenantId: string): string[] =>
  configured.filter((c) => c.tenantId.toLowerCase() === tenantId.toLowerCase()).map((c) => c.userId.toLowerCase());

type Stores = { coordinators: CoordinatorRepository; memberships: MembershipRepository; audit: AuditRepository; est: Pick<EstRepository, 'isReporter'> };

export class AccessPolicy {
  private readonly configured: ReadonlySet<string>;

  constructor(
    configuredCoordinators: readonly ConfiguredCoordinator[],
    private readonly store: Stores,
    private readonly domains: DomainOrganisations = () => null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.configured = new Set(configuredCoordinators.map((c) => key(c.tenantId, c.userId)));
  }

  async isCoordinator(scope: TenantScope, userId: string): Promise<boolean> {
    return this.configured.has(key(scope.tenantId, userId)) || this.store.coordinators.isCoordinator(scope, userId);
  }

  /**
   * The organisation the actor is a confirmed member of in the tenant, or null. A user with none whose
   * e-mail domain the tenant maps to an organisation is confirmed on first sight (and audited).
   */
  async organisationOf(scope: TenantScope, actor: Pick<Actor, 'userId' | 'email'>): Promise<Organisation | null> {
    const membership = await this.store.memberships.get(scope, actor.userId);
    if (membership) return membership.organisation;
    const email = actor.email ? await actor.email() : null;
    const organisation = email ? this.domains(email, scope.tenantId) : null;
    if (!organisation) return null;
    const at = this.now();
    await this.store.memberships.confirm(scope, { userId: actor.userId, organisation, source: 'domain', confirmedBy: 'domain', confirmedAt: at });
    await this.store.audit.record({
      at, tenantId: scope.tenantId, actorId: actor.userId, action: 'organisation.confirmed', entityKind: 'user', entityId: actor.userId, entityRef: null, detail: organisation,
    });
    return organisation;
  }

  async allows(right: Right, scope: TenantScope, actor: Actor, target: Target): Promise<boolean> {
    switch (right) {
      case 'member': return true;
      case 'coordinator': return this.isCoordinator(scope, actor.userId);
      case 'report.undo': return target.kind === 'report' && target.report.reporter.userId === actor.userId;
      case 'report.edit':
        if (target.kind !== 'report') return false;
        if (target.report.reporter.userId === actor.userId) return true;
        return this.memberOfAny(scope, actor, [target.report.organisation]);
      case 'report.work':
        return target.kind === 'report' && this.memberOfAny(scope, actor, participants(target.report));
      case 'hotspot.change':
        return target.kind === 'hotspot' && this.memberOfAny(scope, actor, [target.hotspot.ownerOrganisation]);
      case 'export.requester':
        // Still a coordinator: one who is no longer gets no fresh links from an old card.
        return target.kind === 'export' && target.export.userId === actor.userId && this.isCoordinator(scope, actor.userId);
      case 'est.assess':
        return target.kind === 'place' && ((await this.organisationOf(scope, actor)) !== null || this.isCoordinator(scope, actor.userId));
      case 'est.reporter':
        return target.kind === 'estWeek'
          && ((await this.store.est.isReporter(scope, actor.userId, target.organisation)) || this.isCoordinator(scope, actor.userId));
      case 'school.manage':
        if (target.kind !== 'school') return false;
        return isSchoolContact(target.school, actor.userId) || this.isCoordinator(scope, actor.userId);
      case 'mobilisation.answer':
        return target.kind === 'mobilisation' && recipientOf(target.callout, actor) !== null;
      case 'mobilisation.lead':
        if (target.kind !== 'mobilisation') return false;
        return target.callout.caller.userId === actor.userId || this.isCoordinator(scope, actor.userId);
      case 'commitment.status':
        return target.kind === 'commitment' && this.memberOfAny(scope, actor, target.commitment.organisations);
      case 'hotspot.start': {
        if (target.kind !== 'place') return false;
        const confirmed = (await this.organisationOf(scope, actor)) !== null;
        if (!confirmed) return false;
        return target.hotspot?.state === 'avslutad' ? this.isCoordinator(scope, actor.userId) : true;
      }
    }
  }

  /** Only a coordinator moves a report to another organisation. */
  async mayMoveReport(scope: TenantScope, actor: Actor, report: Report, organisation: Organisation): Promise<boolean> {
    return report.organisation === organisation || this.isCoordinator(scope, actor.userId);
  }

  /**
   * A confirmed member reports for their own organisation (unless a coordinator); an unconfirmed user
   * may report for any, and the report says the organisation is not confirmed.
   */
  async reportingOrganisation(scope: TenantScope, actor: Actor, organisation: Organisation): Promise<{ allowed: boolean; confirmed: boolean }> {
    const own = await this.organisationOf(scope, actor);
    if (own === null || own === organisation) return { allowed: true, confirmed: own === organisation };
    return { allowed: await this.isCoordinator(scope, actor.userId), confirmed: false };
  }

  private async memberOfAny(scope: TenantScope, actor: Actor, organisations: readonly Organisation[]): Promise<boolean> {
    const own = await this.organisationOf(scope, actor);
    if (own !== null && organisations.includes(own)) return true;
    return this.isCoordinator(scope, actor.userId);
  }
}

/**
 * The organisations whose confirmed members have buttons on the item's card that not everyone has:
 * `report.edit` and `report.work` on a report, `hotspot.change` on a hot spot.
 */
export function organisationsWithButtons(item: Extract<Target, { kind: 'report' } | { kind: 'hotspot' }>): Organisation[] {
  return item.kind === 'report' ? participants(item.report) : [item.hotspot.ownerOrganisation];
}

/** The organisations taking part in a report: the incident's, or all of an activity's. */
function participants(report: Report): Organisation[] {
  return report.kind === 'activity' ? [report.organisation, ...report.organisations] : [report.organisation];
}

const key = (tenantId: string, userId: string) => `${tenantId.toLowerCase()}/${userId.toLowerCase()}`;
