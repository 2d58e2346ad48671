import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { BotHarness, cardOf, cardText, type InvokeAnswer } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, BERIT, type Speaker, type Where } from '../support/teams-activities';

// The product rule under test. The scope of an activity is its tenant (conversation.tenantId) and its
// conversation (channel, group chat, personal chat; a thread belongs to its channel).
//  - Reports belong to the conversation they were made in: their text, people and K-nummer show only there.
//  - Places, the place register, hot spots, coordinators and memberships belong to the tenant.
//  - Nothing of one tenant is ever visible, countable or changeable from another.
//  - A refusal or "not found" says nothing about its target: it reads exactly like the answer for an id
//    or a name that exists nowhere.
//
// Everything goes through HTTP, as Teams would send it: channel messages, personal-chat messages and card
// button presses (Action.Execute). The ids replayed are the ones the bot put on tenant A's cards. The SQLite
// file is only read (read-only connection), to see that nothing of tenant A changed.
//
// Three ways to see a leak, besides looking for A's distinctive texts, names, refs and K-nummer:
//  - Tenant B's answers are compared with those of a second bot where only B was ever seeded: B must read
//    the same whether or not A uses the bot (ids and reference numbers aside; the numbers have their own test).
//  - A button replayed with A's ids must answer as it does with ids that exist nowhere.
//  - A's rows (reports, hot spot, measures, place, other names, and whatever points at the place) are equal
//    before and after.
// In A's second channel only channel 1's reports are foreign: the tenant's places and hot spots, and a hot
// spot's timeline of the tenant's incidents, may show there; report text and K-nummer may not.

const TENANT_A = 'a0a0a0a0-1111-4111-8111-00000000000a';
const TENANT_B = 'b0b0b0b0-2222-4222-8222-00000000000b';

const COORD_A: Speaker = { aadObjectId: '0000000a-0000-4000-8000-0000000000c1', name: 'Astrid Arvidsson' };
const COORD_B: Speaker = { aadObjectId: '0000000b-0000-4000-8000-0000000000c2', name: 'Bertil Bengtsson' };
const BO: Speaker = { aadObjectId: '0000000b-0000-4000-8000-0000000000b0', name: 'Bo Berglund' };

const ENV = {
  COORDINATORS: `${TENANT_A}/${COORD_A.aadObjectId},${TENANT_B}/${COORD_B.aadObjectId}`,
  // Dozens of presses by one user in a second: the rate limit must not be what hides an answer.
  RATE_LIMIT_BURST: '10000',
  RATE_LIMIT_PER_MINUTE: '10000',
  SCHEDULER_CRON: 'off',
};

/** A conversation somebody speaks in; `from` is set per message. */
type Scope = Omit<Partial<Where>, 'from' | 'serviceUrl'>;

const channel = (tenantId: string, team: string, name: string): Scope => ({
  tenantId, teamId: `19:${team}@thread.tacv2`, channelId: `19:${name}@thread.tacv2`, channelName: name,
  conversationType: 'channel', conversationId: `19:${name}@thread.tacv2;messageid=1700000000000`,
});
const A_CHANNEL_1 = channel(TENANT_A, 'team-a', 'a-trygghet');
const A_CHANNEL_2 = channel(TENANT_A, 'team-a', 'a-skolor');
const B_CHANNEL_1 = channel(TENANT_B, 'team-b', 'b-trygghet');
/** A personal chat with the bot: its conversation id is the user's own (`a:1…`), no team or channel. */
const personal = (tenantId: string): Scope => ({ tenantId, conversationType: 'personal' });

/** Tenant A's distinctive data: none of it may ever reach tenant B. */
const A_DATA = {
  place: 'Glasbruket',
  alias: 'Glashyttan',
  description: 'Klotter vid Glasbruket A-hemlig',
  /** Two more incidents at the place this week, so that the place stands out in "hotspots förslag". */
  secondDescription: 'Glaskross vid Glasbruket A-hemlig',
  /** An incident in September, when the place was first reported. */
  oldDescription: 'Nedskräpning vid Glasbruket A-hemlig',
  kNumber: 'K765432-26',
  activityNotes: 'Trygghetsvandring A-aktivitet-hemlig',
  quickText: 'A-snabb-hemlig',
  analysis: 'A-analys-hemlig',
  measure: 'A-åtgärd-hemlig',
};
const B_DATA = { place: 'Kvarnen', description: 'Cykelstöld vid Kvarnen B-egen', quietPlace: 'Stationen', quietDescription: 'Skräp vid Stationen B-egen' };

interface ReportRef { kind: 'incident' | 'activity'; id: string; version: number; ref: string }
interface HotspotRef { id: string; version: number }

interface TenantASeed {
  incident: ReportRef;
  activity: ReportRef;
  /** The quick report ("hotspot Glasbruket klotter …"), still within its undo window. */
  quick: ReportRef;
  placeId: string;
  hotspot: HotspotRef;
  measureId: string;
}

interface TenantBSeed {
  incident: ReportRef;
  placeId: string;
  hotspot: HotspotRef;
  /** A place of B without a hot spot, so that a merge with A's place is not refused for having two. */
  quietPlaceId: string;
}

// ---------------------------------------------------------------------------------------------------------
// Reading cards
// ---------------------------------------------------------------------------------------------------------

/** The value of the choice titled `title` in any choice set of the card. */
function choiceValue(card: unknown, title: string): string {
  let value: string | undefined;
  JSON.stringify(card, (_k, v) => {
    if (v && typeof v === 'object' && v.title === title && typeof v.value === 'string' && value === undefined) value = v.value;
    return v;
  });
  if (!value) throw new Error(`no choice "${title}" on the card: ${cardText(card).slice(0, 600)}`);
  return value;
}

const firstCard = (messages: Record<string, any>[]): Record<string, any> => {
  assert.ok(messages.length > 0, 'the bot answered nothing');
  return cardOf(messages[0]!);
};

/** What a user can read of the bot's answers: the text and the cards, without the envelope. */
const visible = (messages: Record<string, any>[]) =>
  JSON.stringify(messages.map((m) => ({ text: m.text ?? null, cards: (m.attachments ?? []).map((a: any) => a.content ?? null) })));

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Ids, tokens and ports differ from one run to the next; they say nothing about the other tenant. */
const withoutIds = (text: string) => text
  .replace(UUID, '<id>')
  .replace(/\/exports\/[A-Za-z0-9_-]+\//g, '/exports/<token>/')
  .replace(/(localhost|127\.0\.0\.1):\d+/g, '$1:<port>');

/**
 * Also without reference numbers: they are counted across tenants today, which its own test below
 * reports; here they would hide every other difference.
 */
const withoutIdsOrRefs = (text: string) => withoutIds(text).replace(/\b[HA]-\d{4}-\d{4}\b/g, '<ref>');

/**
 * An answer ready to compare with another: ids (and, for `withoutIdsOrRefs`, refs) replaced, facts in a
 * fixed order (two audit entries of the same minute come in any order), one value a line for readable diffs.
 */
function comparable(json: string, normalise: (text: string) => string = withoutIdsOrRefs): string {
  const ordered = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(ordered);
    if (!v || typeof v !== 'object') return v;
    const o: Record<string, unknown> = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ordered(x)]));
    if (Array.isArray(o.facts)) o.facts = [...o.facts].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    return o;
  };
  return JSON.stringify(ordered(JSON.parse(normalise(json))), null, 1);
}

/**
 * Fails naming every one of `secrets` that the answer shows. `notA` is what the asker sees anyway, without
 * tenant A: what they typed or sent (a name in the command, a ref in the replayed data), the answer for ids
 * or names that exist nowhere, the answer of a bot where A never was. A secret found there is an echo or
 * the asker's own (B's reference numbers are counted apart from A's and may equal them), not a leak.
 */
function assertShowsNone(answer: string, secrets: Record<string, string>, what: string, notA = '') {
  const shown = Object.entries(secrets).filter(([, s]) => s && !notA.includes(s) && answer.includes(s));
  assert.deepEqual(shown.map(([label, s]) => `${label} "${s}"`), [], `${what} shows tenant A's data:\n${answer.slice(0, 3000)}`);
}

/** The reference numbers (H-…, A-…) a text shows. */
const refsIn = (text: string) => (text.match(/\b[HA]-\d{4}-\d{4}\b/g) ?? []).join(' ');

/** Everything of tenant A that tenant B must never see. */
function everythingOfA(a: TenantASeed): Record<string, string> {
  return {
    'any text of A (all hold "hemlig")': 'hemlig',
    'incident description': A_DATA.description,
    'activity notes': A_DATA.activityNotes,
    'quick report text': A_DATA.quickText,
    'K-nummer': A_DATA.kNumber,
    'hot spot analysis': A_DATA.analysis,
    'hot spot measure': A_DATA.measure,
    'place name': A_DATA.place,
    'place alias': A_DATA.alias,
    'incident ref': a.incident.ref,
    'quick report ref': a.quick.ref,
    'activity ref': a.activity.ref,
    'reporter name': ANNA.name,
    'coordinator name': COORD_A.name,
  };
}

/** What another conversation of the same tenant must not see of channel 1's reports. */
function reportsOfChannel1(a: TenantASeed, withRefs = true): Record<string, string> {
  return {
    'incident description': A_DATA.description,
    'second incident description': A_DATA.secondDescription,
    'September incident description': A_DATA.oldDescription,
    'activity notes': A_DATA.activityNotes,
    'quick report text': A_DATA.quickText,
    'K-nummer': A_DATA.kNumber,
    ...(withRefs ? { 'incident ref': a.incident.ref, 'quick report ref': a.quick.ref, 'activity ref': a.activity.ref } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Speaking and pressing
// ---------------------------------------------------------------------------------------------------------

const at = (scope: Scope, from: Speaker): Partial<Where> => ({ ...scope, from });

/** Presses a button of `card` as Teams does: the button's own data plus the card's inputs. */
async function pressButton(h: BotHarness, card: unknown, verb: string, inputs: Record<string, unknown>, where: Partial<Where>) {
  return h.press(verb, { ...inputs, ...button(card, verb).data }, where);
}

const reportRefOf = (card: Record<string, any>, kind: 'incident' | 'activity'): ReportRef => {
  const title = /(?:Händelse|Aktivitet) ([HA]-\d{4}-\d{4})/.exec(cardText(card));
  assert.ok(title, `no reference on the saved card: ${cardText(card).slice(0, 400)}`);
  const { id, version } = button(card, 'openEdit').data;
  assert.equal(typeof id, 'string');
  return { kind, id, version, ref: title[1]! };
};

const hotspotRefOf = (card: Record<string, any>): HotspotRef => {
  const { id, version } = button(card, 'hotspotOpenMeasure').data;
  return { id, version };
};

/** The confirmation a coordinator gets for `organisation polisen @name`. */
async function confirmMembership(h: BotHarness, scope: Scope, coordinator: Speaker, member: Speaker) {
  const card = firstCard(await h.say('organisation polisen', at(scope, coordinator), [member]));
  assert.match(cardText(card), new RegExp(`${member.name} tillhör nu Polisen`), `the coordinator could not confirm ${member.name}`);
}

/** Starts the hot spot of a place from its card in the register; answers the organisation question if asked. */
async function startHotspot(h: BotHarness, scope: Scope, who: Speaker, placeId: string, placeName: string) {
  const register = firstCard(await h.say('platser', at(scope, who)));
  const placeCard = await h.press('placeShow', button(register, 'placeShow', (d) => d.id === placeId).data, at(scope, who));
  assert.match(cardText(placeCard), new RegExp(`Plats: ${placeName}`));
  let card = await pressButton(h, placeCard, 'hotspotStart', {}, at(scope, who));
  if (/Vilken organisation äger hot spoten/.test(cardText(card))) card = await pressButton(h, card, 'hotspotStart', { organisation: 'polisen' }, at(scope, who));
  assert.match(cardText(card), new RegExp(`Hot spot: ${placeName}`), `the hot spot at ${placeName} was not started`);
  return card;
}

const incidentInputs = (o: { placeId?: string; newPlace?: string; description: string; kNumber?: string }) => ({
  date: '2026-11-24', time: '21:15', placeId: o.placeId ?? '', newPlace: o.newPlace ?? '', category: 'skadegorelse_klotter',
  description: o.description, severity: 'medel', organisation: 'polisen', school: '', youthInvolved: '3', policeReportNumber: o.kNumber ?? '',
});

const activityInputs = (o: { placeId: string; notes: string }) => ({
  type: 'trygghetsvandring', date: '2026-11-24', placeId: o.placeId, newPlace: '', organisation: 'polisen', organisations: 'kommunen',
  notes: o.notes, peopleMet: '7', followUpDate: '',
});

// ---------------------------------------------------------------------------------------------------------
// Seeding, through the real cards
// ---------------------------------------------------------------------------------------------------------

/**
 * Tenant A, channel 1: Anna reports an incident on the card and an activity, makes a quick report, the
 * coordinator confirms her as police and names the place's other name, and Anna runs a hot spot at the
 * place up to its measures. Every step is checked; every id is read off the bot's cards.
 */
async function seedTenantA(h: BotHarness): Promise<TenantASeed> {
  const anna = at(A_CHANNEL_1, ANNA);
  const coordinator = at(A_CHANNEL_1, COORD_A);

  // The place has been known since September, with one incident then: a quiet baseline for the
  // emerging-hot-spot rule, against which this week's incidents stand out.
  const today = h.clock.current;
  h.clock.current = new Date('2026-09-02T08:00:00Z');
  const oldForm = firstCard(await h.say('rapportera', anna));
  const old = await pressButton(h, oldForm, 'submitIncident', {
    ...incidentInputs({ newPlace: A_DATA.place, description: A_DATA.oldDescription }), date: '2026-09-01', time: '22:00',
  }, anna);
  assert.match(cardText(old), /Sparad/, `the September incident was not saved: ${cardText(old).slice(0, 600)}`);
  h.clock.current = today;

  const form = firstCard(await h.say('rapportera', anna));
  const saved = await pressButton(h, form, 'submitIncident', incidentInputs({ placeId: choiceValue(form, A_DATA.place), description: A_DATA.description, kNumber: A_DATA.kNumber }), anna);
  assert.match(cardText(saved), /Sparad/, `the incident was not saved: ${cardText(saved).slice(0, 600)}`);
  assert.match(cardText(saved), new RegExp(A_DATA.kNumber));
  const incident = reportRefOf(saved, 'incident');

  await confirmMembership(h, A_CHANNEL_1, COORD_A, ANNA);

  for (const time of ['08:00', '09:00']) {
    const moreForm = firstCard(await h.say('rapportera', anna));
    const more = await pressButton(h, moreForm, 'submitIncident', {
      ...incidentInputs({ placeId: choiceValue(moreForm, A_DATA.place), description: A_DATA.secondDescription }), date: '2026-11-25', time,
    }, anna);
    assert.match(cardText(more), /Sparad/, `another incident was not saved: ${cardText(more).slice(0, 600)}`);
  }

  const activityForm = firstCard(await h.say('aktivitet', anna));
  const placeId = choiceValue(activityForm, A_DATA.place);
  const activityCard = await pressButton(h, activityForm, 'submitActivity', activityInputs({ placeId, notes: A_DATA.activityNotes }), anna);
  assert.match(cardText(activityCard), /Sparad/, `the activity was not saved: ${cardText(activityCard).slice(0, 600)}`);
  assert.match(cardText(activityCard), new RegExp(A_DATA.place));
  const activity = reportRefOf(activityCard, 'activity');

  const quickCard = firstCard(await h.say(`hotspot ${A_DATA.place} klotter ${A_DATA.quickText}`, anna));
  const quickRef = /Händelse ([HA]-\d{4}-\d{4}) sparad/.exec(cardText(quickCard));
  assert.ok(quickRef, `the quick report was not saved: ${cardText(quickCard).slice(0, 600)}`);
  const undo = button(quickCard, 'hotspotUndo').data;
  const quick: ReportRef = { kind: 'incident', id: undo.id, version: undo.version, ref: quickRef[1]! };

  const register = firstCard(await h.say('platser', coordinator));
  const placeCard = await h.press('placeShow', button(register, 'placeShow', (d) => d.id === placeId).data, coordinator);
  const named = await pressButton(h, placeCard, 'placeSave', { name: A_DATA.place, kind: 'torg', lat: '', lon: '', parentId: 'none', alias: A_DATA.alias }, coordinator);
  assert.match(cardText(named), new RegExp(A_DATA.alias), `the coordinator could not add the other name: ${cardText(named).slice(0, 600)}`);

  let hotspot = await startHotspot(h, A_CHANNEL_1, ANNA, placeId, A_DATA.place);
  hotspot = await pressButton(h, hotspot, 'hotspotNext', {}, anna);
  assert.match(cardText(hotspot), /Analyseras/);
  const analysisForm = await pressButton(h, hotspot, 'hotspotOpenAnalysis', {}, anna);
  hotspot = await pressButton(h, analysisForm, 'hotspotSaveAnalysis', { who: 'Unga vuxna', what: 'Klotter', when: 'Helgnätter', why: A_DATA.analysis }, anna);
  assert.match(cardText(hotspot), new RegExp(A_DATA.analysis));
  hotspot = await pressButton(h, hotspot, 'hotspotNext', {}, anna);
  assert.match(cardText(hotspot), /Åtgärdas/);
  const measureForm = await pressButton(h, hotspot, 'hotspotOpenMeasure', {}, anna);
  hotspot = await pressButton(h, measureForm, 'hotspotAddMeasure', { what: A_DATA.measure, organisation: 'polisen', dueDate: '2026-12-10' }, anna);
  assert.match(cardText(hotspot), new RegExp(A_DATA.measure));
  const followUpForm = await pressButton(h, hotspot, 'hotspotOpenFollowUp', {}, anna);
  hotspot = await pressButton(h, followUpForm, 'hotspotSetFollowUp', { followUpDate: '2026-12-23' }, anna);
  assert.match(cardText(hotspot), /23 dec/);
  const measureId = String(button(hotspot, 'hotspotMeasureDone').data.measureId);

  // What B must not see, A sees: the place stands out, and the register, the hot spots and the list show it.
  const proposals = cardText(firstCard(await h.say('hotspots förslag', anna)));
  assert.match(proposals, new RegExp(`${A_DATA.place} – `), `the place does not stand out in tenant A: ${proposals.slice(0, 800)}`);
  assert.match(cardText(firstCard(await h.say('hotspots', anna))), new RegExp(A_DATA.place));
  assert.match(cardText(firstCard(await h.say('senaste', anna))), new RegExp(incident.ref));

  return { incident, activity, quick, placeId, hotspot: hotspotRefOf(hotspot), measureId };
}

/**
 * Tenant B, channel 1: Bo reports at Kvarnen and at Stationen, B's coordinator confirms him as police, Bo
 * starts a hot spot at Kvarnen.
 */
async function seedTenantB(h: BotHarness): Promise<TenantBSeed> {
  const bo = at(B_CHANNEL_1, BO);
  const form = firstCard(await h.say('rapportera', bo));
  const saved = await pressButton(h, form, 'submitIncident', incidentInputs({ newPlace: B_DATA.place, description: B_DATA.description }), bo);
  assert.match(cardText(saved), /Sparad/, `B's incident was not saved: ${cardText(saved).slice(0, 600)}`);
  const incident = reportRefOf(saved, 'incident');
  const quietForm = firstCard(await h.say('rapportera', bo));
  const quiet = await pressButton(h, quietForm, 'submitIncident', incidentInputs({ newPlace: B_DATA.quietPlace, description: B_DATA.quietDescription }), bo);
  assert.match(cardText(quiet), /Sparad/, `B's second incident was not saved: ${cardText(quiet).slice(0, 600)}`);
  await confirmMembership(h, B_CHANNEL_1, COORD_B, BO);
  const activityForm = firstCard(await h.say('aktivitet', bo));
  const placeId = choiceValue(activityForm, B_DATA.place);
  const quietPlaceId = choiceValue(activityForm, B_DATA.quietPlace);
  const hotspot = await startHotspot(h, B_CHANNEL_1, BO, placeId, B_DATA.place);
  return { incident, placeId, hotspot: hotspotRefOf(hotspot), quietPlaceId };
}

interface World {
  h: BotHarness;
  a: TenantASeed;
  b: TenantBSeed;
}

/** One running bot; tenant A seeded first (unless `withoutA`), then tenant B. */
async function startWorld(started: BotHarness[], withoutA = false): Promise<{ h: BotHarness; a: TenantASeed | null; b: TenantBSeed }> {
  const h = new BotHarness();
  started.push(h);
  await h.start(ENV);
  const a = withoutA ? null : await seedTenantA(h);
  const b = await seedTenantB(h);
  return { h, a, b };
}

// ---------------------------------------------------------------------------------------------------------
// Tenant A's rows, read from the SQLite file
// ---------------------------------------------------------------------------------------------------------

/** Every row of tenant A's reports, hot spot, measures and place, and everything that points at the place. */
function rowsOfA(h: BotHarness, a: TenantASeed) {
  return h.readDatabase((db) => {
    const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
    return {
      incidents: all('SELECT * FROM incidents WHERE id IN (?, ?) OR place_id = ? ORDER BY id', a.incident.id, a.quick.id, a.placeId),
      activities: all('SELECT * FROM activities WHERE id = ? OR place_id = ? ORDER BY id', a.activity.id, a.placeId),
      activity_organisations: all('SELECT * FROM activity_organisations WHERE activity_id = ? ORDER BY organisation', a.activity.id),
      hotspots: all('SELECT * FROM hotspots WHERE id = ? OR place_id = ? ORDER BY id', a.hotspot.id, a.placeId),
      hotspot_measures: all('SELECT * FROM hotspot_measures WHERE hotspot_id = ? OR id = ? ORDER BY id', a.hotspot.id, a.measureId),
      places: all('SELECT * FROM places WHERE id = ? OR parent_id = ? ORDER BY id', a.placeId, a.placeId),
      place_aliases: all('SELECT * FROM place_aliases WHERE place_id = ? ORDER BY alias_key', a.placeId),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Replays: card verbs with tenant A's real ids
// ---------------------------------------------------------------------------------------------------------

type Data = Record<string, unknown>;

interface Replay {
  /** How the test names it. */
  name: string;
  verb: string;
  data: (a: TenantASeed, b: TenantBSeed) => Data;
  /** Who presses: the place's actor (default) or its reporter. */
  by?: 'reporter';
}

const reportKey = (r: ReportRef) => ({ kind: r.kind, id: r.id, version: r.version });

/** Verbs that act on one of channel 1's reports. */
const REPORT_REPLAYS: Replay[] = [
  { name: 'showReport of the incident', verb: 'showReport', data: (a) => ({ kind: 'incident', id: a.incident.id }) },
  { name: 'showReport of the activity', verb: 'showReport', data: (a) => ({ kind: 'activity', id: a.activity.id }) },
  { name: 'openEdit of the incident', verb: 'openEdit', data: (a) => reportKey(a.incident) },
  { name: 'openEdit of the activity', verb: 'openEdit', data: (a) => reportKey(a.activity) },
  { name: 'setStatus of the incident', verb: 'setStatus', data: (a) => ({ ...reportKey(a.incident), status: 'hanteras' }) },
  { name: 'setStatus of the activity', verb: 'setStatus', data: (a) => ({ ...reportKey(a.activity), status: 'hanteras' }) },
  { name: 'assignToMe of the incident', verb: 'assignToMe', data: (a) => reportKey(a.incident) },
  { name: 'assignToMe of the activity', verb: 'assignToMe', data: (a) => reportKey(a.activity) },
  {
    name: 'saveIncidentEdit of the incident', verb: 'saveIncidentEdit',
    data: (a) => ({ ...incidentInputs({ placeId: a.placeId, description: 'Överskrivet utifrån' }), ...reportKey(a.incident), ref: a.incident.ref }),
  },
  {
    name: 'saveActivityEdit of the activity', verb: 'saveActivityEdit',
    data: (a) => ({ ...activityInputs({ placeId: a.placeId, notes: 'Överskrivet utifrån' }), ...reportKey(a.activity), ref: a.activity.ref }),
  },
  { name: 'hotspotUndo of the quick report', verb: 'hotspotUndo', data: (a) => ({ id: a.quick.id, version: a.quick.version }), by: 'reporter' },
];

const hotspotKey = (a: TenantASeed) => ({ id: a.hotspot.id, version: a.hotspot.version });

/** Verbs that act on the tenant's hot spot and place register (tenant B must reach none of A's). */
const TENANT_REPLAYS: Replay[] = [
  { name: 'hotspotShow', verb: 'hotspotShow', data: (a) => ({ id: a.hotspot.id }) },
  { name: 'hotspotNext', verb: 'hotspotNext', data: hotspotKey },
  { name: 'hotspotOpenMeasure', verb: 'hotspotOpenMeasure', data: hotspotKey },
  { name: 'hotspotAddMeasure', verb: 'hotspotAddMeasure', data: (a) => ({ ...hotspotKey(a), what: 'Åtgärd utifrån', organisation: 'polisen', dueDate: '2026-12-20' }) },
  { name: 'hotspotMeasureDone', verb: 'hotspotMeasureDone', data: (a) => ({ ...hotspotKey(a), measureId: a.measureId }) },
  {
    name: "hotspotMeasureDone on B's own hot spot naming A's measure", verb: 'hotspotMeasureDone',
    data: (a, b) => ({ id: b.hotspot.id, version: b.hotspot.version, measureId: a.measureId }),
  },
  { name: 'hotspotOpenFollowUp', verb: 'hotspotOpenFollowUp', data: hotspotKey },
  { name: 'hotspotSetFollowUp', verb: 'hotspotSetFollowUp', data: (a) => ({ ...hotspotKey(a), followUpDate: '2027-01-15' }) },
  { name: 'hotspotOpenAnalysis', verb: 'hotspotOpenAnalysis', data: hotspotKey },
  { name: 'hotspotSaveAnalysis', verb: 'hotspotSaveAnalysis', data: (a) => ({ ...hotspotKey(a), who: 'x', what: 'x', when: 'x', why: 'Analys utifrån' }) },
  { name: "hotspotStart at A's place", verb: 'hotspotStart', data: (a) => ({ placeId: a.placeId }) },
  { name: "hotspotStart at A's place naming an organisation", verb: 'hotspotStart', data: (a) => ({ placeId: a.placeId, organisation: 'polisen' }) },
  { name: "hotspotLogVisit at A's place", verb: 'hotspotLogVisit', data: (a) => ({ placeId: a.placeId }) },
  { name: 'placeShow', verb: 'placeShow', data: (a) => ({ id: a.placeId }) },
  {
    name: 'placeSave', verb: 'placeSave',
    data: (a) => ({ id: a.placeId, name: 'Omdöpt utifrån', kind: 'park', lat: '59.42', lon: '16.10', parentId: 'none', alias: 'utifrån' }),
  },
  { name: "placeMerge of A's place into B's", verb: 'placeMerge', data: (a, b) => ({ id: b.quietPlaceId, mergeId: a.placeId }) },
  { name: "placeMerge of B's place into A's", verb: 'placeMerge', data: (a, b) => ({ id: a.placeId, mergeId: b.quietPlaceId }) },
  { name: "submitIncident at A's place", verb: 'submitIncident', data: (a) => incidentInputs({ placeId: a.placeId, description: 'Ny händelse utifrån' }) },
  { name: "submitActivity at A's place", verb: 'submitActivity', data: (a) => activityInputs({ placeId: a.placeId, notes: 'Ny aktivitet utifrån' }) },
  {
    name: "hotspotQuickSave at A's place", verb: 'hotspotQuickSave',
    data: (a) => ({ placeId: a.placeId, typedPlace: 'glasbr', category: 'skadegorelse_klotter', organisation: 'polisen', description: 'Snabbt utifrån' }),
  },
  {
    name: "saveIncidentEdit moving B's own incident to A's place", verb: 'saveIncidentEdit',
    data: (a, b) => ({ ...incidentInputs({ placeId: a.placeId, description: B_DATA.description }), ...reportKey(b.incident), ref: b.incident.ref }),
  },
];

/** The same seed with the given ids of tenant A replaced by ids that exist nowhere. */
function unknownIds(a: TenantASeed, which: 'reports' | 'everything'): TenantASeed {
  const reports = { incident: { ...a.incident, id: randomUUID() }, activity: { ...a.activity, id: randomUUID() }, quick: { ...a.quick, id: randomUUID() } };
  if (which === 'reports') return { ...a, ...reports };
  return { ...reports, placeId: randomUUID(), hotspot: { ...a.hotspot, id: randomUUID() }, measureId: randomUUID() };
}

function assertAnsweredWithCard(answer: InvokeAnswer, what: string) {
  const body = answer.body as { statusCode?: number; type?: string };
  assert.equal(answer.status, 200, `${what}: HTTP ${answer.status} ${answer.text.slice(0, 400)}`);
  assert.equal(body.statusCode, 200, `${what}: invoke status ${body.statusCode} ${answer.text.slice(0, 400)}`);
  assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', `${what}: ${answer.text.slice(0, 400)}`);
  assert.doesNotMatch(answer.text, /väldigt många/, `${what}: the rate limit answered, not the verb`);
}

/** The card of an invoke answer, as the user sees it. */
const shownCard = (answer: InvokeAnswer) => JSON.stringify((answer.body as { value?: unknown }).value ?? null);

interface ReplayPlace {
  /** "tenant B's channel" */
  label: string;
  scope: Scope;
  /** Who presses the buttons; `reporter` presses those only a reporter may (ångra). */
  actor: Speaker;
  reporter: Speaker;
  /** Which of A's ids count as unknown here: all in another tenant, only the reports in A's other channel. */
  foreign: 'reports' | 'everything';
  secrets: (a: TenantASeed) => Record<string, string>;
}

/**
 * B's own hot spot and incident as they are now: a replay that names them (next to one of A's ids) must
 * carry their current versions, or the answer would be a conflict for reasons of its own.
 */
async function currentB(h: BotHarness, b: TenantBSeed): Promise<TenantBSeed> {
  const bo = at(B_CHANNEL_1, BO);
  const hotspot = hotspotRefOf(await h.press('hotspotShow', { id: b.hotspot.id }, bo));
  const report = await h.press('showReport', { kind: 'incident', id: b.incident.id }, bo);
  return { ...b, hotspot, incident: { ...b.incident, version: Number(button(report, 'openEdit').data.version) } };
}

/**
 * Presses `replay` with A's real ids and, first, with ids that exist nowhere. The two answers must read
 * alike (ids aside), show nothing of A, and A's rows must be as they were.
 */
async function replayFrom(world: World, place: ReplayPlace, replay: Replay) {
  const { h, a, b } = world;
  const who = at(place.scope, replay.by === 'reporter' ? place.reporter : place.actor);
  const before = rowsOfA(h, a);
  const unknown = await h.invoke(replay.verb, replay.data(unknownIds(a, place.foreign), await currentB(h, b)), who);
  const data = replay.data(a, await currentB(h, b));
  const sent = JSON.stringify(data);
  const real = await h.invoke(replay.verb, data, who);
  assertAnsweredWithCard(unknown, `${replay.verb} with unknown ids`);
  assertAnsweredWithCard(real, `${replay.verb} with A's ids`);
  // B's own reference numbers may equal A's; they show in the answer for unknown ids too.
  assertShowsNone(real.text, place.secrets(a), `${replay.verb} from ${place.label}`, sent + refsIn(unknown.text));
  assert.deepEqual(rowsOfA(h, a), before, `${replay.verb} from ${place.label} changed tenant A's rows`);
  // Versions aside too: a replay naming B's own hot spot may move its version, once for each press.
  const withoutVersions = (text: string) => withoutIds(text).replace(/"version":\d+/g, '"version":0');
  assert.equal(comparable(shownCard(real), withoutVersions), comparable(shownCard(unknown), withoutVersions),
    `${replay.verb} from ${place.label} answers differently for A's ids than for ids that exist nowhere`);
}

// ---------------------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------------------

describe('When two municipalities share one running bot …', function () {
  this.timeout(120_000);

  describe('… and tenant B reads', () => {
    const started: BotHarness[] = [];
    /** A and B on one bot. */
    let shared: World;
    /** B alone on its own bot, seeded the same way: what B must see whatever A does. */
    let alone: { h: BotHarness; b: TenantBSeed };

    before(async () => {
      const s = await startWorld(started);
      shared = { h: s.h, a: s.a!, b: s.b };
      alone = await startWorld(started, true);
    });
    after(async () => { await Promise.all(started.map((h) => h.stop())); });

    const places: { label: string; scope: Scope }[] = [
      { label: "tenant B's channel", scope: B_CHANNEL_1 },
      { label: 'a personal chat in tenant B', scope: personal(TENANT_B) },
    ];
    const reads: { words: string; who: Speaker }[] = [
      { words: 'senaste', who: BO },
      { words: 'lägesbild', who: BO },
      { words: 'hotspots', who: BO },
      { words: 'hotspots förslag', who: BO },
      { words: 'platser', who: COORD_B },
      { words: 'platser glas', who: COORD_B },
      { words: `hotspot visa ${A_DATA.place}`, who: BO },
      { words: `hotspot visa ${A_DATA.alias}`, who: BO },
      { words: 'rapportera', who: BO },
      { words: 'aktivitet', who: BO },
      { words: 'hotspot', who: BO },
      { words: 'logg', who: COORD_B },
    ];

    for (const place of places) {
      for (const read of reads) {
        it(`When ${read.who.name} writes "${read.words}" in ${place.label}, then the answer is the one B would get if tenant A had never used the bot`, async () => {
          const withA = await shared.h.say(read.words, at(place.scope, read.who));
          const withoutA = await alone.h.say(read.words, at(place.scope, read.who));
          assert.ok(withA.length > 0 && withoutA.length > 0, 'the bot answered nothing');
          assertShowsNone(visible(withA), everythingOfA(shared.a), `"${read.words}" in ${place.label}`, read.words + visible(withoutA));
          assert.equal(comparable(visible(withA)), comparable(visible(withoutA)),
            `"${read.words}" in ${place.label} reads differently because tenant A uses the same bot`);
        });
      }

      it(`When B's coordinator exports this week in ${place.label}, then the card and both downloads hold only B's reports`, async () => {
        const exported = async (h: BotHarness) => {
          const messages = await h.say('export denna vecka', at(place.scope, COORD_B));
          // The links are on the requester's own view of the card (its refresh), never in the channel.
          const card = await h.refresh(firstCard(messages), at(place.scope, COORD_B));
          const urls = cardText(card).match(/https?:\/\/[^"]+\/exports\/[A-Za-z0-9_-]+\/[a-z.]+/g) ?? [];
          assert.equal(urls.length, 2, `the export card has no two links: ${cardText(card).slice(0, 600)}`);
          const files = await Promise.all(urls.map(async (url) => {
            const res = await h.download(url);
            assert.equal(res.status, 200, `download ${url}`);
            if (!url.endsWith('.zip')) return res.text();
            // The zip's CSV files (incidents, activities, hot spots, measures, effect) as one text.
            const zip = await JSZip.loadAsync(await res.arrayBuffer());
            return (await Promise.all(Object.keys(zip.files).sort().map(async (name) => `${name}\n${await zip.file(name)!.async('string')}`))).join('\n');
          }));
          return { card: visible([...messages, { attachments: [{ content: card }] }]), files };
        };
        const withA = await exported(shared.h);
        const withoutA = await exported(alone.h);
        const shown = [['the export card', withA.card, withoutA.card], ['the CSV files', withA.files[0]!, withoutA.files[0]!], ['the printable report', withA.files[1]!, withoutA.files[1]!]];
        for (const [what, text, textWithoutA] of shown) assertShowsNone(text!, everythingOfA(shared.a), `${what} exported in ${place.label}`, textWithoutA);
        if (place.scope === B_CHANNEL_1) assert.match(withA.files[0]!, new RegExp(B_DATA.description), "B's own incident is in the channel's export");
        assert.equal(comparable(withA.card), comparable(withoutA.card), 'the export card differs because tenant A uses the same bot');
        assert.equal(withoutIdsOrRefs(withA.files[0]!), withoutIdsOrRefs(withoutA.files[0]!), 'the CSV differs because tenant A uses the same bot');
        assert.equal(withoutIdsOrRefs(withA.files[1]!), withoutIdsOrRefs(withoutA.files[1]!), 'the printable report differs because tenant A uses the same bot');
      });
    }

    it("When tenant B makes its first report, then its reference number does not count tenant A's reports", () => {
      assert.equal(shared.b.incident.ref, alone.b.incident.ref,
        `B's first incident is ${shared.b.incident.ref} next to tenant A, ${alone.b.incident.ref} alone: the number tells B how many reports A made`);
    });
  });

  describe("… and tenant A's second channel reads", () => {
    const started: BotHarness[] = [];
    let world: World;
    before(async () => {
      const s = await startWorld(started);
      world = { h: s.h, a: s.a!, b: s.b };
    });
    after(async () => { await Promise.all(started.map((h) => h.stop())); });

    const say = (words: string, who: Speaker = COORD_A) => world.h.say(words, at(A_CHANNEL_2, who));

    it("When A's coordinator writes \"senaste\" in channel 2, then none of channel 1's reports is listed", async () => {
      const answer = visible(await say('senaste'));
      assertShowsNone(answer, reportsOfChannel1(world.a), '"senaste" in channel 2');
      assert.match(answer, /Inga rapporter än/);
    });

    it('When A\'s coordinator asks for the lägesbild in channel 2, then it counts none of channel 1\'s reports', async () => {
      const answer = visible(await say('lägesbild'));
      assertShowsNone(answer, reportsOfChannel1(world.a), '"lägesbild" in channel 2');
      assert.match(answer, /Inga händelser/, `the lägesbild of channel 2 counts incidents: ${answer.slice(0, 2000)}`);
      assert.doesNotMatch(answer, /\b[1-9]\d* händelse/);
    });

    it("When A's coordinator exports this week in channel 2, then the CSV has no rows and the report none of channel 1's", async () => {
      const card = await world.h.refresh(firstCard(await say('export denna vecka')), at(A_CHANNEL_2, COORD_A));
      const urls = cardText(card).match(/https?:\/\/[^"]+\/exports\/[A-Za-z0-9_-]+\/[a-z.]+/g) ?? [];
      assert.equal(urls.length, 2, `the export card has no two links: ${cardText(card).slice(0, 600)}`);
      const [csv, html] = await Promise.all(urls.map(async (url) => {
        const res = await world.h.download(url);
        assert.equal(res.status, 200);
        return res.text();
      }));
      assertShowsNone(csv!, reportsOfChannel1(world.a), 'the CSV exported in channel 2');
      assertShowsNone(html!, reportsOfChannel1(world.a), 'the printable report exported in channel 2');
      assert.deepEqual(csv!.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).length, 1, `the CSV has rows: ${csv}`);
    });

    it("When someone in channel 2 opens the tenant's hot spot, then they see it, but no report text or K-nummer of channel 1", async () => {
      const answer = visible(await say(`hotspot visa ${A_DATA.place}`, BERIT));
      assert.match(answer, new RegExp(`Hot spot: ${A_DATA.place}`), 'hot spots belong to the tenant');
      assert.match(answer, new RegExp(A_DATA.analysis), "the hot spot's analysis belongs to the tenant");
      assertShowsNone(answer, reportsOfChannel1(world.a, false), `"hotspot visa" in channel 2`);
    });

    for (const words of ['hotspots', 'hotspots förslag', 'platser', 'logg', 'rapportera', 'aktivitet']) {
      it(`When A's coordinator writes "${words}" in channel 2, then no report text or K-nummer of channel 1 shows`, async () => {
        assertShowsNone(visible(await say(words)), reportsOfChannel1(world.a, false), `"${words}" in channel 2`);
      });
    }
  });

  describe('… and people open a personal chat with the bot', () => {
    const started: BotHarness[] = [];
    let world: World;
    before(async () => {
      const s = await startWorld(started);
      world = { h: s.h, a: s.a!, b: s.b };
    });
    after(async () => { await Promise.all(started.map((h) => h.stop())); });

    it('When Anna writes "senaste" in her personal chat in tenant A, then she sees the report she made in channel 1 and can open it', async () => {
      const me = at(personal(TENANT_A), ANNA);
      const list = firstCard(await world.h.say('senaste', me));
      assert.match(cardText(list), new RegExp(world.a.incident.ref), `her own report is not listed: ${cardText(list).slice(0, 1000)}`);
      const open = button(list, 'showReport', (d) => d.id === world.a.incident.id);
      const report = await world.h.press('showReport', open.data, me);
      assert.match(cardText(report), new RegExp(A_DATA.description));
      assert.match(cardText(report), new RegExp(A_DATA.kNumber));
    });

    it('When Berit, of the same tenant, writes "senaste" in her personal chat, then none of Anna\'s reports shows', async () => {
      const answer = visible(await world.h.say('senaste', at(personal(TENANT_A), BERIT)));
      assertShowsNone(answer, reportsOfChannel1(world.a), "Berit's personal chat");
    });

    it('When the same user id writes "senaste" in a personal chat in tenant B, then nothing of tenant A shows', async () => {
      const answer = visible(await world.h.say('senaste', at(personal(TENANT_B), ANNA)));
      assertShowsNone(answer, reportsOfChannel1(world.a), "Anna's id in a personal chat of tenant B", ANNA.name);
    });
  });

  describe("… and someone replays tenant A's card buttons elsewhere", () => {
    const started: BotHarness[] = [];
    let world: World;
    beforeEach(async () => {
      const s = await startWorld(started);
      world = { h: s.h, a: s.a!, b: s.b };
    });
    afterEach(async () => { await Promise.all(started.splice(0).map((h) => h.stop())); });

    const elsewhere: { place: ReplayPlace; replays: Replay[] }[] = [
      {
        place: { label: "tenant B's channel", scope: B_CHANNEL_1, actor: COORD_B, reporter: BO, foreign: 'everything', secrets: everythingOfA },
        replays: [...REPORT_REPLAYS, ...TENANT_REPLAYS],
      },
      {
        place: { label: 'a personal chat in tenant B', scope: personal(TENANT_B), actor: BO, reporter: BO, foreign: 'everything', secrets: everythingOfA },
        replays: [...REPORT_REPLAYS, ...TENANT_REPLAYS.filter((r) => ['hotspotShow', 'hotspotNext', 'placeShow', 'placeSave', 'hotspotStart'].includes(r.verb))],
      },
      {
        // Within tenant A the coordinator may do anything, and Anna may undo her own report: only the
        // conversation stands between them and channel 1's reports.
        place: { label: "tenant A's channel 2", scope: A_CHANNEL_2, actor: COORD_A, reporter: ANNA, foreign: 'reports', secrets: (a) => reportsOfChannel1(a) },
        replays: REPORT_REPLAYS,
      },
    ];

    for (const { place, replays } of elsewhere) {
      for (const replay of replays) {
        const presser = replay.by === 'reporter' ? place.reporter : place.actor;
        it(`When ${presser.name} replays ${replay.name} with A's ids in ${place.label}, then the answer reads as for an unknown id and A's rows are unchanged`, async () => {
          await replayFrom(world, place, replay);
        });
      }
    }

    it(`When Bo types "hotspot ${A_DATA.place} klotter …" in tenant B, then A's place is not recognised and nothing is saved there`, async () => {
      const { h, a } = world;
      const before = rowsOfA(h, a);
      const elsewhereName = 'Ödetomten';
      const known = await h.say(`hotspot ${A_DATA.place} klotter vid porten`, at(B_CHANNEL_1, BO));
      const unknown = await h.say(`hotspot ${elsewhereName} klotter vid porten`, at(B_CHANNEL_1, BO));
      assertShowsNone(visible(known), everythingOfA(a), `"hotspot ${A_DATA.place} …" in tenant B`, A_DATA.place + refsIn(visible(unknown)));
      assert.deepEqual(rowsOfA(h, a), before, "the quick report changed tenant A's rows");
      assert.equal(comparable(visible(known)).replaceAll(A_DATA.place, elsewhereName), comparable(visible(unknown)),
        `"hotspot ${A_DATA.place} …" in tenant B answers as if the place were known`);
    });
  });
});
