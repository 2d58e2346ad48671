import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BotHarness } from '../support/bot-harness';
import { projectRoot } from '../support/bot-process';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/chromium';
import { ensureTabBundle } from '../support/tab-bundle';
import { CHANNEL, OTHER_CHANNEL, seedTown, TAB_NOW, type SeededTown } from '../support/tab-seed';

// The lägesbild tab in real headless Chromium, in local preview (no app id, loopback) with a seeded
// database and no map tiles (the test machine is offline). Screenshots go to test-output/tab.

const SHOTS = join(projectRoot, 'test-output', 'tab');

describe('the lägesbild tab in a browser (local preview, Chromium)', function () {
  this.timeout(120_000);
  if (!chromiumAvailable()) {
    console.log(`Tab browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    it.skip('shows the map, the charts and the table');
    return;
  }

  const harness = new BotHarness();
  let browser: Browser;
  let town: SeededTown;

  before(async () => {
    await ensureTabBundle();
    harness.clock.current = TAB_NOW;
    await harness.start({ MAP_TILE_URL: 'off' });
    town = await seedTown(harness.bot.store, harness.connector.url);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness.stop();
  });

  /** Opens the tab and waits until the map has drawn the answer (never a fixed sleep). */
  const open = async (query: string, viewport = { width: 1100, height: 1400 }): Promise<Page> => {
    const page = await browser.newPage({ viewport, bypassCSP: false });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${harness.baseUrl}/tab?conversation=${encodeURIComponent(CHANNEL)}&${query}`);
    await page.waitForSelector('main[aria-busy="false"] #map[data-incident-markers]');
    assert.deepEqual(problems, [], 'the page runs without script errors');
    return page;
  };
  const markers = (page: Page) => page.getAttribute('#map', 'data-incident-markers').then(Number);
  const tableRows = (page: Page) => page.locator('table tbody tr').count();
  const chartTotal = (page: Page) => page.getAttribute('#trend-chart', 'data-total').then(Number);

  it('When the tab opens, then the map has a marker for each incident with coordinates, the table every incident, and the chart counts them', async () => {
    const page = await open('from=2026-01-22&to=2026-03-18');
    assert.equal(await markers(page), town.withCoordinates);
    assert.ok(await page.locator('.leaflet-marker-icon').count() > 0, 'markers or clusters are drawn');
    assert.equal(await tableRows(page), town.channel.length);
    assert.equal(await chartTotal(page), town.channel.length);
    assert.match(await page.locator('.unplaced').innerText(), /^1 händelse saknar koordinater/);
    assert.equal(await page.getAttribute('#map', 'data-hot-spots'), '1');
    await page.screenshot({ path: join(SHOTS, 'tab-default.png'), fullPage: true });
    await page.close();
  });

  it('When a category is chosen and shown, then markers, chart, table, URL and CSV narrow to it', async () => {
    const page = await open('from=2026-01-22&to=2026-03-18');
    await page.selectOption('#filter-category', 'skadegorelse_klotter');
    await page.click('form.filters button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-incident-markers') === '3' && document.querySelector('main')?.getAttribute('aria-busy') === 'false');
    assert.equal(await tableRows(page), 3);
    assert.equal(await chartTotal(page), 3);
    assert.match(page.url(), /category=skadegorelse_klotter/);
    for (const text of await page.locator('table tbody tr td:nth-child(4)').allInnerTexts()) assert.equal(text, 'Skadegörelse – klotter');

    const csv = await (await fetch(new URL((await page.getAttribute('#csv-link', 'href'))!, harness.baseUrl))).text();
    const lines = csv.trim().split('\r\n');
    assert.equal(lines.length - 1, 3, 'the CSV holds the filtered rows');
    const refs = (await page.locator('table tbody tr td:first-child').allInnerTexts()).sort();
    assert.deepEqual(lines.slice(1).map((l) => l.split(';')[0]).sort(), refs);
    await page.screenshot({ path: join(SHOTS, 'tab-filtered.png'), fullPage: true });
    await page.close();
  });

  it('When a school of the register is chosen, then markers, table, URL and CSV narrow to the incidents tied to it', async () => {
    const page = await open('from=2026-01-22&to=2026-03-18');
    await page.selectOption('#filter-school', { label: 'Ängsskolan' });
    await page.click('form.filters button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-incident-markers') === '2' && document.querySelector('main')?.getAttribute('aria-busy') === 'false');
    assert.equal(await tableRows(page), 2);
    assert.match(page.url(), new RegExp(`school=${town.schoolId}`), 'the URL keeps the register id, not the name');
    const csv = await (await fetch(new URL((await page.getAttribute('#csv-link', 'href'))!, harness.baseUrl))).text();
    const refs = (await page.locator('table tbody tr td:first-child').allInnerTexts()).sort();
    assert.deepEqual(csv.trim().split('\r\n').slice(1).map((l) => l.split(';')[0]).sort(), refs, 'the CSV holds the school\'s rows');
    await page.close();
  });

  it('When another conversation is chosen, then the tab shows its incidents, with the choice and the filters kept in the URL', async () => {
    const page = await open('from=2026-01-22&to=2026-03-18');
    assert.equal(await page.inputValue('#conversation-choice'), CHANNEL);
    await Promise.all([page.waitForURL(/conversation=19%3Aannan%40thread/), page.selectOption('#conversation-choice', OTHER_CHANNEL)]);
    await page.waitForSelector('main[aria-busy="false"] #map[data-incident-markers]');
    assert.equal(await markers(page), 1, 'the other channel\'s one incident');
    assert.equal(await tableRows(page), 1);
    assert.equal(await page.inputValue('#conversation-choice'), OTHER_CHANNEL);
    const url = new URL(page.url());
    assert.deepEqual([url.searchParams.get('conversation'), url.searchParams.get('from'), url.searchParams.get('to')], [OTHER_CHANNEL, '2026-01-22', '2026-03-18']);
    await page.close();
  });

  it('When Teams is in the dark theme and English, then the page is dark and in English', async () => {
    const page = await open('theme=dark&locale=en');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(31, 31, 31)');
    assert.equal(await page.locator('h1').innerText(), 'Situation picture');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.screenshot({ path: join(SHOTS, 'tab-dark.png'), fullPage: true });
    await page.close();
  });

  it('When the tab is used at phone width, then nothing runs off the side and the filters work from the keyboard', async () => {
    const page = await open('from=2026-01-22&to=2026-03-18', { width: 360, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no sideways scrolling of the page');
    await page.selectOption('#filter-organisation', 'annan'); // none of the incidents is Annan's
    await page.focus('#filter-hotspot');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'submit', 'the show button is next in the tab order');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-incident-markers') === '0');
    assert.match(await page.locator('caption').innerText(), /Inga händelser/);
    await page.screenshot({ path: join(SHOTS, 'tab-phone.png'), fullPage: true });
    await page.close();
  });

  it('When axe-core checks the tab in each theme, then it finds no serious or critical violation', async () => {
    const axe = readFileSync(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const theme of ['default', 'dark', 'contrast']) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, bypassCSP: true });
      await page.goto(`${harness.baseUrl}/tab?conversation=${encodeURIComponent(CHANNEL)}&theme=${theme}&from=2026-01-22&to=2026-03-18`);
      await page.waitForSelector('main[aria-busy="false"] #map[data-incident-markers]');
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      assert.deepEqual(violations, [], `${theme} theme`);
      await page.close();
    }
  });
});
