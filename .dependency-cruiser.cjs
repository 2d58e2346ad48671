/**
 * Layer rules, checked by a tool rather than by memory (run in `npm test` by test/architecture).
 * domain: pure rules and ports. conversation + cards: chat logic, no SDK. bot + http: the only places
 * botbuilder and express live. store: database drivers. compose.ts/main.ts wire it all together.
 */
const DRIVERS = '^(better-sqlite3|mssql|tedious|kysely|sqlite3)$';
const EDGE = '^(botbuilder|botbuilder-core|botframework-connector|botframework-schema|express|helmet|node-cron|pino|dotenv)$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain must not know the chat SDK, the web server, a database driver or the environment.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/(bot|http|store|config|conversation|cards|scheduler|logging|compose|main)' },
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
