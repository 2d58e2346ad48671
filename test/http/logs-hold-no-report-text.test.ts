import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';
import { actionsOf, BotHarness } from '../support/bot-harness';
import { BERIT } from '../support/teams-activities';

// Unusual words that appear nowhere else, so that any one of them in the logs is a leak.
const SECRETS = {
  description: 'Zebrafink4711 slog sönder rutan',
  place: 'Kvarteret Gulsparven',
  school: 'Blåmesskolan',
  notes: 'Samtal om Rödhakefamiljen',
  edit: 'Ändrad text Talgoxe88',
  identityNumber: '811218-9876',
};

describe('logs', () => {
  it('When a full scenario runs, then the structured logs carry request ids but no report text, names or personal data', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    const h = await new BotHarness().start({}, createLogger('trace', sink));
    try {
      await h.say('hjälp');
      const saved = await h.press('submitIncident', {
        date: '2026-11-24', newPlace: SECRETS.place, category: 'krankning_mobbning', description: `${SECRETS.description} ${SECRETS.identityNumber}`,
        organisation: 'skola', school: SECRETS.school, maskingConfirmed: true,
      });
      await h.press('submitIncident', { description: SECRETS.description });
      const edit = actionsOf(saved).find((a) => a.verb === 'openEdit')!;
      await h.press('saveIncidentEdit', { ...edit.data, ref: 'H-2026-0001', date: '2026-11-24', newPlace: SECRETS.place, category: 'krankning_mobbning', description: SECRETS.edit, organisation: 'skola', school: SECRETS.school });
      await h.press('submitActivity', { type: 'samtal_med_berorda', date: '2026-11-24', organisation: 'skola', notes: SECRETS.notes }, { from: BERIT });
      await h.say('senaste');
      await h.post('{"broken json');
    } finally {
      await h.stop();
    }
    assert.ok(lines.length >= 8, `expected a log line per request, got ${lines.length}`);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = parsed.filter((l) => l.msg === 'request');
    assert.ok(requests.every((r) => typeof r.requestId === 'string' && typeof r.status === 'number'));
    const cardActions = parsed.filter((l) => l.msg === 'card action');
    assert.ok(cardActions.length >= 3);
    const requestIds = new Set(requests.map((r) => r.requestId));
    assert.ok(cardActions.every((l) => requestIds.has(l.requestId)), 'lines written inside a request carry its request id');
    const all = lines.join('\n');
    for (const secret of [...Object.values(SECRETS), 'Anna Andersson', BERIT.name, '9876']) {
      assert.ok(!all.includes(secret), `the logs contain "${secret}"`);
    }
  });
});
