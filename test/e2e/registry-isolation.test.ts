import assert from 'node:assert/strict';
import { RIGHTS } from '../../src/domain/access-policy';
import { messages } from '../../src/i18n/messages';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button, buttons } from '../support/card-buttons';
import { ANNA, BERIT, CHANNEL, TENANT, type Speaker, type Where } from '../support/teams-activities';

// Generated from the registry: every card verb and every command of the running bot is tried from
// another tenant, from another channel of the same tenant and by a member without the right, with real
// ids taken from real cards. A verb or command added later without a fixture here fails the first test.

const TENANT_B = '0b0b0b0b-1111-4222-8333-444455556666';
const CHANNEL_2 = '19:second-channel@thread.tacv2';
const CHANNEL_B = '19:b-channel@thread.tacv2';
const BODIL: Speaker = { aadObjectId: '00000000-0000-0000-0000-0000000b0d11', name: 'Bodil Bengtsson' };
/** On the seeded school's call list: the one a call-out calls. */
const CALLED: Speaker = { aadObjectId: '00000000-0000-0000-0000-0000000ca11e', name: 'Cilla Larmad' };

const SECRETS = {
  description: 'Fönsterkross-hemlig-A1',
  policeNumber: 'K765432-26',
  notes: 'Samtal-hemligt-A1',
  quick: 'snabbhemlis-A1',
  analysis: 'Analys-hemlig-A1',
  measure: 'Åtgärd-hemlig-A1',
  promise: 'Löfte-hemligt-A1',
  place: 'Glasbruksparken',
  otherPlace: 'Kvarnbacken',
  callout: 'Larm-hemligt-A1',
  school: 'Hemligskolan-A1',
  lawAnalysis: 'Lagesbildsanalys-hemlig-A1',
};
/** Report (and call-out) text: shown only in the conversation it was made in (and to those a call-out called). */
const REPORT_SECRETS = [SECRETS.description, SECRETS.policeNumber, SECRETS.notes, SECRETS.quick, SECRETS.callout, SECRETS.lawAnalysis];
/** Everything of tenant A: nothing of it may reach tenant B. */
const TENANT_SECRETS = [...REPORT_SECRETS, SECRETS.analysis, SECRETS.measure, SECRETS.place, SECRETS.otherPlace, SECRETS.school, SECRETS.promise];

const incidentForm = (extra: Record<string, string> = {}) => ({
  date: '2026-11-24', time: '21:15', category: 'skadegorelse_glaskross', description: 'ny text', severity: 'medel',
  organisation: 'polisen', school: '', youthInvolved: '', policeReportNumber: '', ...extra,
});
const activityForm = (extra: Record<string, string> = {}) => ({
  type: 'hotspot_besok', date: '2026-11-24', organisation: 'polisen', organisations: '', notes: 'ny anteckning', peopleMet: '', followUpDate: '', ...extra,
});

interface Seed {
  incident: { kind: string; id: string; version: number };
  activity: { kind: string; id: string; version: number };
  quick: { id: string; version: number };
  hotspot: { id: string; version: number };
  measureId: string;
  placeId: string;
  otherPlaceId: string;
  exportId: string;
  schoolId: string;
  calloutId: string;
  school: { id: string; version: number };
  commitmentId: string;
}

const schoolForm = (extra: Record<string, string> = {}) => ({
  name: 'Kapad skola', stages: 'f-6', placeId: 'none', contacts_skola: '', contacts_socialtjanst: '', contacts_polis: '', contacts_fritid: '', ...extra,
});

const dataOf = (card: Record<string, any>, verb: string) => button(card, verb).data as Record<string, any>;

/** The payload each verb gets, built from the seeded cards' real ids. */
const VERB_PAYLOADS: Record<string, (s: Seed) => Record<string, unknown>> = {
  openIncidentForm: () => ({}),
  openActivityForm: () => ({}),
  showLatest: () => ({}),
  showHelp: () => ({}),
  cancel: () => ({}),
  submitIncident: (s) => incidentForm({ placeId: s.placeId }),
  submitActivity: (s) => activityForm({ placeId: s.placeId }),
  openEdit: (s) => ({ kind: s.incident.kind, id: s.incident.id }),
  saveIncidentEdit: (s) => ({ ...incidentForm({ placeId: s.placeId }), id: s.incident.id, version: s.incident.version, ref: '' }),
  saveActivityEdit: (s) => ({ ...activityForm(), id: s.activity.id, version: s.activity.version, ref: '' }),
  setStatus: (s) => ({ ...s.incident, status: 'hanteras' }),
  closeReport: (s) => ({ ...s.incident, resolution: 'Klottret sanerat' }),
  assignToMe: (s) => ({ ...s.incident }),
  markFollowUpDone: (s) => ({ ...s.activity }),
  showReport: (s) => ({ kind: s.incident.kind, id: s.incident.id }),
  refreshReport: (s) => ({ kind: s.incident.kind, id: s.incident.id }),
  refreshHotspot: (s) => ({ id: s.hotspot.id }),
  hotspotQuickSave: (s) => ({ placeId: s.placeId, category: 'skadegorelse_klotter', organisation: 'polisen', description: 'klotter' }),
  hotspotUndo: (s) => ({ ...s.quick }),
  hotspotStart: (s) => ({ placeId: s.otherPlaceId }),
  hotspotShow: (s) => ({ id: s.hotspot.id }),
  hotspotNext: (s) => ({ ...s.hotspot }),
  hotspotOpenMeasure: (s) => ({ ...s.hotspot }),
  hotspotAddMeasure: (s) => ({ ...s.hotspot, what: 'Kapad åtgärd', organisation: 'polisen', dueDate: '' }),
  hotspotMeasureDone: (s) => ({ ...s.hotspot, measureId: s.measureId }),
  hotspotOpenFollowUp: (s) => ({ ...s.hotspot }),
  hotspotSetFollowUp: (s) => ({ ...s.hotspot, followUpDate: '2026-12-24' }),
  hotspotOpenAnalysis: (s) => ({ ...s.hotspot }),
  hotspotSaveAnalysis: (s) => ({ ...s.hotspot, who: 'x', what: 'kapad', when: 'y', why: 'z' }),
  hotspotLogVisit: (s) => ({ placeId: s.placeId }),
  placeShow: (s) => ({ id: s.placeId }),
  placeSave: (s) => ({ id: s.placeId, name: 'Kapad plats', kind: 'park', lat: '', lon: '', parentId: 'none', alias: '' }),
  placeMerge: (s) => ({ id: s.placeId, mergeId: s.otherPlaceId }),
  lagesbildUnsubscribe: () => ({}),
  lagesbildShowNow: () => ({}),
  lagesbildSubscriptionView: () => ({}),
  lagesbildExportLinks: (s) => ({ exportId: s.exportId }),
  // The EST week (issue 12): the seeded place stands in for an area; the nudge's week names channel 1.
  estOverview: () => ({}),
  estAreas: () => ({}),
  estOpenAssessment: (s) => ({ placeId: s.placeId }),
  estSaveAssessment: (s) => ({ placeId: s.placeId, level: '3', reason: 'Kapad bedömning' }),
  estOpenMeeting: () => ({}),
  estSaveMeeting: () => ({ weekday: '5', time: '10:00', nudgeTime: '12:00' }),
  estOpenPriorities: () => ({}),
  estSavePriorities: (s) => ({ area1: s.placeId }),
  estRemoveReporter: () => ({ userId: ANNA.aadObjectId }),
  estNothingToReport: () => ({ conversationId: CHANNEL, meetingDay: '2026-12-01', organisation: 'polisen' }),
  // A message's text reaches the form only as typed: "Glasbruk" names no place of any register whole.
  mobiliseCall: (s) => ({ schoolId: s.schoolId, what: 'kapat larm' }),
  mobiliseAnswer: (s) => ({ id: s.calloutId, answer: 'kommer', note: 'kapad' }),
  mobiliseShow: (s) => ({ id: s.calloutId }),
  mobiliseExternal: (s) => ({ id: s.calloutId }),
  mobiliseExternalSent: (s) => ({ id: s.calloutId }),
  mobiliseOpenClose: (s) => ({ id: s.calloutId }),
  mobiliseClose: (s) => ({ id: s.calloutId, outcome: 'kapat utfall' }),
  callListShow: (s) => ({ schoolId: s.schoolId }),
  callListAdd: (s) => ({ schoolId: s.schoolId, userId: CALLED.aadObjectId, role: 'polis', step: '2' }),
  callListRemove: (s) => ({ schoolId: s.schoolId, userId: CALLED.aadObjectId }),
  extensionReportForm: () => ({ kind: 'incident', text: 'Krossad ruta vid Glasbruk', createdAt: '2026-11-24T20:15:00Z' }),
  schoolList: () => ({}),
  schoolShow: (s) => ({ id: s.school.id }),
  schoolNew: () => ({}),
  schoolAdd: () => schoolForm(),
  schoolSave: (s) => ({ ...schoolForm(), ...s.school }),
  schoolImportForm: () => ({}),
  schoolImport: () => ({ csv: 'Kapad skola;F-6;' }),
  // Medborgarlöften: tenant A's commitment (its text and promise are A's secrets).
  promisesShow: () => ({ year: 2026 }),
  promiseSetStatus: (s) => ({ commitmentId: s.commitmentId, status: 'genomford', year: 2026 }),
  promiseOpenForm: () => ({}),
  promiseSave: () => ({ year: 2026, title: 'Kapat löfte', text: '', commitment: 'kapat', organisations: 'polisen', periodFrom: '2026-01-01', periodTo: '2026-12-31' }),
  meetingOpenForm: () => ({}),
  meetingSave: () => ({ date: '2026-11-24', organisations: 'polisen', decisions: 'kapat beslut' }),
  schoolPicture: (s) => ({ id: s.school.id }),
  walkFindingReport: (s) => ({ id: s.activity.id, finding: 'klotter' }),
  walkFindingMeasure: (s) => ({ placeId: s.placeId, finding: 'klotter' }),
  // The lägesbild enligt lag: the analysis is channel 1's (its text is a conversation's secret).
  lawAnalysisOpen: () => ({ year: 2026 }),
  lawAnalysisSave: () => ({ year: 2026, analysis: 'kapad analys' }),
};

/** What each command is tried with. */
const COMMAND_TEXTS: Record<string, string> = {
  help: 'hjälp',
  report: 'rapportera',
  activity: 'aktivitet',
  latest: 'senaste',
  // Part of the name: a forgiving match that reached another tenant's register would name the place.
  hotspot: 'hotspot Glasbruk klotter',
  hotspotShow: 'hotspot visa Glasbruk',
  hotspots: 'hotspots',
  hotspotProposals: 'hotspots förslag',
  places: 'platser',
  subscribe: 'prenumerera',
  subscription: 'prenumeration',
  unsubscribe: 'avsluta prenumeration',
  lagesbild: 'lägesbild år',
  export: 'export år',
  coordinator: 'koordinator',
  organisation: 'organisation',
  log: 'logg',
  est: 'est',
  reporters: 'rapportörer',
  mobilise: 'mobilisera Mobiliseringsskolan kapat larm',
  callList: 'ringlista Mobiliseringsskolan',
  schools: 'skolor',
  promises: 'löften 2026',
  promisesNew: 'löften nytt',
  promisesImport: 'löften import\ntyp;år;rubrik;text;organisationer;från;till\nlöfte;2026;Kapat löfte;x;;;\nåtagande;;;kapat;Polisen;;',
  meeting: 'strategiskt möte',
  // Part of the name: a close match that reached another tenant's register would name the school.
  school: 'skola Hemligskolan',
  annual: 'årsrapport 2026',
  // Typed without a file: how to import (a file's own path is tested in test/bot/bot-file-import.test.ts).
  importFile: 'importera fil',
  lawLagesbild: 'lägesbild enligt lag 2026',
};

describe('every card verb and command keeps to the caller\'s scope and right (generated from the registry)', function () {
  this.timeout(180_000);
  let h: BotHarness;
  let seed: Seed;
  const sv = messages('sv').trust;

  const inA1: Partial<Where> = {};
  const inA2: Partial<Where> = { conversationId: CHANNEL_2, channelId: CHANNEL_2 };
  const inB: Partial<Where> = { tenantId: TENANT_B, conversationId: CHANNEL_B, channelId: CHANNEL_B, from: BODIL };

  /** Tenant A's rows, as an operator would read them: what must not change from outside. */
  const snapshotOfA = () => h.readDatabase((db) => {
    const all = (sql: string) => JSON.stringify(db.prepare(sql).all(TENANT));
    return [
      all('SELECT * FROM incidents WHERE tenant_id = ? ORDER BY id'),
      all('SELECT * FROM activities WHERE tenant_id = ? ORDER BY id'),
      all('SELECT * FROM places WHERE tenant_id = ? ORDER BY id'),
      all('SELECT a.* FROM place_aliases a JOIN places p ON p.id = a.place_id WHERE p.tenant_id = ? ORDER BY a.alias_key'),
      all('SELECT * FROM hotspots WHERE tenant_id = ? ORDER BY id'),
      all('SELECT m.* FROM hotspot_measures m JOIN hotspots h ON h.id = m.hotspot_id WHERE h.tenant_id = ? ORDER BY m.id'),
      all('SELECT * FROM memberships WHERE tenant_id = ? ORDER BY user_id'),
      all('SELECT * FROM coordinators WHERE tenant_id = ? ORDER BY user_id'),
      all('SELECT * FROM digest_subscriptions WHERE tenant_id = ? ORDER BY conversation_id'),
      all('SELECT * FROM digest_exports WHERE tenant_id = ? ORDER BY id'),
      all('SELECT * FROM est_reporters WHERE tenant_id = ? ORDER BY user_id'),
      all('SELECT * FROM est_meetings WHERE tenant_id = ? ORDER BY conversation_id'),
      all('SELECT * FROM est_nothing_to_report WHERE tenant_id = ? ORDER BY conversation_id, meeting_day, organisation'),
      all('SELECT * FROM area_assessments WHERE tenant_id = ? ORDER BY conversation_id, area_id, week_start'),
      all('SELECT * FROM priority_areas WHERE tenant_id = ? ORDER BY conversation_id, tertial, position'),
      all('SELECT * FROM call_list_entries WHERE tenant_id = ? ORDER BY school_id, user_id'),
      all('SELECT * FROM callouts WHERE tenant_id = ? ORDER BY id'),
      all('SELECT r.* FROM callout_recipients r JOIN callouts c ON c.id = r.callout_id WHERE c.tenant_id = ? ORDER BY r.callout_id, r.user_id'),
      all('SELECT * FROM schools WHERE tenant_id = ? ORDER BY id'),
      all('SELECT * FROM school_contacts WHERE tenant_id = ? ORDER BY school_id, user_id'),
      all('SELECT * FROM promises WHERE tenant_id = ? ORDER BY id'),
      all('SELECT * FROM promise_commitments WHERE tenant_id = ? ORDER BY id'),
      all('SELECT * FROM strategic_meetings WHERE tenant_id = ? ORDER BY id'),
      all('SELECT * FROM lagesbild_analyses WHERE tenant_id = ? ORDER BY conversation_id, year'),
    ].join('\n');
  });
  const refusedCount = (tenantId: string, name: string) => h.readDatabase((db) =>
    (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'access.refused' AND tenant_id = ? AND detail = ?").get(tenantId, name) as { n: number }).n);

  before(async () => {
    h = await new BotHarness().start({
      COORDINATORS: `${TENANT}/${ANNA.aadObjectId},${TENANT_B}/${BODIL.aadObjectId}`,
      // This test presses a few hundred buttons as three people; the rate limit has its own tests.
      RATE_LIMIT_BURST: '10000', RATE_LIMIT_PER_MINUTE: '10000',
    });
    // Tenant A, channel 1: Anna (a coordinator) reports, confirms herself as police, and starts a hot spot.
    const incident = await h.press('submitIncident', incidentForm({ newPlace: SECRETS.place, description: SECRETS.description, policeReportNumber: SECRETS.policeNumber }));
    await h.say('organisation polisen', {}, [ANNA]);
    await h.press('submitIncident', incidentForm({ newPlace: SECRETS.otherPlace, description: 'andra platsen' }));
    const activity = await h.press('submitActivity', activityForm({ newPlace: SECRETS.place, notes: SECRETS.notes }));
    const quick = cardOf((await h.say(`hotspot ${SECRETS.place} klotter ${SECRETS.quick}`))[0]!);
    const exported = cardOf((await h.say('export denna vecka'))[0]!);
    await h.press('lawAnalysisSave', { year: 2026, analysis: SECRETS.lawAnalysis });
    // A medborgarlöfte of tenant A whose commitment Polisen (Anna's organisation) is responsible for.
    await h.say(`löften import\ntyp;år;rubrik;text;organisationer;från;till\nlöfte;2026;${SECRETS.promise};;;;\nåtagande;;;${SECRETS.promise} åtagande;Polisen;;`);
    const promises = cardOf((await h.say('löften 2026'))[0]!);
    const places = cardOf((await h.say('platser'))[0]!);
    const placeButtons = buttons(places).filter((b) => b.verb === 'placeShow');
    const placeIdOf = async (name: string) => {
      for (const b of placeButtons) if (cardText(await h.press('placeShow', b.data)).includes(name)) return String(b.data.id);
      throw new Error(`no place ${name}`);
    };
    const placeId = await placeIdOf(SECRETS.place);
    const school = await h.press('schoolAdd', schoolForm({ name: SECRETS.school, placeId, contacts_skola: ANNA.aadObjectId }));
    let hotspot = await h.press('hotspotStart', { placeId });
    hotspot = await h.press('hotspotSaveAnalysis', { ...dataOf(hotspot, 'hotspotOpenAnalysis'), who: 'unga', what: SECRETS.analysis, when: 'kvällar', why: 'mörkt' });
    hotspot = await h.press('hotspotAddMeasure', { ...dataOf(hotspot, 'hotspotOpenMeasure'), what: SECRETS.measure, organisation: 'polisen', dueDate: '' });
    assert.match(cardText(hotspot), new RegExp(SECRETS.analysis), 'the seeded hot spot has its analysis');
    seed = {
      incident: dataOf(incident, 'openEdit') as Seed['incident'],
      activity: dataOf(activity, 'openEdit') as Seed['activity'],
      quick: dataOf(quick, 'hotspotUndo') as Seed['quick'],
      hotspot: { id: String(dataOf(hotspot, 'hotspotNext').id), version: Number(dataOf(hotspot, 'hotspotNext').version) },
      measureId: String(dataOf(hotspot, 'hotspotMeasureDone').measureId),
      placeId,
      otherPlaceId: await placeIdOf(SECRETS.otherPlace),
      exportId: String(dataOf(exported, 'lagesbildExportLinks').exportId),
      schoolId: '', calloutId: '',
      school: { id: String(dataOf(school, 'schoolSave').id), version: Number(dataOf(school, 'schoolSave').version) },
      commitmentId: String(dataOf(promises, 'promiseSetStatus').commitmentId),
    };
    // A school of A with a call list, and a call-out in channel 1 (Anna calls; Cilla is called).
    const tenantA = { tenantId: TENANT };
    const calling = await h.bot.store.schools.add(tenantA, { name: 'Mobiliseringsskolan', stages: ['7-9'], placeId: null, contacts: [{ userId: CALLED.aadObjectId, name: CALLED.name, role: 'skola' }] }, { actorId: ANNA.aadObjectId, now: h.clock.now() });
    assert.ok(calling.ok);
    await h.bot.store.callLists.put(tenantA, calling.school.id, { userId: CALLED.aadObjectId, chatUserId: null, name: CALLED.name, role: 'rektor', step: 1 }, { actorId: ANNA.aadObjectId, now: h.clock.now() });
    const callout = cardOf((await h.say(`mobilisera Mobiliseringsskolan ${SECRETS.callout}`)).at(-1)!);
    seed.schoolId = calling.school.id;
    seed.calloutId = String(dataOf(callout, 'mobiliseAnswer').id);
    // The callers have used the bot in their own places (so that they have profiles there).
    await h.press('submitIncident', incidentForm({ newPlace: 'Bortaplats' }), inB);
    await h.press('submitIncident', incidentForm({ newPlace: 'Bortaplats 2', organisation: 'skola' }), { from: BERIT });
    await h.bot.afterAnswerIdle();
    await h.bot.sharedCardsIdle();
  });
  after(async () => { await h.stop(); });
  // A call-out made by one test (a call in its own channel) sends its copies after its answer, and the
  // cards those copies change are updated after that: both are done before the next test reads tenant A
  // or counts what was posted during its own press.
  afterEach(async () => { await h.bot.afterAnswerIdle(); await h.bot.sharedCardsIdle(); });

  it('When the registry is read, then every verb and command declares a known right and a target, and has a fixture here', () => {
    const verbs = [...h.bot.registry.verbs.values()];
    const commands = [...h.bot.registry.commands.values()];
    assert.ok(verbs.length >= 30 && commands.length >= 15, 'the registry holds the bot\'s verbs and commands');
    for (const entry of [...verbs, ...commands]) {
      const name = 'verb' in entry ? entry.verb : entry.command;
      assert.ok(RIGHTS.includes(entry.right), `${name} declares a known right`);
      assert.ok(['none', 'report', 'hotspot', 'place', 'export', 'estWeek', 'school', 'mobilisation', 'commitment'].includes(entry.target.kind), `${name} declares how its target is loaded`);
      assert.equal(typeof entry.payload.safeParse, 'function', `${name} declares a payload schema`);
    }
    assert.deepEqual(verbs.map((v) => v.verb).filter((v) => !(v in VERB_PAYLOADS)), [], 'verbs without an isolation fixture');
    assert.deepEqual(commands.map((c) => c.command).filter((c) => !(c in COMMAND_TEXTS)), [], 'commands without an isolation fixture');
  });

  describe('card verbs', () => {
    const verbNames = Object.keys(VERB_PAYLOADS);

    for (const verb of verbNames) {
      it(`When "${verb}" is pressed from another tenant with tenant A's ids, then nothing of A shows and nothing of A changes`, async () => {
        const entry = h.bot.registry.verbs.get(verb)!;
        const before = snapshotOfA();
        const refusalsBefore = refusedCount(TENANT_B, verb);
        const answer = await h.invoke(verb, VERB_PAYLOADS[verb]!(seed), inB);
        assert.equal(answer.status, 200);
        for (const secret of TENANT_SECRETS) assert.ok(!answer.text.includes(secret), `${verb} from tenant B shows "${secret}"`);
        assert.equal(snapshotOfA(), before, `${verb} from tenant B changed tenant A's data`);
        if (entry.target.kind !== 'none') {
          assert.ok(answer.text.includes(sv.unavailable), `${verb} from tenant B is answered "not available"`);
          if (entry.writes) assert.equal(refusedCount(TENANT_B, verb), refusalsBefore + 1, `${verb}: the refused write is in B's audit trail`);
        }
      });

      it(`When "${verb}" is pressed from another channel of the same tenant, then no report of the first channel shows or changes`, async () => {
        const entry = h.bot.registry.verbs.get(verb)!;
        // Hot spots and places belong to the tenant: from another channel they are the tenant's own.
        if (entry.target.kind === 'hotspot' || entry.target.kind === 'place' || entry.target.kind === 'school') return;
        const before = snapshotOfA();
        const answer = await h.invoke(verb, VERB_PAYLOADS[verb]!(seed), inA2);
        for (const secret of REPORT_SECRETS) assert.ok(!answer.text.includes(secret), `${verb} from channel 2 shows "${secret}"`);
        if (entry.target.kind === 'report') {
          assert.ok(answer.text.includes(sv.unavailable), `${verb} from channel 2 is answered "not available"`);
          assert.equal(snapshotOfA(), before, `${verb} from channel 2 changed channel 1's report`);
        }
      });

      it(`When "${verb}" is pressed in the channel by a member without its right, then it is refused without the target's text`, async () => {
        const entry = h.bot.registry.verbs.get(verb)!;
        if (entry.right === 'member') return;
        const before = snapshotOfA();
        const refusalsBefore = refusedCount(TENANT, verb);
        const answer = await h.invoke(verb, VERB_PAYLOADS[verb]!(seed), { from: BERIT });
        assert.ok(answer.text.includes(sv.forbidden.slice(0, 30)), `${verb} by Berit is answered "no right": ${answer.text.slice(0, 300)}`);
        if (entry.right === 'coordinator') assert.ok(answer.text.includes(sv.forbiddenCoordinator), `${verb}'s refusal says only a coordinator can`);
        for (const secret of TENANT_SECRETS) assert.ok(!answer.text.includes(secret), `${verb}'s refusal shows "${secret}"`);
        assert.equal(snapshotOfA(), before, `${verb} by Berit changed data`);
        if (entry.writes) assert.equal(refusedCount(TENANT, verb), refusalsBefore + 1, `${verb}: the refused write is in the audit trail`);
      });
    }
  });

  describe('commands', () => {
    for (const [name, text] of Object.entries(COMMAND_TEXTS)) {
      it(`When "${text}" is written in another tenant, then nothing of tenant A shows and nothing of A changes`, async () => {
        const before = snapshotOfA();
        const replies = await h.say(text, inB, [BODIL]);
        assert.ok(replies.length > 0, `${name} answers`);
        const said = JSON.stringify(replies);
        for (const secret of TENANT_SECRETS) assert.ok(!said.includes(secret), `${name} in tenant B shows "${secret}"`);
        assert.equal(snapshotOfA(), before, `${name} in tenant B changed tenant A's data`);
      });

      it(`When "${text}" is written in another channel of tenant A, then no report text of the first channel shows`, async () => {
        const replies = await h.say(text, inA2, [ANNA]);
        const said = JSON.stringify(replies);
        for (const secret of REPORT_SECRETS) assert.ok(!said.includes(secret), `${name} in channel 2 shows "${secret}"`);
      });

      it(`When "${text}" is written by a member without its right, then it is refused and a refused write is audited`, async () => {
        const entry = h.bot.registry.commands.get(name as never)!;
        if (entry.right === 'member') return;
        const before = snapshotOfA();
        const refusalsBefore = refusedCount(TENANT, name);
        const replies = await h.say(text, { from: BERIT }, [ANNA]);
        assert.match(JSON.stringify(replies), new RegExp(sv.forbidden.slice(0, 30)));
        if (entry.right === 'coordinator') assert.ok(JSON.stringify(replies).includes(sv.forbiddenCoordinator), `${name}'s refusal says only a coordinator can`);
        assert.equal(snapshotOfA(), before, `${name} by Berit changed data`);
        if (entry.writes) assert.equal(refusedCount(TENANT, name), refusalsBefore + 1, `${name}: the refused write is in the audit trail`);
      });
    }
  });

  it('When tenant A\'s own channel asks, then its reports, hot spot and places are all there (the refusals above are about scope, not a broken bot)', async () => {
    const latest = JSON.stringify(await h.say('senaste'));
    assert.ok(latest.includes(SECRETS.place));
    const report = await h.invoke('showReport', VERB_PAYLOADS.showReport!(seed), inA1);
    assert.ok(report.text.includes(SECRETS.description) && report.text.includes(SECRETS.policeNumber));
    const fromChannel2 = await h.invoke('hotspotShow', VERB_PAYLOADS.hotspotShow!(seed), inA2);
    assert.ok(fromChannel2.text.includes(SECRETS.analysis), 'a hot spot is the tenant\'s: channel 2 sees it');
    const ownAnalysis = await h.invoke('lawAnalysisOpen', { year: 2026 }, inA1);
    assert.ok(ownAnalysis.text.includes(SECRETS.lawAnalysis), 'channel 1 opens its own analysis');
    assert.equal(CHANNEL.startsWith('19:'), true);
  });
});
