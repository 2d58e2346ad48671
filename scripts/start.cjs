// `npm start`: the server from its bundle (dist/main.js), bundled first when a source changed since the
// last build. One process: no `prestart` (npm would start a shell and a second Node for it), and the
// server runs in this very process, so it gets the signals `npm start` gets.
'use strict';
const { buildIfStale } = require('./build-if-stale.cjs');

buildIfStale().then(
  () => require('../dist/main.js'),
  (error) => {
    process.stderr.write(`The build failed (${error.message}); nothing was started.\n`);
    process.exit(1);
  },
);
