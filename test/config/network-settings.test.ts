import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config/config';
import {
  isLoopbackHost, isLoopbackServiceUrl, isTeamsServiceUrl, matchesServiceUrlPrefix, parseServiceUrlPrefix, TEAMS_SERVICE_URL_HOSTS,
} from '../../src/config/service-urls';

const APP = { MicrosoftAppId: '3b1a6c55-5d0f-4b8e-9c3a-0d6f7b8e9a10', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  return assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe('configuration: where the bot listens and which connectors it talks to', () => {
  describe('HOST', () => {
    it('defaults to loopback in local mode and to every interface with an app id', () => {
      assert.equal(loadConfig({}).host, '127.0.0.1');
      assert.equal(loadConfig(APP).host, '0.0.0.0');
    });

    it('when set, is used as written in either mode', () => {
      assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '0.0.0.0');
      assert.equal(loadConfig({ HOST: '::' }).host, '::');
      assert.equal(loadConfig({ ...APP, HOST: '10.1.2.3' }).host, '10.1.2.3');
      assert.equal(loadConfig({ HOST: 'localhost' }).host, 'localhost');
    });

    it('refuses what is neither an address nor a host name', () => {
      for (const bad of ['0.0.0.0:3978', 'http://0.0.0.0', 'two words']) {
        assert.match(problemsOf({ HOST: bad }).join('\n'), /^HOST must be an IP address/m, bad);
      }
    });

    it('knows loopback addresses', () => {
      for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(host), true, host);
      for (const host of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'localhost.attacker.invalid', '::ffff:10.0.0.1']) assert.equal(isLoopbackHost(host), false, host);
    });
  });

  describe('service URLs', () => {
    it('knows the Teams connector of each cloud, over https on the default port only', () => {
      assert.deepEqual(Object.keys(TEAMS_SERVICE_URL_HOSTS).sort(), [
        'smba.infra.dod.teams.microsoft.us', 'smba.infra.gcc.teams.microsoft.com', 'smba.infra.gov.teams.microsoft.us', 'smba.trafficmanager.net',
      ]);
      for (const url of ['https://smba.trafficmanager.net/teams/', 'https://smba.trafficmanager.net/amer/', 'https://smba.trafficmanager.net/emea/72f988bf-86f1-41af-91ab-2d7cd011db47/',
        'https://smba.infra.gcc.teams.microsoft.com/teams', 'https://smba.infra.gov.teams.microsoft.us/teams', 'https://smba.infra.dod.teams.microsoft.us/teams']) {
        assert.equal(isTeamsServiceUrl(url), true, url);
      }
      for (const url of ['http://smba.trafficmanager.net/teams/', 'https://smba.trafficmanager.net:444/teams/', 'https://smba.trafficmanager.net.attacker.invalid/',
        'https://attacker.invalid/smba.trafficmanager.net/', 'https://x@smba.trafficmanager.net/', 'https://SMBA.trafficmanager.net/teams/',
        'https://smba.trafficmanager.net\\@attacker.invalid/', 'https://smba.trafficmanager.net/teams/?x=1', 'https://smba.trafficmanager.net/a/../teams/', '', 'not a url']) {
        assert.equal(isTeamsServiceUrl(url), false, url);
      }
    });

    it('knows a connector on this machine', () => {
      for (const url of ['http://127.0.0.1:56150/', 'http://localhost:56150/_connector', 'https://localhost/', 'http://[::1]:9/']) assert.equal(isLoopbackServiceUrl(url), true, url);
      for (const url of ['http://0.0.0.0:1/', 'http://127.0.0.1.attacker.invalid/', 'http://localhost@attacker.invalid/', 'ftp://127.0.0.1/', 'http://127.0.0.1:1/?a']) {
        assert.equal(isLoopbackServiceUrl(url), false, url);
      }
    });

    it('BOT_EXTRA_SERVICE_URLS: https prefixes (http on loopback only), matched by origin and path', () => {
      const config = loadConfig({ ...APP, BOT_EXTRA_SERVICE_URLS: 'https://connector.example/bots, http://127.0.0.1:4000/' });
      assert.deepEqual(config.bot.extraServiceUrls, ['https://connector.example/bots/', 'http://127.0.0.1:4000/']);
      const prefixes = config.bot.extraServiceUrls;
      for (const url of ['https://connector.example/bots/', 'https://connector.example/bots/emea/', 'https://connector.example/bots', 'http://127.0.0.1:4000/x/']) {
        assert.equal(matchesServiceUrlPrefix(url, prefixes), true, url);
      }
      for (const url of ['https://connector.example/botsevil/', 'https://connector.example/', 'http://connector.example/bots/', 'http://127.0.0.1:4001/', 'https://connector.example/bots/../x/']) {
        assert.equal(matchesServiceUrlPrefix(url, prefixes), false, url);
      }
      assert.equal(loadConfig({}).bot.extraServiceUrls.length, 0, 'none by default');
      assert.match(problemsOf({ BOT_EXTRA_SERVICE_URLS: 'http://connector.example/' }).join('\n'), /BOT_EXTRA_SERVICE_URLS .*must use https/);
      assert.match(problemsOf({ BOT_EXTRA_SERVICE_URLS: 'https://u:p@connector.example/' }).join('\n'), /BOT_EXTRA_SERVICE_URLS .*not a plain http\(s\) URL/);
      assert.deepEqual(parseServiceUrlPrefix('https://connector.example'), { prefix: 'https://connector.example/' });
    });
  });
});
