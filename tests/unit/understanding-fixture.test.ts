import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thoughtTypes, type ThoughtType } from '../../src-shared/contract/thoughts';
import { classifyThought } from '../../src-main/core/understanding/classify';
import { extractTasks, taskKey, type TaskCandidate } from '../../src-main/core/understanding/task-extract';

interface LabelledTask {
  titles: string[];
  due: { date: string; time: string | null } | null;
}
interface LabelledThought {
  id: number;
  split: 'dev' | 'heldout';
  type: ThoughtType;
  text: string;
  actionable: boolean;
  tasks: LabelledTask[];
}
interface Fixture {
  reference: string;
  timeZone: string;
  thoughts: LabelledThought[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/labelled-thoughts.json', import.meta.url), 'utf8')) as Fixture;
const reference = new Date(fixture.reference);
const { timeZone } = fixture;

// Wall clock in the fixture's zone, read by Intl rather than by the code under test.
const wallFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
function wall(instant: number): { date: string; time: string } {
  const parts = Object.fromEntries(wallFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

interface Tally {
  hits: number;
  total: number;
}
const rate = ({ hits, total }: Tally) => (total === 0 ? 1 : hits / total);
const tally = (): Tally => ({ hits: 0, total: 0 });
const count = (target: Tally, isHit: boolean) => {
  target.total += 1;
  if (isHit) target.hits += 1;
};

interface Report {
  actionability: { precision: number; recall: number; truePositive: number; falsePositive: number; falseNegative: number };
  typeAccuracy: number;
  perType: Record<ThoughtType, Tally>;
  title: Tally;
  duePresence: Tally;
  dueDate: Tally;
  dueTime: Tally;
  extraSuggestions: number;
  failures: string[];
}

function evaluate(split: LabelledThought['split']): Report {
  const perType: Record<ThoughtType, Tally> = { note: tally(), idea: tally(), question: tally(), journal: tally(), reflection: tally(), task: tally() };
  const title = tally();
  const duePresence = tally();
  const dueDate = tally();
  const dueTime = tally();
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  let extraSuggestions = 0;
  const failures: string[] = [];
  const typeHits = tally();

  for (const thought of fixture.thoughts.filter((item) => item.split === split)) {
    const classification = classifyThought(thought.text);
    count(perType[thought.type], classification.type === thought.type);
    count(typeHits, classification.type === thought.type);
    if (classification.type !== thought.type) failures.push(`#${thought.id} type ${classification.type} ≠ ${thought.type}: ${thought.text.slice(0, 80)}`);

    const found = extractTasks(thought.text, { reference, timeZone, classification });
    const predicted = found.length > 0;
    if (predicted && thought.actionable) truePositive += 1;
    if (predicted && !thought.actionable) {
      falsePositive += 1;
      failures.push(`#${thought.id} false task "${found[0]?.title}": ${thought.text.slice(0, 80)}`);
    }
    if (!predicted && thought.actionable) {
      falseNegative += 1;
      failures.push(`#${thought.id} missed task: ${thought.text.slice(0, 80)}`);
    }
    if (!thought.actionable) continue;

    const used = new Set<TaskCandidate>();
    thought.tasks.forEach((expected, index) => {
      const keys = new Set(expected.titles.map(taskKey));
      const byTitle = found.find((candidate) => !used.has(candidate) && keys.has(taskKey(candidate.title)));
      const candidate = byTitle ?? found.filter((item) => !used.has(item))[0] ?? found[index];
      if (candidate !== undefined) used.add(candidate);
      count(title, byTitle !== undefined);
      if (byTitle === undefined) failures.push(`#${thought.id} title "${candidate?.title ?? '—'}" ∉ ${JSON.stringify(expected.titles)}`);

      const dueAt = candidate?.dueAt ?? null;
      count(duePresence, (expected.due === null) === (dueAt === null) && candidate !== undefined);
      if (expected.due === null) {
        if (dueAt !== null) failures.push(`#${thought.id} unexpected due ${JSON.stringify(wall(dueAt))}: ${thought.text.slice(0, 60)}`);
        return;
      }
      const actual = dueAt === null ? null : wall(dueAt);
      const isDateHit = actual !== null && actual.date === expected.due.date;
      const isTimeHit =
        actual !== null && candidate !== undefined && candidate.hasTime === (expected.due.time !== null) && (expected.due.time === null || actual.time === expected.due.time);
      count(dueDate, isDateHit);
      count(dueTime, isDateHit && isTimeHit);
      if (!isDateHit || !isTimeHit) {
        failures.push(`#${thought.id} due ${actual === null ? 'none' : `${actual.date} ${candidate?.hasTime ? actual.time : '(day)'}`} ≠ ${expected.due.date} ${expected.due.time ?? '(day)'}`);
      }
    });
    extraSuggestions += Math.max(0, found.length - thought.tasks.length);
  }
  const precision = truePositive / Math.max(1, truePositive + falsePositive);
  const recall = truePositive / Math.max(1, truePositive + falseNegative);
  return {
    actionability: { precision, recall, truePositive, falsePositive, falseNegative },
    typeAccuracy: rate(typeHits),
    perType,
    title,
    duePresence,
    dueDate,
    dueTime,
    extraSuggestions,
    failures,
  };
}

function describeReport(split: string, report: Report): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const fraction = (value: Tally) => `${percent(rate(value))} (${value.hits}/${value.total})`;
  const { precision, recall, truePositive, falsePositive, falseNegative } = report.actionability;
  return [
    `[${split}] actionable precision ${percent(precision)} recall ${percent(recall)} (tp ${truePositive}, fp ${falsePositive}, fn ${falseNegative})`,
    `[${split}] type accuracy ${percent(report.typeAccuracy)}; ${thoughtTypes.map((type) => `${type} ${fraction(report.perType[type])}`).join(', ')}`,
    `[${split}] tasks: title ${fraction(report.title)}, due present/absent ${fraction(report.duePresence)}, due day ${fraction(report.dueDate)}, due day+time ${fraction(report.dueTime)}, extra suggestions ${report.extraSuggestions}`,
  ].join('\n');
}

const dev = evaluate('dev');
const heldout = evaluate('heldout');
console.log(`${describeReport('dev', dev)}\n${describeReport('held-out', heldout)}`);
// Only the development half's mistakes may be looked at while tuning rules; the held-out half's
// are for describing weaknesses once the rules are frozen.
if (process.env.UNDERSTANDING_FAILURES === 'dev') console.log(dev.failures.join('\n'));
if (process.env.UNDERSTANDING_FAILURES === 'heldout') console.log(heldout.failures.join('\n'));

// Measured (rules frozen before the held-out half was scored): dev precision 100% / recall 100%,
// held-out 92.3% / 96.0%; type accuracy 98.7% / 96.0%; titles 100% / 88.5%; due present or absent
// 100% / 96.2%; due day 100% / 94.4%; day and time 100% / 94.4%. Each bar sits one to two
// held-out mistakes below the held-out figure.
const THRESHOLDS = {
  actionablePrecision: 0.85,
  actionableRecall: 0.9,
  title: 0.8,
  typeAccuracy: 0.9,
  perTypeAccuracy: 0.75,
  duePresence: 0.9,
  dueDate: 0.85,
  dueTime: 0.85,
};

describe('understanding on labelled thoughts', () => {
  it('keeps the fixture honest: enough thoughts, every type, a held-out third', () => {
    expect(fixture.thoughts.length).toBeGreaterThanOrEqual(200);
    for (const type of thoughtTypes) expect(fixture.thoughts.filter((thought) => thought.type === type).length).toBeGreaterThanOrEqual(20);
    const heldOut = fixture.thoughts.filter((thought) => thought.split === 'heldout').length;
    expect(heldOut / fixture.thoughts.length).toBeGreaterThan(0.3);
    for (const thought of fixture.thoughts) {
      expect(thought.actionable).toBe(thought.tasks.length > 0);
      for (const task of thought.tasks) {
        expect(task.titles.length).toBeGreaterThan(0);
        if (task.due !== null) {
          expect(task.due.date, `#${thought.id}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (task.due.time !== null) expect(task.due.time, `#${thought.id}`).toMatch(/^\d{2}:\d{2}$/);
        }
      }
    }
  });

  it.each([
    ['dev', dev],
    ['held-out', heldout],
  ] as const)('finds the tasks people wrote (%s)', (_split, report) => {
    expect(report.actionability.precision).toBeGreaterThanOrEqual(THRESHOLDS.actionablePrecision);
    expect(report.actionability.recall).toBeGreaterThanOrEqual(THRESHOLDS.actionableRecall);
    expect(rate(report.title)).toBeGreaterThanOrEqual(THRESHOLDS.title);
  });

  it.each([
    ['dev', dev],
    ['held-out', heldout],
  ] as const)('tells the types apart (%s)', (_split, report) => {
    expect(report.typeAccuracy).toBeGreaterThanOrEqual(THRESHOLDS.typeAccuracy);
    for (const type of thoughtTypes) expect(rate(report.perType[type]), type).toBeGreaterThanOrEqual(THRESHOLDS.perTypeAccuracy);
  });

  it.each([
    ['dev', dev],
    ['held-out', heldout],
  ] as const)('reads due dates (%s)', (_split, report) => {
    expect(rate(report.duePresence)).toBeGreaterThanOrEqual(THRESHOLDS.duePresence);
    expect(rate(report.dueDate)).toBeGreaterThanOrEqual(THRESHOLDS.dueDate);
    expect(rate(report.dueTime)).toBeGreaterThanOrEqual(THRESHOLDS.dueTime);
  });
});

