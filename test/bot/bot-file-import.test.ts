import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { downloadAllowed, decodedText } from '../../src/bot/sent-file-reader';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/turn-context-reader';
import { createLogger } from '../../src/logging/logger';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, BERIT, TENANT, channelMessage, personalMessage, type Speaker } from '../support/teams-activities';

// A CSV file sent to the bot in the personal chat (issue 12), as Teams sends it: an attachment of type
// file.download.info whose download link points, here, at a local HTTP server (the bot runs in local
// mode, which alone may fetch from this machine). The same import as pasting the lines: same parser,
// same per-line reasons, nothing half-imported, coordinators only. In a channel: how to import.

const EXAMPLES = path.join(__dirname, '../../examples');
const PROMISES = fs.readFileSync(path.join(EXAMPLES, 'medborgarloften-kungsor-2020.csv'));
const SCHOOLS = fs.readFileSync(path.join(EXAMPLES, 'skolregister-exempel.csv'));
const MALFORMED = Buffer.from([
  'typ;år;rubrik;text;organisationer;från;till',
  'löfte;2021;Trygg centrumkärna;Mindre stök i centrum;;;',
  'åtagande;;;Kvällsvandringar;Polisen, Fritid;2021-03-01;2021-06-30',
  'åtagande;;;Bättre belysning;Brandkåren;2021-01-01;2021-12-31',
  'åtagande;;;Städning;Kommunen;2021-13-01;2021-12-31',
].join('\r\n'), 'utf8');

/** The files the local server hands out; `large` is sent in chunks without a length, as a stream would be. */
const FILES: Record<string, Buffer> = {
  'loften.csv': PROMISES, 'skolor.csv': SCHOOLS, 'fel.csv': MALFORMED, 'okand.csv': Buffer.from('a;b;c\n1;2;3\n'),
};

describe('importing a CSV file sent in the personal chat', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let server: http.Server;
  let base: string;
  const requested: string[] = [];
  const count = (sql: string) => h.readDatabase((db) => (db.prepare(sql).get() as { n: number }).n);

  before(async () => {
    server = http.createServer((req, res) => {
      const name = (req.url ?? '').replace(/^\/files\//, '').replace(/\?.*$/, '');
      requested.push(name);
      if (name === 'large.csv') {
        res.writeHead(200, { 'content-type': 'text/csv' });
        const line = `namn;stadier;plats\n${'Skola;F-6;\n'.repeat(4000)}`;
        for (let i = 0; i < 8; i += 1) res.write(line); // about 330 kB, no Content-Length
        res.end();
        return;
      }
      // A redirect as SharePoint may give: to this host (followed), or off it (refused).
      if (name === 'moved.csv') { res.writeHead(302, { location: `/files/${Object.keys(FILES)[0]}` }).end(); return; }
      if (name === 'away.csv') { res.writeHead(302, { location: 'https://evil.example.com/loften.csv' }).end(); return; }
      const file = FILES[name];
      if (!file) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': 'text/csv' }).end(file);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`;
  });
  after(async () => { await new Promise((resolve) => server.close(resolve)); });

  /** Every log line of the bot, at the most verbose level. */
  const logLines: string[] = [];
  beforeEach(async () => {
    logLines.length = 0;
    const sink = new Writable({ write(chunk, _enc, done) { logLines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` }, createLogger('trace', sink));
    requested.length = 0;
  });
  afterEach(async () => { await h.stop(); });

  /** The attachment Teams adds for a file sent to the bot (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4). */
  const attachment = (name: string, fileType = 'csv', downloadUrl = `${base}/${name}?tempauth=secret-token`) => ({
    contentType: FILE_DOWNLOAD_INFO, contentUrl: `https://contoso-my.sharepoint.com/personal/anna/Documents/${name}`, name,
    content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType, etag: '123' },
  });
  /** Sends `text` with the file in the user's personal chat with the bot; returns the bot's answers' text. */
  const sendFile = async (text: string, file: Record<string, unknown>, from: Speaker = ANNA): Promise<string> => {
    const before = h.connector.messages().length;
    const res = await h.post({ ...personalMessage(text, h.where({ conversationType: 'personal', from })), attachments: [file] });
    assert.ok(res.status < 300, `answered ${res.status}`);
    const answers = h.connector.messages().slice(before);
    assert.equal(answers.length, 1, 'one answer');
    return answers[0]!.attachments ? cardText(cardOf(answers[0]!)) : String(answers[0]!.text);
  };

  it('When a coordinator sends the promise file, then it is imported as the pasted lines would be; the school file by its header line alone', async () => {
    assert.match(await sendFile('löften import', attachment('loften.csv')), /3 löften med 8 åtaganden importerade för 2020/);
    assert.equal(count('SELECT COUNT(*) AS n FROM promises'), 3);
    assert.equal(count('SELECT COUNT(*) AS n FROM promise_commitments'), 8);
    assert.match(await sendFile('', attachment('skolor.csv')), /3 skolor importerade: Exempelskolan, Exempelbyns skola, Exempelgymnasiet/);
    assert.equal(count('SELECT COUNT(*) AS n FROM schools'), 3);
    assert.ok(logLines.length > 0);
    assert.ok(!logLines.some((l) => l.includes('secret-token') || l.includes('/files/')), 'the download link is never logged');
  });

  it('When the download link redirects, then the file is read if the redirect stays on an allowed host, and refused if it leads away', async () => {
    assert.match(await sendFile('löften import', attachment('moved.csv')), /3 löften med 8 åtaganden importerade för 2020/);
    assert.deepEqual(requested, ['moved.csv', 'loften.csv'], 'the redirect was followed to the file');
    assert.match(await sendFile('löften import', attachment('away.csv')), /Filen kunde inte hämtas/);
    assert.equal(count('SELECT COUNT(*) AS n FROM promises'), 3, 'nothing more stored');
  });

  it('When the file has wrong lines, then each is named with its reason in Swedish and nothing is imported', async () => {
    const text = await sendFile('', attachment('fel.csv'));
    assert.match(text, /Importen gjordes inte/);
    assert.match(text, /Rad 4: okänd organisation \\"Brandkåren\\"/);
    assert.match(text, /Rad 5: datumet \\"2021-13-01\\" är inte ÅÅÅÅ-MM-DD/);
    assert.equal(count('SELECT COUNT(*) AS n FROM promises'), 0, 'not even the right lines');
    assert.equal(count('SELECT COUNT(*) AS n FROM promise_commitments'), 0);
  });

  it('When the file is too large, not a CSV, of no kind the bot can tell, or on another host, then the answer says so and nothing is stored', async () => {
    assert.match(await sendFile('skolor import', attachment('large.csv')), /Filen är för stor: högst 256 kB/);
    assert.match(await sendFile('', attachment('okand.csv')), /kan inte avgöra om filen innehåller medborgarlöften eller skolor/);
    assert.match(await sendFile('', attachment('rapport.pdf', 'pdf')), /Bara CSV-filer \(\.csv\) kan importeras/);
    assert.match(await sendFile('', attachment('loften.csv', 'csv', 'https://evil.example.com/loften.csv')), /Filen kunde inte hämtas/);
    assert.match(await sendFile('', attachment('saknas.csv')), /Filen kunde inte hämtas/);
    const shared = { contentType: 'reference', contentUrl: 'https://contoso.sharepoint.com/sites/trygghet/Delade dokument/skolor.csv', name: 'skolor.csv' };
    assert.match(await sendFile('', shared), /delades som en länk till OneDrive eller SharePoint/);
    assert.deepEqual(requested, ['large.csv', 'okand.csv', 'saknas.csv'], 'no request for the pdf nor to another host');
    assert.equal(count('SELECT COUNT(*) AS n FROM schools'), 0);
    assert.equal(count('SELECT COUNT(*) AS n FROM promises'), 0);
  });

  it('When someone who is not a coordinator sends a file, then it is refused and not even fetched', async () => {
    assert.match(await sendFile('löften import', attachment('loften.csv'), BERIT), /koordinator/i);
    assert.deepEqual(requested, []);
    assert.equal(count('SELECT COUNT(*) AS n FROM promises'), 0);
  });

  it('When a file comes with a channel message, then the answer says how to import (the 1:1 chat, or pasting) and nothing is fetched', async () => {
    const before = h.connector.messages().length;
    await h.post({ ...channelMessage('löften import', h.where()), attachments: [{ contentType: 'text/html', content: '<div>löften import</div>' }, attachment('loften.csv')] });
    const text = cardText(cardOf(h.connector.messages().slice(before)[0]!));
    assert.match(text, /Filer i en kanal eller gruppchatt sparas i SharePoint, dit jag inte når\. Skicka CSV-filen till mig i vår 1:1-chatt/);
    assert.deepEqual(requested, []);
    assert.equal(count('SELECT COUNT(*) AS n FROM promises'), 0);
    // Typed without a file: the same how-to.
    assert.match(cardText(cardOf((await h.say('importera fil'))[0]!)), /Skicka CSV-filen till mig här i vår 1:1-chatt/);
  });
});

describe('the sent file download rules', () => {
  it('follows https links to SharePoint hosts only, and links to this machine only in local mode', () => {
    assert.equal(downloadAllowed('https://contoso-my.sharepoint.com/personal/a/_layouts/15/download.aspx?tempauth=x', false), true);
    assert.equal(downloadAllowed('http://contoso-my.sharepoint.com/file.csv', false), false, 'not over http');
    assert.equal(downloadAllowed('https://contoso.sharepoint.com.evil.example/file.csv', false), false);
    assert.equal(downloadAllowed('https://user:pw@contoso.sharepoint.com/file.csv', false), false);
    assert.equal(downloadAllowed('http://127.0.0.1:3978/file.csv', false), false, 'loopback refused with an app id');
    assert.equal(downloadAllowed('http://127.0.0.1:3978/file.csv', true), true);
    assert.equal(downloadAllowed('file:///etc/passwd', true), false);
    assert.equal(downloadAllowed('not a url', true), false);
  });

  it('reads UTF-8, and the Windows-1252 that Swedish Excel saves a CSV in', () => {
    assert.equal(decodedText(Buffer.from('\uFEFFnamn;stadier\nÄngsskolan;F-6', 'utf8')), 'namn;stadier\nÄngsskolan;F-6');
    assert.equal(decodedText(Buffer.from([0xc4, 0x6e, 0x67, 0x73, 0x73, 0x6b, 0x6f, 0x6c, 0x61, 0x6e])), 'Ängsskolan');
  });
});
