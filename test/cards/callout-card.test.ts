import assert from 'node:assert/strict';
import { calloutView } from '../../src/cards/mobilisation-cards';
import type { Callout, Recipient } from '../../src/domain/mobilisation/callout';

// Who a call-out's card says was reached: waiting for an answer (the copy went out), not reached yet (the
// bot tries again), could not be reached (refused, or given up), in Swedish and English.

const at = new Date('2026-11-25T10:00:00Z');
const recipient = (name: string, delivery: Recipient['delivery'], sendTries = 0): Recipient => ({
  userId: `aad-${name}`, chatUserId: null, name, role: 'rektor', step: 1, delivery, threadId: null, activityId: null,
  answer: null, note: null, answeredAt: null, sendTries, nextSendAt: delivery === 'pending' ? at : null,
});
const callout = (recipients: Recipient[], events: Callout['events'] = []): Callout => ({
  id: 'c-1', tenantId: 't', conversationId: 'ch', schoolId: 's', schoolName: 'Ängsskolan', what: 'bråk', caller: { userId: 'aad-anna', name: 'Anna' },
  calledAt: at, step: 1, escalateAt: null, state: 'open', outcome: null, closedAt: null, closedBy: null, activityId: null, externalSentAt: null,
  version: 1, recipients, events,
});
const text = (c: Callout, locale: 'sv' | 'en' = 'sv') => JSON.stringify(calloutView(locale, c, at));

describe('a call-out\'s card: who the call reached', () => {
  it('When copies went out, one waits for its next try and one was given up, then the card names each group', () => {
    const c = callout([recipient('Carl', 'sent'), recipient('Erik', 'pending', 2), recipient('Fia', 'unreachable', 5)],
      [{ at, kind: 'undelivered', actorId: 'aad-Fia', detail: '5' }]);
    const sv = text(c);
    assert.match(sv, /Har inte svarat: Carl"/);
    assert.match(sv, /Larmet har inte nått fram än, boten försöker igen: Erik"/);
    assert.match(sv, /Kunde inte nås i Teams: Fia\. Ring dem\./);
    assert.match(sv, /kl\. 11:00: Fia kunde inte nås, 5 försök misslyckades i Teams/);
    const en = text(c, 'en');
    assert.match(en, /The call has not reached them yet; the bot is trying again: Erik"/);
    assert.match(en, /11:00: Fia could not be reached, 5 tries failed in Teams/);
  });

  it('When nobody has been reached yet, then the card does not say that everyone reached has answered', () => {
    const sv = text(callout([recipient('Carl', 'pending', 1)]));
    assert.doesNotMatch(sv, /Alla som nåtts har svarat/);
    assert.match(sv, /boten försöker igen: Carl/);
    assert.match(text(callout([recipient('Carl', 'sent')].map((r) => ({ ...r, answer: 'kommer' as const, answeredAt: at })))), /Alla som nåtts har svarat/);
  });
  it('When one copy has not been tried yet and another failed, then the card says the first is being sent and the second is tried again', () => {
    const c = callout([recipient('Carl', 'pending', 0), recipient('Erik', 'pending', 1)]);
    const sv = text(c);
    assert.match(sv, /Skickas till: Carl"/);
    assert.match(sv, /Larmet har inte nått fram än, boten försöker igen: Erik"/);
    assert.doesNotMatch(sv, /försöker igen: Carl/);
    assert.doesNotMatch(sv, /Alla som nåtts har svarat/, 'nobody has been reached yet');
    const en = text(c, 'en');
    assert.match(en, /Being sent to: Carl"/);
    assert.match(en, /the bot is trying again: Erik"/);
    assert.doesNotMatch(text({ ...c, state: 'closed' }), /Skickas till/, 'a closed call-out sends nothing more');
  });
});
