#!/usr/bin/env node
// The `tandem` command (npm bin). The CLI itself is built by electron-vite into out/main/cli.js.

const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('Tandem is not built yet: run npm run build\n');
  process.exit(2);
}
require(cli);
