// The baseline of `npm run bench`: a bare botbuilder bot on the same stack as Trygghetsboten (express,
// express.json, CloudAdapter in local mode, the same Bot Connector on the other side). A message is
// echoed back through the connector; a card press is answered with a small card in the invoke response,
// as the bot answers a report submit. Plain JavaScript, so that its start-up and memory are measured
// without a TypeScript loader, like the compiled bot. Run directly (`node echo-bot.cjs`, PORT) it is a
// server process of its own; required, startEchoBot(port) runs it in the caller's process. Given `save`, it
// awaits save(activity) on each card press and shows what it returns (measures 1 and 7: the echo that saves
// the report with Trygghetsboten's store, saving-echo.ts).
'use strict';
const { once } = require('node:events');
const express = require('express');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

class EchoBot extends ActivityHandler {
  constructor(save) {
    super();
    this.save = save;
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  async onInvokeActivity(context) {
    const data = context.activity.value?.action?.data ?? {};
    const body = [{ type: 'TextBlock', text: `echo: ${Object.keys(data).length} fields` }];
    if (this.save) body.push({ type: 'TextBlock', text: await this.save(context.activity) });
    const card = { type: 'AdaptiveCard', version: '1.5', body };
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

/** Listens on 127.0.0.1:port (0: any free port); resolves { port, close }. */
async function startEchoBot(port = 0, save = undefined) {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppType: 'MultiTenant' }));
  const bot = new EchoBot(save);
  const app = express();
  app.get('/healthz', (_req, res) => { res.status(200).json({ status: 'ok' }); });
  app.post('/api/messages', express.json({ limit: '256kb' }), (req, res) => adapter.process(req, res, (context) => bot.run(context)));
  const server = app.listen(port, '127.0.0.1');
  // Idle connections kept as long as Trygghetsboten keeps its own (src/http/http-server.ts) instead of
  // Node's 5 s: in measures 1 and 7 the client would otherwise drop the echo's connections while the bot's
  // blocks run and pay 100 new ones at the start of the echo's next block, which the bot never does.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await once(server, 'listening');
  return {
    port: server.address().port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

module.exports = { startEchoBot };

if (require.main === module) {
  startEchoBot(Number(process.env.PORT ?? 0)).then(({ port }) => {
    process.stdout.write(`${JSON.stringify({ msg: 'echo bot listens', port, pid: process.pid })}\n`);
  });
}
