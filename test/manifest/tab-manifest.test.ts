import assert from 'node:assert/strict';
import { validateManifest } from '../../scripts/package-app';
import { SAMPLE_APP_ID, SAMPLE_SETTINGS, sampleManifest } from './manifest-fixtures';

// The lägesbild tab in the app package: a personal (static) tab and a channel/chat (configurable) tab
// on the bot's public host, with the single sign-on resource the tab's tokens are issued for.

describe('Teams app manifest: the lägesbild tab', () => {
  const host = SAMPLE_SETTINGS.botDomain;

  it('has a static tab for a person and a configurable tab for channels and chats, both on BOT_DOMAIN', async () => {
    const manifest = sampleManifest() as Record<string, any>;
    assert.deepEqual(manifest.staticTabs.map((t: any) => [t.entityId, t.scopes]), [['lagesbild', ['personal']]]);
    assert.ok(manifest.staticTabs[0].contentUrl.startsWith(`https://${host}/tab?`));
    assert.match(manifest.staticTabs[0].contentUrl, /theme=\{theme\}&locale=\{locale\}/, 'Teams fills in the theme and locale');
    assert.deepEqual(manifest.configurableTabs[0].scopes, ['team', 'groupChat']);
    assert.ok(manifest.configurableTabs[0].configurationUrl.startsWith(`https://${host}/tab/config`));
    assert.ok(manifest.validDomains.includes(host));
    assert.deepEqual(await validateManifest(manifest as never), []);
  });

  it('names the single sign-on app and resource (api://<host>/<app id>), which the server accepts as audience', () => {
    const manifest = sampleManifest() as Record<string, any>;
    assert.deepEqual(manifest.webApplicationInfo, { id: SAMPLE_APP_ID, resource: `api://${host}/${SAMPLE_APP_ID}` });
  });

  it('leaves the tabs and sign-on out without BOT_DOMAIN (no https address for them), and stays valid', async () => {
    const manifest = sampleManifest({ ...SAMPLE_SETTINGS, botDomain: '' }) as Record<string, any>;
    assert.equal(manifest.staticTabs, undefined);
    assert.equal(manifest.configurableTabs, undefined);
    assert.equal(manifest.webApplicationInfo, undefined);
    assert.deepEqual(await validateManifest(manifest as never), []);
  });
});
