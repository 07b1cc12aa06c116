import type { CheckBenchResult } from './check-duration';

/** Issue 4's target: building and budgeting the prompt for 5,000 new thoughts. */
export const PROMPT_TARGET_MS = 1_000;

export function renderChecks(result: CheckBenchResult | undefined): string[] {
  if (result === undefined) return [];
  const lines = [
    '## Consciousness checks',
    '',
    '| backend | new thoughts | prompt built (ms) | whole check (ms) | thoughts sent | prompt tokens (≈) | how it fit |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of result.rows) {
    const target = row.newThoughts === 5_000 ? (row.promptMs <= PROMPT_TARGET_MS ? ' (met ≤ 1 s)' : ` **MISSED** (> ${PROMPT_TARGET_MS})`) : '';
    lines.push(
      `| ${row.provider} | ${row.newThoughts.toLocaleString('en-US')} | ${row.promptMs}${target} | ${row.checkMs} | ${row.sentThoughts.toLocaleString('en-US')} | ${row.approxPromptTokens.toLocaleString('en-US')} | ${row.notes.join(' ') || 'all of them'} |`,
    );
  }
  lines.push('', '| offline check | new thoughts read | duration (ms) | insights |', '|---|---|---|---|');
  for (const row of result.offline) {
    lines.push(`| ${row.corpus.toLocaleString('en-US')} thoughts, ${row.window} | ${row.newThoughts.toLocaleString('en-US')} | ${row.checkMs} | ${row.insights} |`);
  }
  lines.push(`| the offline check alone, with vectors: 5,000 thoughts × 384-d (k-means over the newest 1,500) | 5,000 | ${result.themesByMeaningMs} | – |`, '');
  for (const note of result.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines;
}
