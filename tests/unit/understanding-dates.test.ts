import { describe, expect, it } from 'vitest';
import { findDates } from '../../src-main/core/understanding/dates';
import { instantOf, isKnownTimeZone, offsetMinutesAt, wallClockAt } from '../../src-main/core/understanding/zoned-time';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

// Local wall clock of an instant as "Thu 2025-03-27 15:00", read with Intl (not with the code under test).
function local(instant: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function only(text: string, reference: string, timeZone = BERLIN) {
  const found = findDates(text, { reference: new Date(reference), timeZone });
  expect(found, `dates in "${text}"`).toHaveLength(1);
  return found[0]!;
}

describe('findDates', () => {
  it('reads "tomorrow at 3" as 15:00 the next day in the given zone', () => {
    const date = only('call mom tomorrow at 3', '2025-03-26T09:30:00+01:00');
    expect(local(date.dueAt, BERLIN)).toBe('Thu 2025-03-27 15:00');
    expect(date).toMatchObject({ hasTime: true, hasDate: true, isPast: false, text: 'tomorrow at 3' });
  });

  it('gives a day without a time as the last millisecond of that local day', () => {
    const date = only('pay rent Friday', '2025-03-26T09:30:00+01:00');
    expect(new Date(date.dueAt).toISOString()).toBe('2025-03-28T22:59:59.999Z');
    expect(date.hasTime).toBe(false);
  });

  describe('across a DST change', () => {
    it('keeps the wall-clock time when "tomorrow at 3pm" is after the spring change in Berlin', () => {
      // Saturday 2025-03-29 in winter time (+01:00); Sunday is in summer time (+02:00).
      const date = only('tomorrow at 3pm', '2025-03-29T12:00:00+01:00');
      expect(new Date(date.dueAt).toISOString()).toBe('2025-03-30T13:00:00.000Z');
    });

    it('keeps the wall-clock time in New York when the clocks spring forward', () => {
      const date = only('dentist tomorrow 9am', '2025-03-08T10:00:00-05:00', NEW_YORK);
      expect(new Date(date.dueAt).toISOString()).toBe('2025-03-09T13:00:00.000Z');
    });

    it('ends a day-only date at local midnight in New York after the clocks fall back', () => {
      const date = only('taxes on Monday', '2025-10-31T12:00:00-04:00', NEW_YORK);
      expect(new Date(date.dueAt).toISOString()).toBe('2025-11-04T04:59:59.999Z');
    });

    it('counts "in 2 hours" as elapsed time even when the clock jumps', () => {
      // 01:30 CET on the night of the change; two hours later the clock shows 04:30 CEST.
      const date = only('take the bread out in 2 hours', '2025-03-30T01:30:00+01:00');
      expect(new Date(date.dueAt).toISOString()).toBe('2025-03-30T02:30:00.000Z');
      expect(local(date.dueAt, BERLIN)).toBe('Sun 2025-03-30 04:30');
    });

    it('moves a time inside the spring gap forward by the gap', () => {
      const date = only('Sunday at 2:30am', '2025-03-28T12:00:00+01:00');
      expect(local(date.dueAt, BERLIN)).toBe('Sun 2025-03-30 03:30');
    });

    it('takes the first of the two 1:30s when the clocks fall back', () => {
      const date = only('tomorrow at 1:30am', '2025-11-01T12:00:00-04:00', NEW_YORK);
      expect(new Date(date.dueAt).toISOString()).toBe('2025-11-02T05:30:00.000Z');
    });
  });

  describe('forward dating', () => {
    it('reads "next Friday" on a Friday as a week later, and "Friday" as today', () => {
      const friday = '2025-03-28T10:00:00+01:00';
      expect(local(only('next Friday', friday).dueAt, BERLIN)).toBe('Fri 2025-04-04 23:59');
      expect(local(only('Friday', friday).dueAt, BERLIN)).toBe('Fri 2025-03-28 23:59');
    });

    it('reads a weekday as the coming one, never the one just gone', () => {
      const sunday = '2025-03-30T10:00:00+02:00';
      expect(local(only('on friday', sunday).dueAt, BERLIN)).toBe('Fri 2025-04-04 23:59');
      expect(local(only('Monday', sunday).dueAt, BERLIN)).toBe('Mon 2025-03-31 23:59');
    });

    it('moves a time that has passed today to tomorrow, and reads a bare 1–7 as afternoon', () => {
      const morning = '2025-03-26T09:30:00+01:00';
      expect(local(only('at 9', morning).dueAt, BERLIN)).toBe('Thu 2025-03-27 09:00');
      expect(local(only('at 5:15', morning).dueAt, BERLIN)).toBe('Wed 2025-03-26 17:15');
      expect(local(only('at 5:15am', morning).dueAt, BERLIN)).toBe('Thu 2025-03-27 05:15');
    });

    it('reads a month and day that have passed as next year', () => {
      expect(local(only('March 3', '2025-03-26T09:30:00+01:00').dueAt, BERLIN)).toBe('Tue 2026-03-03 23:59');
    });

    it('reads "by the 15th" as the next 15th and skips months too short for the 31st', () => {
      expect(local(only('by the 15th', '2025-03-26T09:30:00+01:00').dueAt, BERLIN)).toBe('Tue 2025-04-15 23:59');
      expect(local(only('on the 31st', '2025-04-10T09:30:00+02:00').dueAt, BERLIN)).toBe('Sat 2025-05-31 23:59');
    });

    it('reads ends of periods, "tonight" and the day after tomorrow', () => {
      const wednesday = '2025-03-26T09:30:00+01:00';
      expect(local(only('end of month', wednesday).dueAt, BERLIN)).toBe('Mon 2025-03-31 23:59');
      expect(local(only('by end of week', wednesday).dueAt, BERLIN)).toBe('Fri 2025-03-28 23:59');
      expect(local(only('by the end of the week', '2025-03-29T09:30:00+01:00').dueAt, BERLIN)).toBe('Sun 2025-03-30 23:59');
      expect(local(only('tonight', wednesday).dueAt, BERLIN)).toBe('Wed 2025-03-26 20:00');
      expect(local(only('the day after tomorrow', wednesday).dueAt, BERLIN)).toBe('Fri 2025-03-28 23:59');
      expect(local(only('in two weeks', wednesday).dueAt, BERLIN)).toBe('Wed 2025-04-09 23:59');
      expect(local(only('in April', wednesday).dueAt, BERLIN)).toBe('Wed 2025-04-30 23:59');
    });
  });

  it('keeps dates in the past and says so', () => {
    const reference = '2025-03-26T09:30:00+01:00';
    for (const text of ['yesterday', 'last Monday', '3 days ago']) {
      const date = only(text, reference);
      expect(date.isPast, text).toBe(true);
      expect(date.dueAt).toBeLessThan(new Date(reference).getTime());
    }
    expect(local(only('last Monday', reference).dueAt, BERLIN)).toBe('Mon 2025-03-24 23:59');
  });

  it('finds nothing where there is no date', () => {
    const reference = new Date('2025-03-26T09:30:00+01:00');
    for (const text of ['buy milk', 'I may go', 'a second thought', 'Sat with her for a while', 'rest the knee for 2 weeks', 'one day I will', '']) {
      expect(findDates(text, { reference, timeZone: BERLIN }), text).toEqual([]);
    }
  });

  it('gives spans that cut the phrase out cleanly, emoji and all', () => {
    const text = '🎂🎉 Pay rent by the 1st 🏠 and call Oma on Sunday at 5';
    const found = findDates(text, { reference: new Date('2025-03-26T09:30:00+01:00'), timeZone: BERLIN });
    expect(found.map((date) => text.slice(date.start, date.end))).toEqual(['by the 1st', 'on Sunday at 5']);
    expect(found.map((date) => date.text)).toEqual(['by the 1st', 'on Sunday at 5']);
    expect(local(found[1]!.dueAt, BERLIN)).toBe('Sun 2025-03-30 17:00');
  });

  it('gives the same answer whatever the zone of the machine it runs on', () => {
    // The reference is 23:30 UTC: in Kolkata it is already the next day.
    const date = only('tomorrow at 9am', '2025-03-26T23:30:00Z', 'Asia/Kolkata');
    expect(new Date(date.dueAt).toISOString()).toBe('2025-03-28T03:30:00.000Z');
  });

  it('honours a zone written in the thought over the person\'s zone', () => {
    const date = only('call the New York office at 3pm EST tomorrow', '2025-03-06T09:30:00+01:00');
    expect(new Date(date.dueAt).toISOString()).toBe('2025-03-07T20:00:00.000Z');
  });

  it('refuses an unknown time zone and an invalid reference', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone(BERLIN)).toBe(true);
    expect(() => findDates('tomorrow', { reference: new Date(), timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => findDates('tomorrow', { reference: new Date(Number.NaN), timeZone: BERLIN })).toThrow(RangeError);
  });
});

describe('zoned time', () => {
  it('knows the offset on both sides of a change', () => {
    expect(offsetMinutesAt(Date.parse('2025-03-30T00:59:59Z'), BERLIN)).toBe(60);
    expect(offsetMinutesAt(Date.parse('2025-03-30T01:00:00Z'), BERLIN)).toBe(120);
    expect(offsetMinutesAt(Date.parse('2025-07-01T12:00:00Z'), 'Asia/Kathmandu')).toBe(345);
  });

  it('round-trips every quarter hour of a change day', () => {
    const start = Date.parse('2025-10-25T22:00:00Z');
    for (let instant = start; instant < start + 26 * 3_600_000; instant += 15 * 60_000) {
      const wall = wallClockAt(instant, BERLIN);
      const back = instantOf(wall, BERLIN);
      // The repeated hour maps back to its first occurrence, which shows the same wall clock.
      expect(wallClockAt(back, BERLIN)).toEqual(wall);
      expect(back <= instant).toBe(true);
    }
  });
});
