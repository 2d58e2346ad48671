import type { ConversationRecord } from '../../src/domain/conversation';
import type { NewReport } from '../../src/domain/ports/store.port';
import type { ActivityFields, IncidentFields, Person, ReportOrigin } from '../../src/domain/report';
import type { ChatScope, ReportScope, TenantScope } from '../../src/domain/scope';

// Builders for the store tests: complete, valid values that a test overrides where it cares.

export const T0 = new Date('2026-03-14T09:30:00.123Z');

export function at(secondsAfterT0: number): Date {
  return new Date(T0.getTime() + secondsAfterT0 * 1000);
}

/** Text that must come back exactly as written: Swedish letters, SQL and markup. */
export const TRICKY_TEXT = {
  swedish: 'Åsa Öberg såg glaskross vid Ängsvägen – ÅÄÖ åäö é ü',
  sqlInjection: "'); DROP TABLE incidents;--",
  quotes: `O'Brien "citat" \\ back\\slash; -- inte en kommentar /* inte heller */`,
  script: '<script>alert("x")</script> & <b>fet</b>',
  percentAndUnderscore: '100% _ [a] {b}',
};

export const reporter: Person = { userId: 'aad-user-1', name: 'Anna Ärlig' };
export const origin: ReportOrigin = { tenantId: 'tenant-1', conversationId: 'conversation-1' };
/** Who curates places and changes hot spots in the store tests, and when: what their audit rows name. */
export const curator = { actorId: 'aad-curator', now: T0 };

// Scopes: the tenant and conversation most tests work in, and the ones that must see none of it.
/** The tenant of `origin`. */
export const tenant: TenantScope = { tenantId: origin.tenantId };
/** Another tenant, with a conversation of the same id as `origin`'s: only the tenant tells them apart. */
export const otherTenantChat: ChatScope = { tenantId: 'tenant-2', conversationId: origin.conversationId };
export const otherTenant: TenantScope = { tenantId: otherTenantChat.tenantId };
/** Another conversation of the same tenant. */
export const otherChat: ChatScope = { tenantId: origin.tenantId, conversationId: 'conversation-2' };
/** A personal chat with the bot in which `userId` also sees the reports they made elsewhere in the tenant. */
export function personalScope(userId: string, tenantId = origin.tenantId): ReportScope {
  return { tenantId, conversationId: `a:personal-${userId}`, alsoReportedBy: userId };
}

export function incidentFields(placeId: string, overrides: Partial<IncidentFields> = {}): IncidentFields {
  return {
    occurredAt: new Date('2026-03-13T21:15:00.456Z'),
    placeId,
    placeName: 'Stora torget',
    category: 'skadegorelse_glaskross',
    description: 'Krossad ruta vid busskuren.',
    severity: 'medel',
    organisation: 'polisen',
    school: 'Björkskolan',
    youthInvolved: 4,
    policeReportNumber: '5000-K123456-26',
    schoolId: null,
    concernReported: null,
    ...overrides,
  };
}

export function activityFields(overrides: Partial<ActivityFields> = {}): ActivityFields {
  return {
    type: 'trygghetsvandring',
    date: '2026-03-12',
    placeId: null,
    placeName: null,
    organisation: 'kommunen',
    organisations: ['polisen', 'skola', 'kommunen'],
    notes: 'Gick runt centrum med föräldrar.',
    peopleMet: 12,
    followUpDate: '2026-04-02',
    schoolId: null,
    walkFindings: [],
    ...overrides,
  };
}

export function newReport<F>(fields: F, overrides: Partial<NewReport<F>> = {}): NewReport<F> {
  return { fields, reporter, origin, organisationConfirmed: false, refYear: 2026, now: T0, ...overrides };
}

export function conversationRecord(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    conversationId: '19:abc@thread.tacv2',
    tenantId: 'tenant-1',
    scope: 'channel',
    teamId: '19:team@thread.tacv2',
    channelId: '19:abc@thread.tacv2',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    reference: { bot: { id: '28:bot', name: 'Trygghetsboten' }, conversation: { id: '19:abc@thread.tacv2', name: 'Trygghet i Åby' } },
    installedAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/**
 * Instants either side of Stockholm midnights (winter UTC+1, summer UTC+2), a new year, and both DST
 * changes (the 23-hour 29 March and the 25-hour 25 October 2026), in pairs: the last millisecond of a
 * local day, then the first of the next (or the hour the clocks change).
 */
export const STOCKHOLM_EDGES = [
  '2025-12-31T22:59:59.999Z', '2025-12-31T23:00:00.000Z', '2026-01-31T22:59:59.999Z', '2026-01-31T23:00:00.000Z',
  '2026-03-28T22:59:59.999Z', '2026-03-28T23:00:00.000Z', '2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z',
  '2026-03-29T21:59:59.999Z', '2026-03-29T22:00:00.000Z', '2026-06-30T21:59:59.999Z', '2026-06-30T22:00:00.000Z',
  '2026-10-24T21:59:59.999Z', '2026-10-24T22:00:00.000Z', '2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00.000Z',
  '2026-10-25T22:59:59.999Z', '2026-10-25T23:00:00.000Z', '2025-03-30T01:00:00.000Z', '2025-10-26T00:30:00.000Z',
].map((iso) => new Date(iso));
