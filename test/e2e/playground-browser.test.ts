import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../support/bot-process';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/chromium';
import { freePort } from '../support/free-port';


async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

describe('npm run playground, driven in a real browser', function () {
  this.timeout(120_000);
  if (!chromiumAvailable()) {
    console.log(`Playground browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    it.skip('reports an incident through the Agents Playground');
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-playground-'));
  let playground: ChildProcess;
  let browser: Browser;
  let page: Page;
  let url: string;

  before(async () => {
    const port = await freePort();
    url = `http://localhost:${port}`;
    playground = spawn('npm', ['run', 'playground'], {
      cwd: projectRoot,
      env: { ...process.env, PORT: '0', PLAYGROUND_PORT: String(port), PLAYGROUND_DATABASE_URL: `sqlite:${join(dir, 'pg.db')}` },
      stdio: 'ignore',
      detached: true,
    });
    await waitForHttp(url, 60_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(url);
  });

  after(async () => {
    await browser?.close();
    if (playground?.pid) process.kill(-playground.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  async function say(text: string): Promise<void> {
    const box = page.getByRole('textbox').last();
    await box.fill(text);
    await box.press('Enter');
  }

  // The playground's client says en-US; npm run playground relays it as a Swedish client (sv-SE).
  it('greets the new chat and answers "hjälp" with the command list, in Swedish', async () => {
    await page.getByText('Hej! Jag är Trygghetsboten').first().waitFor({ timeout: 30_000 });
    await say('hjälp');
    await page.getByText('Det här kan jag').waitFor();
  });

  it('reports an incident through the card and shows the saved report in place', async () => {
    await say('rapportera');
    await page.getByPlaceholder('Välj kategori').waitFor();
    await page.getByPlaceholder('eller skriv en ny plats').last().fill('Stora torget');
    await page.getByPlaceholder('Kort beskrivning, utan namn').last().fill('Krossad ruta vid busskuren **fet**');
    await page.getByPlaceholder('Välj kategori').click();
    await page.getByRole('option', { name: 'Skadegörelse – glaskross' }).click();
    await page.getByRole('combobox').nth(3).click();
    await page.getByRole('option', { name: 'Polisen', exact: true }).click();
    await page.getByRole('button', { name: 'Spara' }).last().click();
    await page.getByText(/Händelse H-\d{4}-0001/).waitFor({ timeout: 15_000 });
    assert.equal(await page.getByText('Krossad ruta vid busskuren **fet**').count(), 1, 'typed markdown is shown literally');
    // Four buttons are wider than a phone: the last go behind the card's "…" (More options) menu.
    // Once in a full suite run the menu did not open within 5 s of the first click: the playground may still
    // be rendering the answer when it lands. A person clicks again; so does this, at most twice more.
    for (let attempt = 1; ; attempt++) {
      await page.getByRole('button', { name: 'More options' }).last().click();
      try {
        await page.getByRole('menuitem', { name: 'Jag tar den' }).waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await page.keyboard.press('Escape');
  });

  // The playground does not read the manifest: its message action is started from a message's "…" menu
  // ("Action Command") with the command id typed in, and sends composeExtension/fetchTask with the message.
  it('reports an incident from a message with the message action: the dialog comes filled from the message', async () => {
    const text = 'Krossad ruta vid Stora torget igen';
    // The bot's answer to this message, not one already on the page: the message's own "…" is the one
    // before it only once the answer is there.
    const answered = page.getByText('Det förstod jag inte');
    const before = await answered.count();
    await say(text);
    await answered.nth(before).waitFor({ timeout: 15_000 });
    const more = page.getByRole('button', { name: 'Show more information' });
    await more.nth((await more.count()) - 2).click();
    await page.getByRole('menuitem', { name: 'Action Command' }).click();
    await page.getByPlaceholder('Input command id or leave blanks').fill('reportIncident');
    await page.getByRole('button', { name: 'Create' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Rapportera en händelse').waitFor({ timeout: 15_000 });
    assert.equal(await dialog.locator('textarea').evaluateAll((els, t) => els.filter((e) => (e as HTMLTextAreaElement).value === t).length, text), 1,
      'the message is the description');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(/Händelse H-\d{4}-0002/).waitFor({ timeout: 15_000 });
  });
});
