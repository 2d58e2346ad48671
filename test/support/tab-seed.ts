import type { ConversationRecord } from '../../src/domain/conversation';
import type { Store } from '../../src/domain/ports/store.port';
import type { IncidentCategory } from '../../src/domain/vocabulary';
import { incidentFields, newReport } from '../store/store-fixtures';

// A small town for the lägesbild tab's tests: places with coordinates (one without, one area with two
// places in it), incidents in two conversations of one tenant and in another tenant, and a hot spot.

export const TAB_TENANT = '11111111-1111-4111-8111-111111111111';
export const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
export const CHANNEL = '19:lagesbild@thread.tacv2';
export const OTHER_CHANNEL = '19:annan@thread.tacv2';
/** The other tenant's channel (a conversation id is Teams-wide: it is stored once, in its own tenant). */
export const OTHER_TENANT_CHANNEL = '19:annan-kommun@thread.tacv2';
/** "Now" of the tests: a Wednesday; the seeded incidents lie in the eight weeks before it. */
/** A school one old incident of the channel names in free text only. */
export const UNREGISTERED_SCHOOL = 'Västerskolan';
export const TAB_NOW = new Date('2026-03-18T12:00:00Z');

export interface SeededTown {
  /** The channel's incidents: ref → category, and how many have coordinates. */
  channel: { ref: string; category: IncidentCategory }[];
  withCoordinates: number;
  areaId: string;
  hotspotId: string;
  /** Ängsskolan of the school register, to which two of the channel's incidents are tied. */
  schoolId: string;
}

const day = (daysBefore: number, hour = 20) => new Date(TAB_NOW.getTime() - daysBefore * 86_400_000 + (hour - 12) * 3_600_000);

export async function seedTown(store: Store, serviceUrl = 'http://127.0.0.1:1/'): Promise<SeededTown> {
  const tenant = { tenantId: TAB_TENANT };
  const curator = { actorId: 'aad-curator', now: TAB_NOW };
  const place = async (name: string, lat: number | null, lon: number | null, parentId: string | null = null, tenantId = TAB_TENANT) => {
    const p = await store.places.findOrCreate({ tenantId }, name, TAB_NOW);
    await store.placeRegister.update({ tenantId }, { id: p.id, lat, lon, parentId }, curator);
    return p.id;
  };
  const centrum = await place('Centrum', 59.4275, 15.8410);
  const torget = await place('Stora torget', 59.4281, 15.8395, centrum);
  const station = await place('Stationen', 59.4262, 15.8440, centrum);
  const parken = await place('Kungsparken', 59.4310, 15.8300);
  const noCoordinates = await place('Gamla vägen', null, null);
  const skolan = await place('Ängsskolan', 59.4330, 15.8350);
  await store.placeRegister.update(tenant, { id: skolan, kind: 'skola' }, curator);

  const channel: SeededTown['channel'] = [];
  const report = async (placeId: string, placeName: string, category: IncidentCategory, daysBefore: number, where = { tenantId: TAB_TENANT, conversationId: CHANNEL }, school: string | null = null) => {
    const incident = await store.incidents.create(newReport(incidentFields(placeId, {
      placeName, category, occurredAt: day(daysBefore), school, description: 'Fritext som aldrig får synas i fliken.', youthInvolved: null,
    }), { origin: where, now: day(daysBefore, 21) }));
    if (where.conversationId === CHANNEL && where.tenantId === TAB_TENANT) channel.push({ ref: incident.ref, category });
  };
  await report(torget, 'Stora torget', 'skadegorelse_klotter', 2);
  await report(torget, 'Stora torget', 'skadegorelse_klotter', 9);
  await report(station, 'Stationen', 'skadegorelse_glaskross', 3);
  await report(station, 'Stationen', 'ordningsstorning', 16, undefined, 'Ängsskolan');
  await report(parken, 'Kungsparken', 'narkotika', 5);
  await report(parken, 'Kungsparken', 'skadegorelse_klotter', 23, undefined, 'Ängsskolan');
  // A school typed before the register, which the register does not hold: offered by its free-text name.
  await report(noCoordinates, 'Gamla vägen', 'brand', 4, undefined, UNREGISTERED_SCHOOL);
  // Not the channel's: another channel of the tenant, and another tenant's channel.
  await report(torget, 'Stora torget', 'hot_vald', 2, { tenantId: TAB_TENANT, conversationId: OTHER_CHANNEL });
  const elsewhere = await place('Stora torget', 59.4281, 15.8395, null, OTHER_TENANT);
  await report(elsewhere, 'Stora torget', 'hot_vald', 2, { tenantId: OTHER_TENANT, conversationId: OTHER_TENANT_CHANNEL }, 'Hemligskolan');
  // The register gets Ängsskolan after its incidents were reported: adding it ties them to its id.
  const registered = await store.schools.add(tenant, { name: 'Ängsskolan', stages: ['f-6'], placeId: skolan, contacts: [] }, curator);
  if (!registered.ok) throw new Error('school not added');

  const person = { userId: 'aad-owner', name: 'Ägare' };
  const spot = await store.hotspots.create({
    placeId: parken, ownerOrganisation: 'polisen', owner: person, createdBy: person,
    origin: { tenantId: TAB_TENANT, conversationId: CHANNEL }, now: day(10),
  });
  if (!spot.ok) throw new Error('hot spot not created');

  for (const [tenantId, conversationId, name] of [[TAB_TENANT, CHANNEL, 'Trygghet i Kungsör'], [TAB_TENANT, OTHER_CHANNEL, 'Annan kanal'], [OTHER_TENANT, OTHER_TENANT_CHANNEL, 'Annan kommun']] as const) {
    await store.conversations.save(conversation(tenantId, conversationId, name, serviceUrl));
  }
  return { channel, withCoordinates: channel.length - 1, areaId: centrum, hotspotId: spot.hotspot.id, schoolId: registered.school.id };
}

function conversation(tenantId: string, conversationId: string, name: string, serviceUrl: string): ConversationRecord {
  return {
    conversationId, tenantId, scope: 'channel', teamId: `${conversationId}-team`, channelId: conversationId, serviceUrl,
    reference: { bot: { id: '28:bot', name: 'Trygghetsboten' }, conversation: { id: conversationId, name }, serviceUrl, channelId: 'msteams' },
    installedAt: TAB_NOW, updatedAt: TAB_NOW,
  };
}
