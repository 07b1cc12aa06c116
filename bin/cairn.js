#!/usr/bin/env node
// `cairn add "text"` from any terminal, into the same database as the app.
import { ensureBuilt } from '../scripts/ensure-built.mjs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(`Cairn needs Node 22 or newer (this is ${process.version}). Run it with "npx cairn …" inside the project.\n`);
  process.exit(1);
}
await ensureBuilt();
const { main } = await import('../out/main/cli.js');
await main();
