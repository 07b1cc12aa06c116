import { describe, expect, it } from 'vitest';
import { matchScore, rankCommands, type Command } from '../../src-renderer/features/palette/rank-commands';

const command = (title: string, group = 'Go to', extra: Partial<Command> = {}): Command => ({ id: title, title, group, run: () => undefined, ...extra });

describe('the command palette ranking', () => {
  const commands = [
    command('Stream'),
    command('Insights'),
    command('Run a consciousness check now', 'Checks', { keywords: ['insights'] }),
    command('Theme: dark', 'Appearance', { keywords: ['colour', 'mode'] }),
    command('Search your thoughts for “zq”', 'Search', { fallback: true }),
  ];
  const titles = (query: string) => rankCommands(commands, query).map((entry) => entry.title);

  it('lists everything, in the given order, for an empty query', () => {
    expect(titles('  ')).toEqual(commands.map((entry) => entry.title));
  });

  it('puts a title that starts with the query first, then keyword matches, then the fallback', () => {
    expect(titles('insig').slice(0, 3)).toEqual(['Insights', 'Run a consciousness check now', 'Search your thoughts for “zq”']);
  });

  it('finds by the letters of word starts ("rcc" → Run a consciousness check) and by keywords', () => {
    expect(titles('rcc')[0]).toBe('Run a consciousness check now');
    // Scattered letters rank under the search fallback.
    expect(titles('sa')[0]).toBe('Search your thoughts for “zq”');
    expect(titles('dark')[0]).toBe('Theme: dark');
    expect(titles('colour')[0]).toBe('Theme: dark');
  });

  it('offers only the fallback when nothing else matches', () => {
    expect(titles('zzqx')).toEqual(['Search your thoughts for “zq”']);
  });

  it('scores word starts and runs above scattered letters, and misses as 0', () => {
    expect(matchScore('th', 'Theme: dark')).toBeGreaterThan(matchScore('td', 'Theme: dark'));
    expect(matchScore('xyz', 'Theme: dark')).toBe(0);
    expect(matchScore('DARK', 'Theme: dark')).toBeGreaterThan(0);
  });
});
