/** One thing the palette can do. */
export interface Command {
  id: string;
  title: string;
  /** Heading the command is listed under ("Go to", "Thought", "Checks"…). */
  group: string;
  /** Other words that should find it ("dark" finds "Theme: dark"). */
  keywords?: readonly string[];
  /** Keys that do the same outside the palette, shown beside it (e.g. ['g', 't']). */
  keys?: readonly string[];
  /** Offered for any text (search for it): below clear matches, above letters scattered in a title. */
  fallback?: boolean;
  run(): void | Promise<void>;
}

function isWordStart(text: string, at: number): boolean {
  return at === 0 || text[at - 1] === ' ' || text[at - 1] === ':';
}

function nextWordStart(text: string, char: string, from: number): number {
  for (let at = text.indexOf(char, from); at !== -1; at = text.indexOf(char, at + 1)) {
    if (isWordStart(text, at)) return at;
  }
  return -1;
}

/**
 * How well `query` finds `text`: every query character in order, scored higher for matches at
 * word starts and in runs. 0 means no match. Case-insensitive.
 */
export function matchScore(query: string, text: string): number {
  const needle = query.trim().toLowerCase();
  if (needle === '') return 1;
  const hay = text.toLowerCase();
  const whole = hay.indexOf(needle);
  if (whole !== -1) return 1000 - whole + (isWordStart(hay, whole) ? 500 : 0);
  let score = 0;
  let from = 0;
  let previous = -2;
  let initialsOnly = true;
  for (const char of needle) {
    if (char === ' ') continue;
    const atStart = nextWordStart(hay, char, from);
    const at = atStart === -1 ? hay.indexOf(char, from) : atStart;
    if (at === -1) return 0;
    const atWordStart = at === atStart;
    initialsOnly &&= atWordStart;
    score += (atWordStart ? 10 : 1) + (at === previous + 1 ? 5 : 0);
    previous = at;
    from = at + 1;
  }
  // Initials ("rcc" → Run a Consciousness Check) are as deliberate as typing the words.
  return initialsOnly && needle.length > 1 ? score + 500 : score;
}

/** Where a fallback ranks: under any title containing the query, over scattered-letter matches. */
const FALLBACK_SCORE = 400;

/** The commands that match, best first; ties keep the given order (so groups stay together). */
export function rankCommands(commands: readonly Command[], query: string): Command[] {
  if (query.trim() === '') return [...commands];
  return commands
    .map((command, index) => {
      const texts = [`${command.group}: ${command.title}`, command.title, ...(command.keywords ?? [])];
      const score = command.fallback === true ? FALLBACK_SCORE : Math.max(...texts.map((text) => matchScore(query, text)));
      return { command, index, score };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.command);
}
