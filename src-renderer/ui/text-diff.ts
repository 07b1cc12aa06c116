/** One run of a diff. The kept and removed runs, in order, spell the old text; kept and added, the new. */
export interface DiffPart {
  kind: 'kept' | 'added' | 'removed';
  text: string;
}

export interface TextDiff {
  parts: DiffPart[];
  /**
   * How finely the texts were compared: word by word, line by line when too much changed for
   * that, or `whole` (everything between the unchanged start and end replaced) beyond that.
   */
  granularity: 'word' | 'line' | 'whole';
}

/**
 * Myers' diff costs O((N+M)·D) time and, keeping its trace for the way back, O(D²) memory. A
 * 100,000-character thought rewritten end to end would freeze the panel, so each pass gets a
 * budget and the next, coarser pass takes over when it runs out.
 */
const MAX_EDITS = 1_000;
const MAX_STEPS = 1_000_000;

type Op = DiffPart['kind'];

// A #tag (a unit to the person, like a word), a word (letters with their combining marks,
// digits, _), a run of white space, or any other single character: punctuation changes show on
// their own instead of taking their word along.
const WORD_TOKENS = /#[\p{L}\p{M}\p{N}_\-/]+|[\p{L}\p{M}\p{N}_]+|\s+|[^\p{L}\p{M}\p{N}_\s]/gu;
const LINE_TOKENS = /[^\n]*\n|[^\n]+/g;

function tokenize(text: string, pattern: RegExp): string[] {
  return text.match(pattern) ?? [];
}

/** Per-token operations turning `a` into `b`, or undefined when that would cost over budget. */
function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(MAX_EDITS, n + m);
  const offset = limit + 1;
  // v[offset + k]: the furthest x reached on diagonal k (x − y = k).
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let steps = 0;
  for (let d = 0; d <= limit; d += 1) {
    // The state before step d, diagonals −d−1 … d+1: what the way back reads at step d.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const fromAbove = v[offset + k + 1] ?? 0;
      const fromLeft = v[offset + k - 1] ?? 0;
      const start = k === -d || (k !== d && fromLeft < fromAbove) ? fromAbove : fromLeft + 1;
      let x = start;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      steps += 1 + x - start;
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
      if (steps > MAX_STEPS) return undefined;
    }
  }
  return undefined;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const before = trace[d];
    if (before === undefined) break;
    const at = (k: number) => before[k + d + 1] ?? 0;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push('kept');
      x -= 1;
      y -= 1;
    }
    if (d > 0) ops.push(x === previousX ? 'added' : 'removed');
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

function toParts(a: readonly string[], b: readonly string[], ops: readonly Op[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let x = 0;
  let y = 0;
  for (const op of ops) {
    const token = op === 'added' ? b[y] : a[x];
    if (op !== 'added') x += 1;
    if (op !== 'removed') y += 1;
    push(parts, op, token ?? '');
  }
  return parts;
}

function push(parts: DiffPart[], kind: Op, text: string): void {
  if (text.length === 0) return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Which kinds of change follow `index`, up to the next kept run. */
function changesAfter(parts: readonly DiffPart[], index: number): Set<Op> {
  const kinds = new Set<Op>();
  for (let next = index + 1; next < parts.length && parts[next]?.kind !== 'kept'; next += 1) {
    const kind = parts[next]?.kind;
    if (kind !== undefined) kinds.add(kind);
  }
  return kinds;
}

/**
 * "~~a~~ c ~~b~~ d" reads worse than "~~a b~~ c d": white space kept between the changes of one
 * rewrite joins them, and each run of changes shows everything removed, then everything added.
 * Between two insertions (or two deletions) it stays kept: there is nothing to join.
 */
function groupChanges(parts: readonly DiffPart[]): DiffPart[] {
  const grouped: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(grouped, 'removed', removed);
    push(grouped, 'added', added);
    removed = '';
    added = '';
  };
  parts.forEach((part, index) => {
    const after = part.kind === 'kept' && part.text.trim().length === 0 ? changesAfter(parts, index) : new Set<Op>();
    const isBridge =
      after.size > 0 &&
      (removed.length > 0 || added.length > 0) &&
      (removed.length > 0 || after.has('removed')) &&
      (added.length > 0 || after.has('added'));
    if (part.kind === 'removed' || isBridge) removed += part.text;
    if (part.kind === 'added' || isBridge) added += part.text;
    if (part.kind === 'kept' && !isBridge) {
      flush();
      push(grouped, 'kept', part.text);
    }
  });
  flush();
  return grouped;
}

/**
 * An insertion or deletion that starts with the white space it is followed by ("the[ first] frost")
 * reads better with that space at its end ("the [first ]frost"): same texts, calmer marks.
 */
function slideSpaces(parts: readonly DiffPart[]): DiffPart[] {
  const rest = parts.map((part) => ({ ...part }));
  const slid: DiffPart[] = [];
  rest.forEach((part, index) => {
    const after = rest[index + 1];
    const space = part.text[0];
    const isLone = part.kind !== 'kept' && after?.kind === 'kept' && (slid.at(-1)?.kind ?? 'kept') === 'kept';
    if (isLone && space !== undefined && /\s/.test(space) && after.text[0] === space) {
      part.text = part.text.slice(1) + space;
      after.text = after.text.slice(1);
      push(slid, 'kept', space);
    }
    push(slid, part.kind, part.text);
  });
  return slid;
}

/** Tokens both ends share, so the expensive pass only sees what lies between. */
function commonEnds(a: readonly string[], b: readonly string[]): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  return { head, tail };
}

function diffAt(before: string, after: string, pattern: RegExp): DiffPart[] | undefined {
  const a = tokenize(before, pattern);
  const b = tokenize(after, pattern);
  const { head, tail } = commonEnds(a, b);
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const ops = myers(middleA, middleB);
  if (ops === undefined) return undefined;
  return [
    { kind: 'kept', text: a.slice(0, head).join('') },
    ...toParts(middleA, middleB, ops),
    { kind: 'kept', text: a.slice(a.length - tail).join('') },
  ];
}

/** Replaces everything between the longest common start and end: always cheap. */
function diffWhole(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  const { head, tail } = commonEnds(a, b);
  return [
    { kind: 'kept', text: a.slice(0, head).join('') },
    { kind: 'removed', text: a.slice(head, a.length - tail).join('') },
    { kind: 'added', text: b.slice(head, b.length - tail).join('') },
    { kind: 'kept', text: a.slice(a.length - tail).join('') },
  ];
}

/** What changed from `before` to `after`, word by word where that stays affordable. */
export function diffText(before: string, after: string): TextDiff {
  const byWord = diffAt(before, after, WORD_TOKENS);
  if (byWord !== undefined) return { parts: slideSpaces(groupChanges(byWord)), granularity: 'word' };
  const byLine = diffAt(before, after, LINE_TOKENS);
  if (byLine !== undefined) return { parts: groupChanges(byLine), granularity: 'line' };
  return { parts: groupChanges(diffWhole(before, after)), granularity: 'whole' };
}
