/**
 * Idle memory of the headless server: VmRSS 2 s after it starts listening, and again 2 s after
 * a burst of keyword searches over HTTP (the door the browser uses).
 */
import { BENCH_TOKEN, residentMiB, startServer } from './server-process';
import { QUERY_CLASSES, searchQueries } from './search-latency';

export interface RssResult {
  idleAfterStartMiB: number;
  idleAfterSearchBurstMiB: number;
  peakMiB: number;
  burstQueries: number;
  burstFailures: number;
  listeningMs: number;
}

const SETTLE_MS = 2_000;

export async function measureRss(dataDir: string, options: { burstQueries?: number } = {}): Promise<RssResult> {
  const burstQueries = options.burstQueries ?? 300;
  const server = await startServer(dataDir);
  try {
    await delay(SETTLE_MS);
    const afterStart = residentMiB(server.pid);
    const queries = QUERY_CLASSES.flatMap((kind) => searchQueries()[kind]);
    let failures = 0;
    for (let index = 0; index < burstQueries; index += 1) {
      const response = await fetch(`${server.url}/api/v1/search.query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: queries[index % queries.length], limit: 20 }),
      });
      await response.arrayBuffer();
      if (!response.ok) failures += 1;
    }
    await delay(SETTLE_MS);
    const afterBurst = residentMiB(server.pid);
    return {
      idleAfterStartMiB: afterStart.rss,
      idleAfterSearchBurstMiB: afterBurst.rss,
      peakMiB: afterBurst.peak,
      burstQueries,
      burstFailures: failures,
      listeningMs: Math.round(server.listeningMs),
    };
  } finally {
    await server.stop();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
