// Global hotkeys as Electron accelerators ("CommandOrControl+Shift+Space"): reading one a person
// pressed, checking it can work as a global hotkey, and showing it in the platform's words.

export type Platform = 'darwin' | 'win32' | 'linux';

type Modifier = 'CommandOrControl' | 'Command' | 'Control' | 'Alt' | 'Shift' | 'Super';

const MODIFIER_ALIASES: Record<string, Modifier> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const MODIFIER_ORDER: readonly Modifier[] = ['CommandOrControl', 'Command', 'Control', 'Alt', 'Super', 'Shift'];

const NAMED_KEYS = [
  'Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Enter', 'Up', 'Down', 'Left', 'Right',
  'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Plus',
  ...Array.from({ length: 24 }, (_, index) => `F${index + 1}`),
];
const PUNCTUATION = [')', '!', '@', '#', '$', '%', '^', '&', '*', '(', ':', ';', '=', '<', ',', '_', '-', '>', '.', '?', '/', '~', '`', '{', ']', '[', '|', '\\', '}', '"', "'"];
const KEY_ALIASES: Record<string, string> = { return: 'Enter', esc: 'Escape' };

/** Accelerator or the words that say why it cannot be one. */
export type AcceleratorCheck = { ok: true; accelerator: string } | { ok: false; reason: string };

function keyOf(token: string): string | undefined {
  if (/^[a-z0-9]$/i.test(token)) return token.toUpperCase();
  const lower = token.toLowerCase();
  const alias = KEY_ALIASES[lower];
  if (alias !== undefined) return alias;
  const named = NAMED_KEYS.find((name) => name.toLowerCase() === lower);
  if (named !== undefined) return named;
  return PUNCTUATION.includes(token) ? token : undefined;
}

function split(accelerator: string): string[] {
  // "Ctrl++" would mean Ctrl and the plus key; Electron spells that key "Plus".
  return accelerator.trim().replace(/\+\+$/, '+Plus').split('+').map((token) => token.trim());
}

/** Shortcuts the system keeps for itself or that every app uses: a global hotkey must not take them. */
function reservedReason(modifiers: ReadonlySet<Modifier>, key: string, platform: Platform): string | undefined {
  const command = platform === 'darwin' ? 'Command' : 'Control';
  const has = (...wanted: Modifier[]) =>
    modifiers.size === wanted.length &&
    wanted.every((modifier) => modifiers.has(modifier) || (modifier === command && modifiers.has('CommandOrControl')));
  if (has('Alt') && (key === 'Tab' || key === 'F4' || key === 'F2')) return 'your system uses it to switch or close windows';
  if (has('Command') && ['Tab', 'Space', 'Q', 'W', 'H', 'M'].includes(key) && platform === 'darwin') return 'macOS uses it';
  if (has('Control') && key === 'Space' && platform === 'darwin') return 'macOS uses it to switch input sources';
  if (has('Control', 'Alt') && (key === 'Delete' || (key === 'T' && platform === 'linux'))) return 'your system uses it';
  if (has('Super') && platform !== 'darwin') return 'your system keeps the Windows/Super key shortcuts for itself';
  if (has(command) && /^[A-Z0-9]$/.test(key)) return 'nearly every app uses it';
  return undefined;
}

/**
 * Reads an accelerator typed or recorded by a person and returns it in Electron's spelling, or
 * why it cannot be a global hotkey: it needs Ctrl/Cmd, Alt or Super (Shift alone would steal a
 * capital letter), exactly one key, and must not be a shortcut the system or every app uses.
 */
export function checkAccelerator(input: string, platform: Platform): AcceleratorCheck {
  const tokens = split(input);
  if (input.trim() === '' || tokens.some((token) => token === '')) return { ok: false, reason: 'That is not a key combination.' };
  const modifiers = new Set<Modifier>();
  const keys: string[] = [];
  for (const token of tokens) {
    const modifier = MODIFIER_ALIASES[token.toLowerCase()];
    if (modifier !== undefined) {
      modifiers.add(modifier);
      continue;
    }
    const key = keyOf(token);
    if (key === undefined) return { ok: false, reason: `"${token}" is not a key Cairn can listen for.` };
    keys.push(key);
  }
  if (keys.length !== 1) return { ok: false, reason: 'Use one key together with modifiers, like Ctrl+Shift+Space.' };
  const key = keys[0]!;
  const isFunctionKey = /^F\d+$/.test(key);
  const hasStrongModifier = [...modifiers].some((modifier) => modifier !== 'Shift');
  if (!hasStrongModifier && !isFunctionKey) {
    return { ok: false, reason: 'Add Ctrl (⌘ on a Mac) or Alt: without one, the hotkey would fire while you type.' };
  }
  const reserved = reservedReason(modifiers, key, platform);
  const ordered = MODIFIER_ORDER.filter((modifier) => modifiers.has(modifier));
  const accelerator = [...ordered, key].join('+');
  if (reserved !== undefined) {
    return { ok: false, reason: `${acceleratorLabel(accelerator, platform)} cannot be Cairn's hotkey: ${reserved}. Choose another combination.` };
  }
  return { ok: true, accelerator };
}

const LABELS: Record<Platform, Record<Modifier, string>> = {
  darwin: { CommandOrControl: '⌘', Command: '⌘', Control: '⌃', Alt: '⌥', Shift: '⇧', Super: '⌘' },
  win32: { CommandOrControl: 'Ctrl', Command: 'Ctrl', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Super: 'Win' },
  linux: { CommandOrControl: 'Ctrl', Command: 'Ctrl', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Super: 'Super' },
};

/** "CommandOrControl+Shift+Space" → "Ctrl+Shift+Space" (Linux, Windows) or "⌘⇧Space" (macOS). */
export function acceleratorLabel(accelerator: string, platform: Platform): string {
  const parts = split(accelerator).map((token) => {
    const modifier = MODIFIER_ALIASES[token.toLowerCase()];
    return modifier === undefined ? token : LABELS[platform][modifier];
  });
  return parts.join(platform === 'darwin' ? '' : '+');
}

/** The keys a keydown event carries, as an accelerator to check (undefined while only modifiers are down). */
export function acceleratorFromKeyEvent(event: {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}, platform: Platform): string | undefined {
  const key = keyFromCode(event.code) ?? keyOf(event.key === ' ' ? 'Space' : event.key.replace(/^Arrow/, ''));
  if (key === undefined) return undefined;
  const modifiers: Modifier[] = [];
  const command = platform === 'darwin' ? event.metaKey : event.ctrlKey;
  if (command) modifiers.push('CommandOrControl');
  if (platform === 'darwin' && event.ctrlKey) modifiers.push('Control');
  if (event.altKey) modifiers.push('Alt');
  if (platform !== 'darwin' && event.metaKey) modifiers.push('Super');
  if (event.shiftKey) modifiers.push('Shift');
  return [...modifiers, key].join('+');
}

/** Physical keys, so Shift+2 is "2" and not "@", and Alt+letter on a Mac is the letter. */
function keyFromCode(code: string): string | undefined {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter !== undefined) return letter;
  const digit = /^Digit(\d)$/.exec(code)?.[1];
  if (digit !== undefined) return digit;
  if (code === 'Space') return 'Space';
  return undefined;
}
