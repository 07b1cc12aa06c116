// `npm run serve -- --port N [--host H]`: headless Cairn (API + web UI), built first if needed.
import { ensureBuilt } from './ensure-built.mjs';

await ensureBuilt();
const { runServerMain } = await import('../out/main/server.js');
runServerMain(process.argv.slice(2));
