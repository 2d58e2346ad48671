import assert from 'node:assert/strict';
import { parseCommand } from '../../src/conversation/command-parser';

describe('lägesbild command parsing', () => {
  const cases: [string, string, string][] = [
    ['Lägesbild', 'lagesbild', ''], ['lagesbild förra veckan', 'lagesbild', 'förra veckan'], ['lägesbild vecka 12', 'lagesbild', 'vecka 12'],
    ['situation last week', 'lagesbild', 'last week'], ['digest march', 'lagesbild', 'march'],
    ['prenumerera', 'subscribe', ''], ['Prenumerera fredag 08:15', 'subscribe', 'fredag 08:15'], ['subscribe daily 07:00', 'subscribe', 'daily 07:00'],
    ['prenumeration', 'subscription', ''], ['avsluta prenumeration', 'unsubscribe', ''], ['unsubscribe', 'unsubscribe', ''],
    ['export 2026-01-01 2026-03-31', 'export', '2026-01-01 2026-03-31'], ['exportera mars', 'export', 'mars'],
  ];
  for (const [text, name, args] of cases) {
    it(`reads "${text}" as ${name}`, () => assert.deepEqual(parseCommand(text), { name, args }));
  }
});
