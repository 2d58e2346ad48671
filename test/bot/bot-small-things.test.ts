import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { actionsOf, BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, botAdded, CHANNEL, channelMessage, TENANT, type Speaker, type Where } from '../support/teams-activities';
import { messages, type Catalogue } from '../../src/i18n/messages';

// The small things users trip on (issue 10): one greeting per team or chat, an answer to a legacy
// Action.Submit, "chatten" in chats, and "Skapa hot spot" where a place has incidents but no hot spot.

const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };

/** A card submit as clients without Universal Actions send it: a message with a value and no text. */
function legacySubmit(where: Where) {
  const { text: _text, entities: _entities, ...message } = channelMessage('', where);
  return { ...message, value: { verb: 'submitIncident', description: 'Krossad ruta' } };
}

/** The bot added to a conversation of any kind (botAdded always names the team channel). */
function added(where: Where) {
  const activity = botAdded(where);
  return where.conversationType && where.conversationType !== 'channel'
    ? { ...activity, conversation: { ...activity.conversation, id: channelMessage('', where).conversation.id } }
    : activity;
}

describe('the small things users trip on', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  describe('the install greeting', () => {
    it('When Teams sends the install event twice (re-install, upgrade), then the team is greeted once', async () => {
      assert.equal((await h.post(botAdded(h.where()))).status, 200);
      assert.equal((await h.post(botAdded(h.where()))).status, 200);
      const greetings = h.connector.messages().filter((m) => /Hej! Jag är Trygghetsboten/.test(JSON.stringify(m)));
      assert.equal(greetings.length, 1);
      assert.ok(await h.bot.store.conversations.get({ tenantId: TENANT, conversationId: CHANNEL }));
    });

    it('When the bot is installed in a group chat twice and in a personal chat, then each conversation is greeted once', async () => {
      await h.post(added(h.where({ conversationType: 'groupChat' })));
      await h.post(added(h.where({ conversationType: 'groupChat' })));
      await h.post(added(h.where({ conversationType: 'personal' })));
      await h.post(added(h.where({ conversationType: 'personal' })));
      const greeted = h.connector.messages().filter((m) => /Hej! Jag är Trygghetsboten/.test(JSON.stringify(m)));
      assert.equal(greeted.length, 2);
      assert.notEqual(greeted[0]!.conversation.id, greeted[1]!.conversation.id);
    });

    it('When the same conversation id is installed in another tenant, then that tenant is greeted too', async () => {
      await h.post(botAdded(h.where()));
      await h.post(botAdded(h.where({ tenantId: '11111111-2222-3333-4444-555555555555' })));
      assert.equal(h.connector.messages().filter((m) => /Hej! Jag är Trygghetsboten/.test(JSON.stringify(m))).length, 2);
    });
  });

  describe('a legacy Action.Submit', () => {
    it('When an older client sends a card submit as a message, then the user is told in Swedish to update Teams and nothing is saved', async () => {
      const res = await h.post(legacySubmit(h.where()));
      assert.equal(res.status, 200);
      const [reply, ...more] = h.connector.messages();
      assert.equal(more.length, 0);
      assert.match(reply!.text, /^Uppdatera Teams/);
      assert.equal((await h.bot.store.reports.latest({ tenantId: TENANT, conversationId: CHANNEL }, 10)).length, 0);
    });

    it('When the client is English, then the answer is in English', async () => {
      await h.post(legacySubmit(h.where({ locale: 'en-GB', conversationType: 'personal' })));
      assert.match(h.connector.messages()[0]!.text, /^Update Teams/);
    });
  });

  describe('chats are chats', () => {
    it('When "senaste" and "hjälp" are written in a personal or group chat, then the bot says "chatten", never "kanalen"', async () => {
      for (const conversationType of ['personal', 'groupChat'] as const) {
        const latest = cardText(cardOf((await h.say('senaste', { conversationType }))[0]!));
        assert.match(latest, /Senaste rapporterna i chatten/);
        const help = cardText(cardOf((await h.say('hjälp', { conversationType }))[0]!));
        assert.match(help, /chattens senaste rapporter efter när de hände/);
        for (const text of [latest, help]) assert.doesNotMatch(text, /kanalen|kanalens/);
        const subscription = cardText(cardOf((await h.say('prenumeration', { conversationType }))[0]!));
        assert.match(subscription, /Chatten prenumererar inte/);
      }
      const english = cardText(cardOf((await h.say('latest', { conversationType: 'groupChat', locale: 'en-US' }))[0]!));
      assert.match(english, /Latest reports in this chat/);
    });

    it('When the same is written in a channel, then it still says "kanalen"', async () => {
      assert.match(cardText(cardOf((await h.say('senaste'))[0]!)), /Senaste rapporterna i kanalen/);
      assert.match(cardText(cardOf((await h.say('hjälp'))[0]!)), /kanalens senaste rapporter efter när de hände/);
      assert.match(cardText(cardOf((await h.say('latest', { locale: 'en-US' }))[0]!)), /Latest reports in this channel/);
    });

    it('When a chat is installed, then its greeting is worded for a chat', async () => {
      await h.post(added(h.where({ conversationType: 'groupChat' })));
      const text = cardText(cardOf(h.connector.messages()[0]!));
      assert.match(text, /chattens senaste rapporter efter när de hände/);
      assert.doesNotMatch(text, /kanalens/);
    });
  });

  describe('"hotspot visa" at a place with incidents', () => {
    const incident = { date: '2026-11-24', time: '21:15', newPlace: 'Stora torget', category: 'skadegorelse_glaskross', description: 'Krossad ruta', severity: 'medel', organisation: 'polisen', school: '', youthInvolved: '', policeReportNumber: '' };

    it('When the place has incidents but no hot spot, then the answer offers "Skapa hot spot", which starts one', async () => {
      await h.press('submitIncident', incident);
      await h.press('submitIncident', incident);
      const card = cardOf((await h.say('hotspot visa torget'))[0]!);
      assertValidCard(card);
      assert.match(cardText(card), /Stora torget är ingen hot spot, men där finns 2 rapporterade händelser/);
      const start = button(card, 'hotspotStart');
      assert.equal(start.title, 'Skapa hot spot');
      const place = (await h.bot.store.placeRegister.all({ tenantId: TENANT }, 10)).find((p) => p.name === 'Stora torget');
      assert.deepEqual(start.data, { placeId: place!.id });

      const [confirmed] = await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
      assert.match(cardText(cardOf(confirmed!)), / tillhör nu /);
      const started = await h.press('hotspotStart', start.data);
      assert.match(cardText(started), /Hot spot: Stora torget/);
    });

    it('When the place is known but has no incidents, or is unknown, then the plain answer stays', async () => {
      await h.bot.store.places.findOrCreate({ tenantId: TENANT }, 'Stora torget', h.clock.now());
      const [quiet] = await h.say('hotspot visa torget');
      assert.equal(quiet!.attachments, undefined);
      assert.match(quiet!.text, /Jag hittar ingen hot spot vid "torget"/);
      const [english] = await h.say('hotspot show nowhere', { locale: 'en-US' });
      assert.match(english!.text, /I find no hot spot at "nowhere"/);
    });

    it('When the client is English, then the offer is "Create hot spot"', async () => {
      await h.press('submitIncident', incident);
      const card = cardOf((await h.say('hotspot show torget', { locale: 'en-US' }))[0]!);
      assert.match(cardText(card), /Stora torget is not a hot spot, but 1 incident has been reported there/);
      assert.deepEqual(actionsOf(card).map((a) => a.title), ['Create hot spot']);
    });
  });
});

describe('the chat wording of the catalogues', () => {
  const strings = (c: unknown, path = ''): [string, string][] =>
    typeof c === 'string' ? [[path, c]] : Object.entries(c as Record<string, unknown>).flatMap(([k, v]) => strings(v, `${path}.${k}`));

  for (const locale of ['sv', 'en'] as const) {
    it(`When the ${locale} catalogue is worded for a chat, then no string speaks of the channel alone`, () => {
      const chat: Catalogue = messages(locale, 'chat');
      const channelOnly = strings(chat).filter(([, s]) => /kanal|channel/i.test(s) && !/chatt?\b|chat/i.test(s));
      assert.deepEqual(channelOnly, []);
      // The channel wording is unchanged, and the chat wording changes only words, not placeholders.
      const channel = new Map(strings(messages(locale, 'channel')));
      for (const [path, s] of strings(chat)) {
        assert.deepEqual(s.match(/\{[^}]*\}/g) ?? [], channel.get(path)!.match(/\{[^}]*\}/g) ?? [], path);
      }
    });
  }
});
