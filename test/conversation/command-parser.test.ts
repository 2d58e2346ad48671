import assert from 'node:assert/strict';
import { parseCommand, plainText } from '../../src/conversation/command-parser';
import { messages } from '../../src/i18n/messages';

describe('command parsing', () => {
  const cases: [string, string][] = [
    ['hjälp', 'help'], ['HJALP', 'help'], ['Help', 'help'],
    ['rapportera', 'report'], ['Rapportera!', 'report'], ['report', 'report'],
    ['aktivitet', 'activity'], ['Activity', 'activity'], ['logga aktivitet', 'activity'],
    ['senaste', 'latest'], ['LATEST', 'latest'], ['  senaste   ', 'latest'],
  ];
  for (const [text, name] of cases) {
    it(`reads "${text}" as ${name}`, () => assert.equal(parseCommand(text).name, name));
  }

  it('strips a Teams @mention and HTML before matching', () => {
    assert.equal(parseCommand('<at>Trygghetsboten</at>&nbsp;<p>Senaste</p>').name, 'latest');
    assert.equal(plainText('<at>Bot</at> rapportera   nu'), 'rapportera nu');
  });

  it('keeps the words after the command as arguments', () => {
    assert.deepEqual(parseCommand('rapportera torget klotter'), { name: 'report', args: 'torget klotter' });
  });

  it('calls anything else unknown, including empty text and look-alikes', () => {
    for (const text of ['', 'hej', 'rapporterade', "'; DROP TABLE incidents;--"]) {
      assert.equal(parseCommand(text).name, 'unknown', text);
    }
  });
});

describe('the help card tells the truth', () => {
  it('every command the help card names, in Swedish and English, is one the bot understands', () => {
    for (const locale of ['sv', 'en'] as const) {
      for (const name of Object.values(messages(locale).help.names)) {
        assert.notEqual(parseCommand(name).name, 'unknown', `${locale}: "${name}"`);
      }
    }
  });
});
