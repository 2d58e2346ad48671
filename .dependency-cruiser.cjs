/**
 * Layer rules, checked by a tool rather than by memory (run in `npm test` by test/architecture).
 * domain: pure rules and ports. conversation + cards: chat logic, no SDK. bot + http: the only places
 * botbuilder and express live. store: database drivers. compose.ts/main.ts wire it all together.
 *
 * The layers, each importing only those to its left (config and logging aside, see their rules):
 *
 *   domain  ←  cards, i18n  ←  conversation  ←  bot, http, scheduler  ←  composition (src/compose*.ts, src/main.ts)
 *
 * store is imported by the composition root only. Every rule has a probe in test/architecture/fixture
 * (src/<layer>/breaks-<rule name>.ts) that breaks exactly that rule, so that each one is proven to bite.
 */
const DRIVERS = '^(better-sqlite3|better-sqlite3-napi|mssql|tedious|kysely|sqlite3)$';
const EDGE = '^(botbuilder|botbuilder-core|botframework-connector|botframework-schema|express|helmet|node-cron|pino|dotenv)$';

/** The files of the named folders of src. */
const under = (...folders) => `^src/(${folders.join('|')})/`;
/** The composition root: src/compose.ts, src/compose-*.ts and src/main.ts. */
const COMPOSITION = '^src/(compose[^/]*|main)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain must not know the chat SDK, the web server, a database driver or the environment.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/(bot|http|store|config|conversation|cards|i18n|scheduler|logging|compose|main)' },
    },
    {
      name: 'domain-no-infrastructure-packages',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '(^|/)node_modules/(luxon)/' },
    },
    {
      name: 'botbuilder-stays-in-the-teams-edge',
      comment: 'botbuilder is archived: keeping it in bot/ and http/ makes a move to its successor one folder of work.',
      severity: 'error',
      from: { pathNot: '^src/(bot|http)/' },
      to: { path: 'node_modules/(botbuilder|botbuilder-core|botframework-connector|botframework-schema)/' },
    },
    {
      name: 'chat-logic-without-sdk-or-drivers',
      severity: 'error',
      from: { path: '^src/(conversation|cards|i18n)/' },
      to: { path: `node_modules/(${DRIVERS.slice(2, -2)}|${EDGE.slice(2, -2)})/` },
    },
    {
      name: 'cards-and-i18n-below-conversation',
      comment: 'Cards and message catalogues render domain values; they know nothing of the chat flow, the edges or the store.',
      severity: 'error',
      from: { path: under('cards', 'i18n') },
      to: { path: [under('conversation', 'bot', 'http', 'scheduler', 'store'), COMPOSITION] },
    },
    {
      name: 'conversation-below-the-edges',
      comment: 'The chat flow is reached through the Teams and HTTP edges and the scheduler, never the other way round.',
      severity: 'error',
      from: { path: under('conversation') },
      to: { path: [under('bot', 'http', 'scheduler', 'store'), COMPOSITION] },
    },
    {
      name: 'edges-below-the-composition-root',
      comment: 'bot, http and the scheduler are wired together by the composition root; they never reach back into it.',
      severity: 'error',
      from: { path: under('bot', 'http', 'scheduler') },
      to: { path: COMPOSITION },
    },
    {
      name: 'config-stands-on-the-domain-only',
      comment: 'Configuration reads the environment into values (the domain vocabulary at most); it cannot log or reach any layer above.',
      severity: 'error',
      from: { path: under('config') },
      to: { path: [under('bot', 'http', 'scheduler', 'conversation', 'cards', 'i18n', 'store', 'logging'), COMPOSITION] },
    },
    {
      name: 'store-knows-only-the-domain',
      comment: 'Repositories implement domain ports; they know nothing of the chat, the edges or the composition root.',
      severity: 'error',
      from: { path: under('store') },
      to: { path: [under('conversation', 'cards', 'i18n', 'bot', 'http', 'scheduler'), COMPOSITION] },
    },
    {
      name: 'stores-only-through-the-composition-root',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(store/|compose\\.ts)' },
      to: { path: '^src/store/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
