import assert from 'node:assert/strict';
import { EXTENSION_COMMANDS } from '../../src/bot/message-extension-commands';
import { validateManifest } from '../../scripts/package-app';
import { SAMPLE_APP_ID, SAMPLE_SETTINGS, readEnglishStrings, sampleManifest, withoutNetwork } from './manifest-fixtures';

interface ExtensionCommand {
  id: string;
  type?: string;
  context?: string[];
  fetchTask?: boolean;
  title: string;
  parameters?: { name: string; title: string }[];
}
interface ComposeExtension {
  botId: string;
  commands: ExtensionCommand[];
  messageHandlers?: { type: string; value: { domains: string[] } }[];
}

const extensionOf = (manifest = sampleManifest()): ComposeExtension => {
  const list = (manifest as unknown as { composeExtensions?: ComposeExtension[] }).composeExtensions ?? [];
  assert.equal(list.length, 1, 'one compose extension');
  return list[0]!;
};

describe('Teams app manifest: the message extension', () => {
  it('is run by the bot itself', () => {
    assert.equal(extensionOf().botId, SAMPLE_APP_ID);
  });

  it('has the message actions "Rapportera som händelse" and "Logga som aktivitet", each opening a dialog the bot fills', () => {
    const byId = new Map(extensionOf().commands.map((c) => [c.id, c]));
    for (const [id, title] of [[EXTENSION_COMMANDS.reportIncident, 'Rapportera som händelse'], [EXTENSION_COMMANDS.logActivity, 'Logga som aktivitet']] as const) {
      const command = byId.get(id);
      assert.ok(command, `${id} is declared`);
      assert.equal(command.title, title);
      assert.equal(command.type, 'action');
      assert.deepEqual(command.context, ['message']);
      assert.equal(command.fetchTask, true, `${id} asks the bot for its dialog`);
    }
  });

  it('has the search command "Sök rapport" with one text parameter named as the bot reads it', () => {
    const search = extensionOf().commands.find((c) => c.id === EXTENSION_COMMANDS.search);
    assert.ok(search);
    assert.equal(search.title, 'Sök rapport');
    assert.equal(search.type, 'query');
    assert.deepEqual(search.parameters?.map((p) => p.name), ['query']);
  });

  it('unfolds links on the bot\'s own domain, and on nothing else', () => {
    assert.deepEqual(extensionOf().messageHandlers, [{ type: 'link', value: { domains: [SAMPLE_SETTINGS.botDomain] } }]);
  });

  it('stays valid without a BOT_DOMAIN (no link domain then)', async () => {
    const manifest = sampleManifest({ ...SAMPLE_SETTINGS, botDomain: '' });
    assert.deepEqual(extensionOf(manifest).messageHandlers?.[0]?.value.domains, []);
    assert.deepEqual(await withoutNetwork(() => validateManifest(manifest)), []);
  });

  it('is translated into English, command by command, and nothing that does not exist', () => {
    const commands = extensionOf().commands;
    const expected = commands.flatMap((c, i) => [
      `composeExtensions[0].commands[${i}].title`, `composeExtensions[0].commands[${i}].description`,
      ...(c.parameters ?? []).flatMap((_, j) => [`composeExtensions[0].commands[${i}].parameters[${j}].title`, `composeExtensions[0].commands[${i}].parameters[${j}].description`]),
    ]);
    const actual = Object.keys(readEnglishStrings()).filter((key) => key.startsWith('composeExtensions['));
    assert.deepEqual(actual.sort(), expected.sort());
    assert.equal(readEnglishStrings()['composeExtensions[0].commands[0].title'], 'Report as incident');
  });
});
