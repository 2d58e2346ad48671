import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assertValidCard } from '../support/adaptive-card-check';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { buttons } from '../support/card-buttons';
import { ANNA, BERIT, CHANNEL, TENANT, botAdded } from '../support/teams-activities';

// Medborgarlöften through the real bot (issue 12): the Kungsör 2020 example imported by a coordinator,
// `löften` with progress, a commitment's status by its responsible organisation only, the activity
// card's commitment, `strategiskt möte` with bad input kept, and the reminders claimed once by two
// instances on one database.

const EXAMPLE = fs.readFileSync(path.join(__dirname, '../../examples/medborgarloften-kungsor-2020.csv'), 'utf8');
const count = (h: BotHarness, sql: string) => h.readDatabase((db) => (db.prepare(sql).get() as { n: number }).n);
const statusButtons = (card: Record<string, any>) => buttons(card).filter((b) => b.verb === 'promiseSetStatus');
/** The commitment of the `löften` card whose text starts so, by its status buttons' data. */
const commitmentId = (card: Record<string, any>, textStart: string): string => {
  const containers = JSON.stringify(card);
  const at = containers.indexOf(textStart);
  assert.ok(at >= 0, `no commitment "${textStart}"`);
  return /"commitmentId":"([0-9a-f-]{36})"/.exec(containers.slice(at))![1]!;
};

describe('medborgarlöften in the bot', function () {
  this.timeout(60_000);
  let h: BotHarness;
  const posted = () => h.connector.received.filter((r) => r.body.type === 'message' && r.method === 'POST');

  before(async () => {
    h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
    h.clock.current = new Date('2020-03-10T10:00:00Z');
    await h.post(botAdded(h.where()));
    // Anna and Berit have used the bot (so that they can be @mentioned); Berit is a confirmed member of Skola.
    const incident = { date: '2020-03-09', time: '21:00', newPlace: 'Torget', category: 'nedskrapning', description: 'Skräp', severity: 'lag', organisation: 'kommunen' };
    await h.press('submitIncident', incident);
    await h.press('submitIncident', { ...incident, organisation: 'skola' }, { from: BERIT });
    await h.say('organisation skola', {}, [BERIT]);
  });
  after(async () => { await h.stop(); });

  it('When a coordinator pastes the Kungsör 2020 example after "löften import", then its 3 promises and 8 commitments are stored and "löften" shows each with its status', async () => {
    const [answer] = await h.say(`löften import\n${EXAMPLE}`);
    assert.match(cardText(cardOf(answer!)), /3 löften med 8 åtaganden importerade för 2020/);
    assert.equal(count(h, 'SELECT COUNT(*) AS n FROM promises'), 3);
    assert.equal(count(h, 'SELECT COUNT(*) AS n FROM promise_commitments'), 8);
    const card = cardOf((await h.say('löften'))[0]!);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Medborgarlöften 2020/);
    assert.match(text, /Lokal lägesbild och EST/);
    assert.match(text, /Ansvariga: Polisen, Skola, Socialtjänst, Kommunen/);
    assert.match(text, /Status: ej påbörjad/);
    assert.match(text, /Inget strategiskt möte registrerat för 2020/);
    assert.equal(statusButtons(card).length, 16, 'two status buttons per commitment');
  });

  it('When an import has a wrong line, then nothing is imported and the answer names the line and the reason in Swedish', async () => {
    const before = count(h, 'SELECT COUNT(*) AS n FROM promise_commitments');
    const file = [
      'typ;år;rubrik;text;organisationer;från;till',
      'löfte;2021;Trygg centrumkärna;Mindre stök i centrum;;;',
      'åtagande;;;Kvällsvandringar;Polisen, Fritid;2021-03-01;2021-06-30',
      'åtagande;;;Bättre belysning;Brandkåren;2021-01-01;2021-12-31',
      'åtagande;;;Städning;Kommunen;2021-13-01;2021-12-31',
    ].join('\n');
    const text = cardText(cardOf((await h.say(`löften import\n${file}`))[0]!));
    assert.match(text, /Importen gjordes inte/);
    assert.match(text, /Rad 4: okänd organisation \\"Brandkåren\\"/);
    assert.match(text, /Rad 5: datumet \\"2021-13-01\\" är inte ÅÅÅÅ-MM-DD/);
    assert.equal(count(h, 'SELECT COUNT(*) AS n FROM promise_commitments'), before, 'not even the right lines');
    assert.equal(count(h, "SELECT COUNT(*) AS n FROM promises WHERE promise_year = 2021"), 0);
  });

  it('When the same file is imported again, then nothing is added and the line of the first promise already there is named', async () => {
    const text = cardText(cardOf((await h.say(`löften import\n${EXAMPLE}`))[0]!));
    assert.match(text, /Rad 2: ett löfte med samma rubrik finns redan för året/);
    assert.equal(count(h, 'SELECT COUNT(*) AS n FROM promises'), 3);
  });

  it('When a member of a responsible organisation sets a status, then it is set; a member of another organisation is refused; a coordinator may', async () => {
    const card = cardOf((await h.say('löften'))[0]!);
    const schools = commitmentId(card, 'Polisen, skolan, socialtjänsten och Kungsörs kommuns säkerhetssamordnare ska kontinuerligt');
    const hotspots = commitmentId(card, 'Polisen och Kungsörs kommun ska vid behov genomföra besök');
    const byBerit = await h.press('promiseSetStatus', { commitmentId: schools, status: 'pagar', year: 2020 }, { from: BERIT });
    assert.match(cardText(byBerit), /Status: pågår/);
    const refused = await h.invoke('promiseSetStatus', { commitmentId: hotspots, status: 'genomford', year: 2020 }, { from: BERIT });
    assert.match(refused.text, /Du har inte behörighet att göra det/);
    const statusOf = (id: string) => h.readDatabase((db) => (db.prepare('SELECT status, status_by FROM promise_commitments WHERE id = ?').get(id) as { status: string; status_by: string | null }));
    assert.deepEqual(statusOf(hotspots), { status: 'ej_paborjad', status_by: null }, 'Skola is not responsible for the hot spot commitment');
    assert.equal(statusOf(schools).status, 'pagar');
    await h.press('promiseSetStatus', { commitmentId: hotspots, status: 'genomford', year: 2020 });
    assert.deepEqual(statusOf(hotspots), { status: 'genomford', status_by: ANNA.aadObjectId });
    const log = cardText(cardOf((await h.say('logg'))[0]!));
    assert.match(log, /Berit Berg satte status på åtagande \(pågår\)/, 'the audit trail says who set what, never the text');
    assert.match(log, /Berit Berg nekades: åtgärd \(promiseSetStatus\)/);
    assert.match(log, /Anna Andersson lade till medborgarlöfte \(2020\)/);
  });

  it('When an activity is logged for a commitment on the activity card, then "löften" counts it by organisation and shows it as the latest', async () => {
    const form = cardOf((await h.say('aktivitet', { from: BERIT }))[0]!);
    const field = JSON.stringify(form);
    assert.match(field, /"id":"commitmentId"/, 'the activity card offers the commitments');
    assert.match(field, /Medborgarlöfte som aktiviteten hör till/);
    const card = cardOf((await h.say('löften'))[0]!);
    const schools = commitmentId(card, 'Polisen, skolan, socialtjänsten och Kungsörs kommuns säkerhetssamordnare ska vid behov planera');
    const saved = await h.press('submitActivity', {
      type: 'skolbesok', date: '2020-03-09', organisation: 'skola', organisations: '', notes: 'Besök på mellanstadiet', peopleMet: '', followUpDate: '', commitmentId: schools,
    }, { from: BERIT });
    assert.match(cardText(saved), /A-2020-0001/);
    const text = cardText(cardOf((await h.say('löften'))[0]!));
    assert.match(text, /1 aktivitet: Skola 1 · Senast: 9 mars 2020 Skolbesök \(A-2020-0001\)/);
    // A year later its edit form still offers (and keeps) the commitment it serves.
    h.clock.current = new Date('2021-02-01T10:00:00Z');
    try {
      const edit = JSON.stringify(await h.press('openEdit', buttons(saved).find((b) => b.verb === 'openEdit')!.data, { from: BERIT }));
      assert.match(edit, new RegExp(`"id":"commitmentId"[^}]*"value":"${schools}"`));
      assert.match(edit, new RegExp(`"title":"Polisen, skolan[^"]*","value":"${schools}"`), 'among the choices, by its text');
    } finally {
      h.clock.current = new Date('2020-03-10T10:00:00Z');
    }
  });

  it('When a trygghetsvandring for a commitment is planned ahead, then "löften" counts it once its day has come, not before', async () => {
    const card = cardOf((await h.say('löften'))[0]!);
    const schools = commitmentId(card, 'Polisen, skolan, socialtjänsten och Kungsörs kommuns säkerhetssamordnare ska vid behov planera');
    const before = cardText(cardOf((await h.say('löften'))[0]!));
    const saved = await h.press('submitActivity', {
      type: 'trygghetsvandring', date: '2020-04-02', organisation: 'skola', organisations: '', notes: 'Planerad vandring', peopleMet: '', followUpDate: '', commitmentId: schools,
    }, { from: BERIT });
    assert.match(cardText(saved), /A-2020-\d{4}/, 'the planned walk is saved');
    assert.equal(cardText(cardOf((await h.say('löften'))[0]!)), before, 'not progress before its day');
    h.clock.current = new Date('2020-04-02T12:00:00Z');
    try {
      assert.match(cardText(cardOf((await h.say('löften'))[0]!)), /Senast: 2 apr\. 2020 Trygghetsvandring/);
    } finally {
      h.clock.current = new Date('2020-03-10T10:00:00Z');
    }
  });

  it('When "strategiskt möte" is saved with a date that is not a date or with a personal identity number, then the form comes back with what was typed and a Swedish message; saved right, "löften" shows it', async () => {
    const form = cardOf((await h.say('strategiskt möte'))[0]!);
    assert.match(JSON.stringify(form), /"id":"date","label":"Datum","value":"2020-03-10"/, 'today is filled in');
    const badDate = await h.press('meetingSave', { date: 'igår', organisations: 'polisen,kommunen', decisions: 'Fortsätt med EST' });
    assert.match(cardText(badDate), /Ange ett datum som ÅÅÅÅ-MM-DD/);
    assert.match(JSON.stringify(badDate), /"value":"Fortsätt med EST"/, 'the decisions typed are kept');
    assert.match(JSON.stringify(badDate), /"value":"igår"/);
    const personal = await h.press('meetingSave', { date: '2020-03-09', organisations: 'polisen,kommunen', decisions: 'Ring 811218-9876 om EST' });
    assert.match(cardText(personal), /personuppgifter: personnummer 811218-\*\*\*\*/);
    assert.match(JSON.stringify(personal), /"value":"Ring 811218-9876 om EST"/);
    assert.equal(count(h, 'SELECT COUNT(*) AS n FROM strategic_meetings'), 0, 'nothing stored yet');
    // Saved again from the warning card: with masking.
    const saved = await h.press('meetingSave', { date: '2020-03-09', organisations: 'polisen,kommunen', decisions: 'Ring 811218-9876 om EST', maskingConfirmed: true });
    assert.match(cardText(saved), /Det strategiska mötet 9 mars 2020 är registrerat/);
    const text = cardText(cardOf((await h.say('löften'))[0]!));
    assert.match(text, /Strategiskt möte 9 mars 2020 \(Polisen, Kommunen\/säkerhetssamordnare\). Beslut: Ring 811218-\\\\\*/);
    assert.doesNotMatch(text, /9876/, 'stored masked');
  });

  it('When a quarter has ended, then from 08:00 on its first day one reminder lists the commitments with nothing done, @mentioning their owners, even with two instances on one database', async () => {
    await h.say('prenumerera');
    h.connector.clear();
    await h.bot.housekeeping.run('promise-quarterly-reminder', new Date('2020-04-01T05:30:00Z'));
    assert.equal(posted().length, 0, 'not before 08:00 in Stockholm (07:30 CEST)');
    const other = new BotHarness();
    other.databaseUrl = h.databaseUrl;
    await other.start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
    try {
      const eight = new Date('2020-04-01T06:05:00Z');
      await Promise.all([h.bot.housekeeping.run('promise-quarterly-reminder', eight), other.bot.housekeeping.run('promise-quarterly-reminder', eight)]);
      await other.bot.housekeeping.run('promise-quarterly-reminder', new Date('2020-04-02T09:00:00Z'));
    } finally {
      await other.stop();
    }
    const reminders = posted().filter((r) => JSON.stringify(r.body).includes('inget gjort under kvartal 1 2020'));
    assert.equal(reminders.length, 1, 'exactly one reminder, whichever instance claimed it');
    assert.equal(reminders[0]!.conversationId, CHANNEL);
    const card = reminders[0]!.body.attachments[0].content;
    assertValidCard(card);
    const text = cardText(card);
    assert.doesNotMatch(text, /ska vid behov planera/, 'the commitment with an activity in the quarter is not listed');
    assert.doesNotMatch(text, /ska vid behov genomföra besök/, 'nor the one set genomförd');
    assert.match(text, /ska kontinuerligt samverka/, 'one that is pågår but had no activity is');
    assert.match(text, /<at>Berit Berg<\/at>/, 'Skola\'s confirmed member is mentioned for a commitment Skola shares');
    assert.match(text, /<at>Anna Andersson<\/at>/, 'the coordinator is mentioned where no organisation has a confirmed member');
    assert.deepEqual(new Set(card.msteams.entities.map((e: { text: string }) => e.text)), new Set(['<at>Berit Berg</at>', '<at>Anna Andersson</at>']));
  });

  it('When no strategic meeting is recorded by 1 October, then the coordinator is reminded once', async () => {
    // The meeting recorded above is of 2020; the reminder is about a year without one: 2021 with a promise.
    await h.press('promiseSave', { year: 2021, title: 'Trygg centrumkärna', text: '', commitment: 'Kvällsvandringar', organisations: 'polisen,fritid', periodFrom: '2021-01-01', periodTo: '2021-12-31' });
    h.connector.clear();
    await h.bot.housekeeping.run('strategic-meeting-reminder', new Date('2020-10-01T07:00:00Z'));
    assert.equal(posted().length, 0, '2020 has its meeting');
    await h.bot.housekeeping.run('strategic-meeting-reminder', new Date('2021-09-30T21:00:00Z'));
    assert.equal(posted().length, 0, 'not before 1 October');
    await h.bot.housekeeping.run('strategic-meeting-reminder', new Date('2021-10-01T06:00:00Z'));
    await h.bot.housekeeping.run('strategic-meeting-reminder', new Date('2021-10-02T06:00:00Z'));
    assert.equal(posted().length, 1, 'once');
    const text = cardText(posted()[0]!.body.attachments[0].content);
    assert.match(text, /<at>Anna Andersson<\/at>: inget strategiskt möte är registrerat för 2021/);
  });

  it('When someone writes "löften" with a word that is not a year, then the answer says what to write', async () => {
    const text = JSON.stringify(await h.say('löften förra'));
    assert.match(text, /Skriv \\"löften\\", \\"löften 2020\\"/);
  });
});
