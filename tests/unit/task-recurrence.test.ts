import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../../src-shared/contract';
import { recurrenceSchema } from '../../src-shared/contract';
import { firstDueDay, nextDueAt, nextDueDay, parseRule, ruleText, type CalendarDay } from '../../src-main/core/tasks/recurrence';

function day(text: string): CalendarDay {
  const [year, month, date] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
}

function text(value: CalendarDay): string {
  return `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
}

/** The next n due days, completing each occurrence on its due day. */
function series(recurrence: Recurrence, from: string, count: number): string[] {
  const days: string[] = [];
  let due = day(from);
  for (let index = 0; index < count; index += 1) {
    due = nextDueDay(recurrence, due, due);
    days.push(text(due));
  }
  return days;
}

describe('the next due day of a repeating task', () => {
  it('monthly on the 31st falls on the last day of shorter months and returns to the 31st', () => {
    expect(series({ kind: 'monthly', day: 31 }, '2026-01-31', 5)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
  });

  it('monthly on the 29th or later meets the leap day', () => {
    expect(series({ kind: 'monthly', day: 29 }, '2028-01-29', 2)).toEqual(['2028-02-29', '2028-03-29']);
    expect(series({ kind: 'monthly', day: 30 }, '2027-01-30', 2)).toEqual(['2027-02-28', '2027-03-30']);
    expect(series({ kind: 'monthly', day: 31 }, '2028-12-31', 2)).toEqual(['2029-01-31', '2029-02-28']);
  });

  it('every weekday skips the weekend', () => {
    // 2026-03-06 is a Friday.
    expect(series({ kind: 'weekdays' }, '2026-03-05', 4)).toEqual(['2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11']);
  });

  it('weekly on given days walks through them in week order, whatever order they were given in', () => {
    // 2026-03-03 is a Tuesday.
    expect(series({ kind: 'weekly', days: ['TH', 'TU'] }, '2026-03-03', 4)).toEqual(['2026-03-05', '2026-03-10', '2026-03-12', '2026-03-17']);
    expect(series({ kind: 'weekly', days: ['SU'] }, '2026-03-01', 2)).toEqual(['2026-03-08', '2026-03-15']);
  });

  it('daily and every N days step from the due day, across month and year ends', () => {
    expect(series({ kind: 'daily' }, '2026-12-30', 3)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    expect(series({ kind: 'everyNDays', days: 3 }, '2028-02-26', 2)).toEqual(['2028-02-29', '2028-03-03']);
  });

  it('finished late, the next occurrence is the first one after today, never one already past', () => {
    const monday = day('2026-03-02');
    expect(text(nextDueDay({ kind: 'daily' }, monday, day('2026-03-05')))).toBe('2026-03-06');
    expect(text(nextDueDay({ kind: 'weekly', days: ['MO'] }, monday, day('2026-03-04')))).toBe('2026-03-09');
    expect(text(nextDueDay({ kind: 'monthly', day: 2 }, monday, day('2026-04-10')))).toBe('2026-05-02');
    // Every 3 days from Monday: Thursday, Sunday … — finished on Friday, the next is Sunday.
    expect(text(nextDueDay({ kind: 'everyNDays', days: 3 }, monday, day('2026-03-06')))).toBe('2026-03-08');
  });

  it('finished early, the next occurrence still follows the due day', () => {
    expect(text(nextDueDay({ kind: 'monthly', day: 15 }, day('2026-01-15'), day('2026-01-10')))).toBe('2026-02-15');
  });

  it('a repeating task without a date is first due on the rule’s first day from today', () => {
    const wednesday = day('2026-03-04');
    expect(text(firstDueDay({ kind: 'daily' }, wednesday))).toBe('2026-03-04');
    expect(text(firstDueDay({ kind: 'weekly', days: ['WE', 'FR'] }, wednesday))).toBe('2026-03-04');
    expect(text(firstDueDay({ kind: 'weekly', days: ['MO'] }, wednesday))).toBe('2026-03-09');
    expect(text(firstDueDay({ kind: 'monthly', day: 1 }, wednesday))).toBe('2026-04-01');
    expect(text(firstDueDay({ kind: 'everyNDays', days: 10 }, wednesday))).toBe('2026-03-04');
  });
});

describe('the time of the next occurrence', () => {
  it('keeps the wall-clock time across a daylight-saving change', () => {
    // Berlin moves to summer time on 2026-03-29: 09:00 is 08:00Z before and 07:00Z after.
    const due = Date.parse('2026-03-28T08:00:00Z');
    expect(new Date(nextDueAt({ kind: 'daily' }, due, due, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('keeps "by the end of the day" as the end of the next day, in the person’s zone', () => {
    const endOfMarch1InTokyo = Date.parse('2026-03-01T14:59:59.999Z');
    expect(new Date(nextDueAt({ kind: 'weekdays' }, endOfMarch1InTokyo, endOfMarch1InTokyo, 'Asia/Tokyo')).toISOString()).toBe('2026-03-02T14:59:59.999Z');
  });
});

describe('stored rules', () => {
  it('are RFC 5545 RRULE text and read back as the same recurrence', () => {
    const rules: Recurrence[] = [
      { kind: 'daily' },
      { kind: 'weekdays' },
      { kind: 'weekly', days: ['MO', 'TH'] },
      { kind: 'monthly', day: 31 },
      { kind: 'everyNDays', days: 14 },
    ];
    expect(rules.map(ruleText)).toEqual([
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'FREQ=MONTHLY;BYMONTHDAY=31',
      'FREQ=DAILY;INTERVAL=14',
    ]);
    for (const rule of rules) expect(parseRule(ruleText(rule))).toEqual(rule);
    expect(parseRule(ruleText({ kind: 'weekly', days: ['FR', 'MO', 'TU', 'WE', 'TH'] }))).toEqual({ kind: 'weekdays' });
  });

  it('that Cairn did not write mean no recurrence', () => {
    for (const rule of ['FREQ=YEARLY', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=MONTHLY;BYMONTHDAY=0', 'FREQ=DAILY;INTERVAL=0', 'garbage', '']) {
      expect(parseRule(rule)).toBeNull();
    }
  });

  it('are validated before they are stored', () => {
    for (const bad of [
      { kind: 'weekly', days: [] },
      { kind: 'weekly', days: ['MO', 'MO'] },
      { kind: 'weekly', days: ['monday'] },
      { kind: 'monthly', day: 32 },
      { kind: 'monthly', day: 0 },
      { kind: 'everyNDays', days: 1 },
      { kind: 'yearly' },
      { kind: 'daily', extra: true },
    ]) {
      expect(recurrenceSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
