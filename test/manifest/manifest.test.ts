import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { drawColorIcon, drawOutlineIcon, ACCENT_COLOR } from '../../scripts/make-icons';
import {
  type AppManifest, MANIFEST_DIR, ManifestValidationError, PACKAGE_FILE_NAME, PROJECT_ROOT,
  PackageSettingsError, assembleAppPackage, buildZipBuffer, bundledManifestVersions, compareVersions,
  createAppPackage, fillPlaceholders, readPackageSettings, validateLocalization, validateManifest,
} from '../../scripts/package-app';
import { parseCommand } from '../../src/conversation/command-parser';
import {
  BOT_SCOPES, COMMAND_TITLES, SAMPLE_APP_ID, SAMPLE_SETTINGS, botOf, pixelsOf, readEnglishStrings, readIcon,
  readTemplate, sampleManifest, withoutNetwork,
} from './manifest-fixtures';

describe('Teams app manifest template', () => {
  it('validates against the bundled JSON schema with zero errors, without touching the network', async () => {
    const errors = await withoutNetwork(() => validateManifest(sampleManifest()));
    assert.deepEqual(errors, []);
  });

  it('uses manifest schema 1.22 or newer, and its $schema URL names the same version', () => {
    const manifest = sampleManifest();
    assert.ok(compareVersions(manifest.manifestVersion, '1.22') >= 0, `manifestVersion ${manifest.manifestVersion}`);
    assert.ok(bundledManifestVersions().includes(manifest.manifestVersion));
    assert.equal(manifest.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it('only uses the documented placeholders, and none survive filling', () => {
    const names = [...JSON.stringify(readTemplate()).matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(names)].sort(), ['APP_ID', 'APP_VERSION', 'BOT_DOMAIN', 'BOT_ID']);
    assert.doesNotMatch(JSON.stringify(sampleManifest()), /\$\{\{/);
  });

  it('is the Swedish Trygghetsboten with English as an additional language', () => {
    const manifest = sampleManifest();
    assert.deepEqual(manifest.name, { short: 'Trygghetsboten', full: 'Trygghetsboten – lokal samverkan för trygghet' });
    assert.match(JSON.stringify(manifest.description), /händelser/);
    assert.deepEqual(manifest.localizationInfo,
      { defaultLanguageTag: 'sv-SE', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] });
    assert.equal(manifest.accentColor, ACCENT_COLOR);
  });

  it('has a bot in team, groupChat and personal scope, that receives files (a CSV import in the 1:1 chat)', () => {
    const bot = botOf(sampleManifest());
    assert.deepEqual([...bot.scopes].sort(), [...BOT_SCOPES].sort());
    assert.equal(bot.supportsFiles, true);
    assert.equal(bot.botId, SAMPLE_APP_ID);
  });

  for (const scope of BOT_SCOPES) {
    it(`offers the ten most used commands (hotspot, lägesbild, hotspots, prenumerera …) with Swedish descriptions in ${scope} scope`, () => {
      const lists = botOf(sampleManifest()).commandLists.filter((list) => list.scopes.includes(scope));
      assert.equal(lists.length, 1, `one command list for ${scope}`);
      const commands = lists[0]!.commands;
      assert.deepEqual(commands.map((c) => c.title), [...COMMAND_TITLES]);
      assert.ok(commands.length <= 10, 'Teams shows at most ten commands per scope');
      for (const command of commands) {
        assert.match(command.description ?? '', /^(Visa|Rapportera|Logga|Snabbrapport|Få|Sök|Exportera) /, `"${command.title}" is described in Swedish`);
        assert.ok(command.title.length <= 32 && (command.description ?? '').length <= 128, `"${command.title}" fits Teams' limits`);
      }
      const room = scope === 'team' ? /kanalen/ : /chatten/;
      assert.match(commands.find((c) => c.title === 'senaste')!.description!.replace('kanalens', 'kanalen').replace('chattens', 'chatten'), room);
    });
  }

  it('names only commands the bot understands, in Swedish and in English', () => {
    const english = readEnglishStrings();
    const titles = botOf(sampleManifest()).commandLists.flatMap((list) => list.commands.map((c) => c.title));
    const englishTitles = Object.entries(english).filter(([key]) => key.startsWith('bots[') && key.endsWith('.title')).map(([, v]) => v);
    for (const title of [...titles, ...englishTitles]) {
      assert.notEqual(parseCommand(title).name, 'unknown', `"${title}" is not a command of the bot`);
    }
  });

  it('declares shared and private channels, so the bot also works where guests of other tenants take part', () => {
    // Standard channels come with the team scope; shared channels (police colleagues joining from their own
    // tenant) and private channels must be declared. How such an activity is scoped: test/e2e/shared-channels.test.ts.
    const manifest = sampleManifest() as AppManifest & { supportedChannelTypes?: string[] };
    assert.deepEqual([...(manifest.supportedChannelTypes ?? [])].sort(), ['privateChannels', 'sharedChannels']);
    assert.ok(botOf(manifest).scopes.includes('team'), 'channel types need the team scope');
  });

  it('requests the identity and messageTeamMembers permissions and has the bot host as valid domain', () => {
    const manifest = sampleManifest();
    assert.deepEqual(manifest.permissions, ['identity', 'messageTeamMembers']);
    assert.deepEqual(manifest.validDomains, [SAMPLE_SETTINGS.botDomain]);
  });
});

describe('English localization (manifest/en.json)', () => {
  it('validates against the bundled localization schema of the same manifest version', async () => {
    const version = sampleManifest().manifestVersion;
    const strings = readEnglishStrings();
    assert.equal(strings.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`);
    assert.deepEqual(await withoutNetwork(() => validateLocalization(strings, version)), []);
  });

  it('translates every command of every list, and nothing that does not exist', () => {
    const bot = botOf(sampleManifest());
    const expected = bot.commandLists.flatMap((list, i) => list.commands.flatMap((_, j) => [
      `bots[0].commandLists[${i}].commands[${j}].title`, `bots[0].commandLists[${i}].commands[${j}].description`,
    ]));
    const actual = Object.keys(readEnglishStrings()).filter((key) => key.startsWith('bots['));
    assert.deepEqual(actual.sort(), expected.sort());
  });
});

describe('app icons', () => {
  it('color.png is 192×192 and fully opaque', () => {
    const icon = readIcon('color.png');
    assert.deepEqual([icon.width, icon.height], [192, 192]);
    assert.ok(pixelsOf(icon).every(([, , , alpha]) => alpha === 255));
  });

  it('outline.png is 32×32, pure white on a fully transparent background', () => {
    const icon = readIcon('outline.png');
    assert.deepEqual([icon.width, icon.height], [32, 32]);
    const pixels = pixelsOf(icon);
    assert.ok(pixels.every(([r, g, b]) => r === 255 && g === 255 && b === 255), 'only white pixels');
    assert.equal(pixels[0]![3], 0, 'the corner is fully transparent');
    const transparent = pixels.filter(([, , , a]) => a === 0).length;
    const solid = pixels.filter(([, , , a]) => a === 255).length;
    assert.ok(transparent > 512 && solid > 64, `${transparent} transparent and ${solid} solid pixels`);
  });

  it('are exactly what scripts/make-icons.ts draws', () => {
    assert.ok(readIcon('color.png').data.equals(drawColorIcon().data), 'color.png differs: run the script');
    assert.ok(readIcon('outline.png').data.equals(drawOutlineIcon().data), 'outline.png differs: run the script');
  });
});

describe('package settings', () => {
  it('needs MicrosoftAppId and says so clearly', () => {
    assert.throws(() => readPackageSettings({}, '0.1.0'),
      (e: unknown) => e instanceof PackageSettingsError && /MicrosoftAppId is missing/.test(e.message));
    assert.throws(() => readPackageSettings({ MicrosoftAppId: '  ' }, '0.1.0'), /MicrosoftAppId is missing/);
  });

  it('rejects a MicrosoftAppId that is not a GUID', () => {
    assert.throws(() => readPackageSettings({ MicrosoftAppId: 'my-bot' }, '0.1.0'),
      (e: unknown) => e instanceof PackageSettingsError && /MicrosoftAppId "my-bot" is not a GUID/.test(e.message));
  });

  it('takes the host from a pasted BOT_DOMAIN URL and defaults the version', () => {
    const settings = readPackageSettings(
      { MicrosoftAppId: SAMPLE_APP_ID.toUpperCase(), BOT_DOMAIN: 'https://ABC.ngrok.app/api/messages' }, '0.1.0');
    assert.deepEqual(settings, { appId: SAMPLE_APP_ID, botDomain: 'abc.ngrok.app', appVersion: '0.1.0' });
  });

  it('names every bad setting at once', () => {
    assert.throws(
      () => readPackageSettings({ MicrosoftAppId: SAMPLE_APP_ID, BOT_DOMAIN: 'not a host', APP_VERSION: '2' }, '0.1.0'),
      (e: unknown) => e instanceof Error && /BOT_DOMAIN/.test(e.message) && /APP_VERSION "2"/.test(e.message));
  });
});

describe('placeholders', () => {
  it('fills strings anywhere and drops an array item whose only placeholder is empty', () => {
    const filled = fillPlaceholders({ a: 'x-${{A}}', list: ['${{EMPTY}}', 'keep'], n: 1 }, { A: '1', EMPTY: '' });
    assert.deepEqual(filled, { a: 'x-1', list: ['keep'], n: 1 });
  });

  it('refuses a placeholder it has no value for', () => {
    assert.throws(() => fillPlaceholders({ a: '${{NOPE}}' }, {}), /NOPE/);
  });

  it('leaves validDomains empty when BOT_DOMAIN is not set, and the manifest stays valid', async () => {
    const manifest = sampleManifest({ ...SAMPLE_SETTINGS, botDomain: '' });
    assert.deepEqual(manifest.validDomains, []);
    assert.deepEqual(await validateManifest(manifest), []);
  });
});

describe('app package', () => {
  it('is a zip with the filled, valid manifest, both icons and en.json at its root', async () => {
    const { zip } = await createAppPackage(SAMPLE_SETTINGS);
    const archive = await JSZip.loadAsync(zip);
    assert.deepEqual(Object.keys(archive.files).sort(), ['color.png', 'en.json', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as AppManifest;
    assert.deepEqual(await withoutNetwork(() => validateManifest(manifest)), []);
    assert.equal(manifest.id, SAMPLE_APP_ID);
    assert.equal(botOf(manifest).botId, SAMPLE_APP_ID);
    assert.equal(manifest.version, '1.2.3');
    for (const icon of ['color.png', 'outline.png']) {
      const packed = await archive.file(icon)!.async('nodebuffer');
      assert.ok(packed.equals(readFileSync(join(MANIFEST_DIR, icon))), `${icon} is packed unchanged`);
    }
  });

  it('buildZipBuffer puts files at the root under their names', async () => {
    const zip = await buildZipBuffer(new Map([['a.txt', Buffer.from('A')]]));
    const archive = await JSZip.loadAsync(zip);
    assert.equal(await archive.file('a.txt')!.async('string'), 'A');
  });

  it('fails with the list of schema errors when the manifest is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    try {
      cpSync(MANIFEST_DIR, dir, { recursive: true });
      const broken = { ...(readTemplate() as object), accentColor: 'blue', developer: { name: 'x' } };
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(broken));
      await assert.rejects(assembleAppPackage(SAMPLE_SETTINGS, dir), (e: unknown) => {
        assert.ok(e instanceof ManifestValidationError);
        assert.ok(e.errors.some((line) => line.startsWith('/accentColor')), e.message);
        assert.ok(e.errors.some((line) => /websiteUrl/.test(line)), e.message);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run package', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = (env: Record<string, string>) => spawnSync(npm, ['run', '--silent', 'package'], {
    cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ...env }, shell: process.platform === 'win32',
  });

  it('writes the zip to PACKAGE_OUT_DIR and explains how to upload it', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'app-package-'));
    try {
      const result = run({
        MicrosoftAppId: SAMPLE_APP_ID, BOT_DOMAIN: 'bot.example.org', APP_VERSION: '2.0.1', PACKAGE_OUT_DIR: outDir,
      });
      assert.equal(result.status, 0, result.stderr);
      const zipPath = join(outDir, PACKAGE_FILE_NAME);
      assert.ok(existsSync(zipPath));
      assert.match(result.stdout, /Upload an app/);
      const archive = await JSZip.loadAsync(readFileSync(zipPath));
      const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as AppManifest;
      assert.equal(manifest.version, '2.0.1');
      assert.deepEqual(manifest.validDomains, ['bot.example.org']);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('exits with 1 and a clear message without MicrosoftAppId', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'app-package-'));
    try {
      const result = run({ MicrosoftAppId: '', PACKAGE_OUT_DIR: outDir });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /MicrosoftAppId is missing/);
      assert.ok(!existsSync(join(outDir, PACKAGE_FILE_NAME)));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
