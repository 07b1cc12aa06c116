import { describe, expect, it } from 'vitest';
import { cleanTaskTitle, extractTasks, MAX_TITLE_CHARS, taskKey } from '../../src-main/core/understanding/task-extract';

const options = { reference: new Date('2025-03-26T09:30:00+01:00'), timeZone: 'Europe/Berlin' };

function localIso(instant: number | null): string | null {
  if (instant === null) return null;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: options.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(instant);
}

describe('extractTasks', () => {
  it('turns a need into a clean title with its due time', () => {
    const [task, ...rest] = extractTasks('I need to call the dentist tomorrow at 3 about the crown!!', options);
    expect(rest).toEqual([]);
    expect(task?.title).toBe('Call the dentist about the crown');
    expect(localIso(task?.dueAt ?? null)).toBe('2025-03-27 15:00');
    expect(task?.hasTime).toBe(true);
  });

  it('leaves the thought\'s #tags out of the title, keeping the word of an inline one', () => {
    expect(extractTasks('Buy milk and bread at the store tomorrow #errands #home', options)[0]?.title).toBe('Buy milk and bread at the store');
    expect(extractTasks('Need to book the #dentist appointment', options)[0]?.title).toBe('Book the dentist appointment');
  });

  it('finds no task in a thought that is not actionable', () => {
    expect(extractTasks('Went for a walk by the river today. Felt good.', options)).toEqual([]);
    expect(extractTasks('Should I call her tomorrow?', options)).toEqual([]);
    expect(extractTasks('', options)).toEqual([]);
  });

  it('suggests each open checkbox and never a ticked one', () => {
    const tasks = extractTasks('- [ ] book flights\n- [x] renew passport\n- [ ] ask Ana about the flat by Friday', options);
    expect(tasks.map((task) => task.title)).toEqual(['Book flights', 'Ask Ana about the flat']);
    expect(localIso(tasks[1]?.dueAt ?? null)).toBe('2025-03-28 23:59');
    expect(tasks[1]?.hasTime).toBe(false);
  });

  it('reads items under a list heading as things to do, with the heading’s day', () => {
    const tasks = extractTasks('Saturday:\n- farmers market\n- call grandma\n- fix the shelf', options);
    expect(tasks.map((task) => task.title)).toEqual(['Farmers market', 'Call grandma', 'Fix the shelf']);
    expect(tasks.map((task) => localIso(task.dueAt))).toEqual(['2025-03-29 23:59', '2025-03-29 23:59', '2025-03-29 23:59']);
  });

  it('splits "and also" into two tasks, but not a plain "and"', () => {
    expect(extractTasks('Call the bank and also cancel the old card', options).map((task) => task.title)).toEqual([
      'Call the bank',
      'Cancel the old card',
    ]);
    expect(extractTasks('Buy stamps and envelopes', options).map((task) => task.title)).toEqual(['Buy stamps and envelopes']);
  });

  it('does not use a date in the past as a due date', () => {
    const [task] = extractTasks('Email Tom about what we discussed yesterday', options);
    expect(task?.title).toBe('Email Tom about what we discussed yesterday');
    expect(task?.dueAt).toBeNull();
  });

  it('keeps a date the task is about in the title: "Monday\'s meeting"', () => {
    const [task] = extractTasks("Prepare slides for Monday's review", options);
    expect(task?.title).toBe("Prepare slides for Monday's review");
    expect(localIso(task?.dueAt ?? null)).toBe('2025-03-31 23:59');
  });

  it('handles emoji, shouting and commentary after the action', () => {
    expect(extractTasks('🛒 BUY TOILET PAPER 🧻', options)[0]?.title).toBe('🛒 buy toilet paper'.replace('b', 'B'));
    expect(extractTasks('water the plants tonight 🌱🌱', options)[0]?.title).toBe('Water the plants');
    expect(extractTasks('Order printer ink, we are out', options)[0]?.title).toBe('Order printer ink');
    expect(extractTasks('Apply for the grant — deadline is April 20', options)[0]?.title).toBe('Apply for the grant');
  });

  it('drops duplicates within a thought and stops at the limit', () => {
    expect(extractTasks('Buy milk.\nbuy the milk!', options)).toHaveLength(1);
    const many = Array.from({ length: 30 }, (_, index) => `- [ ] call person ${index}`).join('\n');
    expect(extractTasks(many, options)).toHaveLength(10);
    expect(extractTasks(many, { ...options, limit: 3 })).toHaveLength(3);
  });

  it('is more confident with a due date and an explicit marker', () => {
    const plain = extractTasks('Renew the car insurance', options)[0]!;
    const dated = extractTasks('Renew the car insurance by Friday', options)[0]!;
    const marked = extractTasks('TODO: renew the car insurance by Friday', options)[0]!;
    for (const task of [plain, dated, marked]) {
      expect(task.confidence).toBeGreaterThan(0);
      expect(task.confidence).toBeLessThanOrEqual(1);
    }
    expect(dated.confidence).toBeGreaterThan(plain.confidence);
    expect(marked.confidence).toBeGreaterThan(dated.confidence);
  });
});

describe('cleanTaskTitle', () => {
  it('removes lead-ins and trailing noise and capitalises', () => {
    expect(cleanTaskTitle('pls remember to buy cat food asap!!! 🐈')).toBe('Buy cat food');
    expect(cleanTaskTitle('TODO: I have to renew passport.')).toBe('Renew passport');
    expect(cleanTaskTitle('ok so we should invite the neighbours sometime')).toBe('Invite the neighbours');
    expect(cleanTaskTitle('ändern der Adresse')).toBe('Ändern der Adresse');
  });

  it(`keeps titles within ${MAX_TITLE_CHARS} characters, cut at a word`, () => {
    const title = cleanTaskTitle(`Write ${'a very long explanation '.repeat(20)}`);
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });
});

describe('taskKey', () => {
  it('gives the same key to the same task written differently', () => {
    expect(taskKey('Buy the milk!')).toBe(taskKey('buy milk'));
    expect(taskKey('Email Müller GmbH')).toBe(taskKey('email muller gmbh'));
    expect(taskKey("Book a table at Lucia's")).toBe(taskKey('book table at lucias'));
  });

  it('keeps words that change the task', () => {
    expect(taskKey('Pick up dry cleaning')).not.toBe(taskKey('Pick dry cleaning'));
    expect(taskKey('Call mom')).not.toBe(taskKey('Call dad'));
  });

  it('falls back to all words when all are filler, and is empty only without letters or digits', () => {
    expect(taskKey('Do it')).toBe('do');
    expect(taskKey('The')).toBe('the');
    expect(taskKey('!!! …')).toBe('');
  });
});
