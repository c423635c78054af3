import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/ingest/extract/dates';

const one = (text: string, published?: string) => {
  const d = findDates(text, published);
  expect(d).toHaveLength(1);
  return d[0]!;
};

describe('dates relative to the publication date, never forwards', () => {
  // 2023-04-21 was a Friday.
  it("'late Thursday' in a Friday paper is the day before, qualifier kept in the span", () => {
    const text = 'The blast happened late Thursday near the station.';
    const d = one(text, '2023-04-21');
    expect(d).toMatchObject({ text: 'late Thursday', date: '2023-04-20', granularity: 'day' });
    expect(text.slice(d.start, d.end)).toBe('late Thursday');
    expect(d.dateBasis).toBe("article published 2023-04-21 (Friday) says 'late Thursday'");
  });

  it("a bare weekday after publication goes back a week ('Saturday' in a Friday paper)", () => {
    expect(one('Officials met on Saturday.', '2023-04-21').date).toBe('2023-04-15');
    expect(one('Officials met on Friday.', '2023-04-21').date).toBe('2023-04-21');
  });

  it("'in January' is the last January, as a month range; 'last month' the month before", () => {
    expect(one('He said in January that the roads were closed.', '2023-04-21')).toMatchObject({
      dateFrom: '2023-01-01',
      dateTo: '2023-01-31',
      granularity: 'month',
    });
    expect(one('A missile fell last month.', '2024-05-14')).toMatchObject({
      dateFrom: '2024-04-01',
      dateTo: '2024-04-30',
    });
    expect(one('Elections are due in January.', '2023-11-02')).toMatchObject({ dateFrom: '2023-01-01' });
  });

  it("'between March and April 2024' is one range", () => {
    expect(one('Between March and April 2024, ten bombs fell.', '2024-05-14')).toMatchObject({
      text: 'March and April 2024',
      dateFrom: '2024-03-01',
      dateTo: '2024-04-30',
      granularity: 'range',
    });
  });

  it('absolute dates need no publication date and say so', () => {
    const d = one('Photographed on Sept 10, 2022 in the city.');
    expect(d).toMatchObject({ date: '2022-09-10', dateBasis: "the article says 'Sept 10, 2022'" });
  });

  it('durations, clock times and unresolvable relative dates are left out', () => {
    expect(findDates('the worst attack of the last two years', '2023-12-30')).toEqual([]);
    expect(findDates('between 3:00 and 3:30 Moscow time', '2023-12-30').filter((d) => d.text.includes(':'))).toEqual(
      [],
    );
    expect(findDates('shelling over the past year', '2023-12-30')).toEqual([]);
    expect(findDates('It happened on Friday.')).toEqual([]);
  });

  it("'last week' and 'a month ago' need the publication date, never the day of extraction", () => {
    expect(findDates('Imports reached a record high last week.')).toEqual([]);
    expect(findDates('The bridge was closed a month ago.')).toEqual([]);
    const d = one('Imports reached a record high last week.', '2024-09-19');
    expect(d).toMatchObject({ dateBasis: "article published 2024-09-19 (Thursday) says 'last week'" });
    expect(d.date).toBeUndefined();
  });

  it("'last week' is the calendar week before publication's, Monday to Sunday, not one day", () => {
    // 2024-09-19 was a Thursday, 2024-09-16 a Monday, 2024-09-22 a Sunday.
    for (const published of ['2024-09-19', '2024-09-16', '2024-09-22'])
      expect(one('Imports reached a record high last week.', published), published).toMatchObject({
        text: 'last week',
        dateFrom: '2024-09-09',
        dateTo: '2024-09-15',
        granularity: 'range',
      });
  });

  it("'early' or 'earlier last week' is its Monday to Wednesday, 'late last week' its Thursday to Sunday", () => {
    // 2024-09-19 was a Thursday: last week ran from Monday 9 to Sunday 15 September.
    const at = (sentence: string, published = '2024-09-19') => {
      const d = one(sentence, published);
      return [d.text, d.dateFrom, d.dateTo, d.granularity, d.date];
    };
    const early = ['2024-09-09', '2024-09-11', 'range', undefined];
    const late = ['2024-09-12', '2024-09-15', 'range', undefined];
    expect(at('The ferry stopped running early last week.')).toEqual(['early last week', ...early]);
    expect(at('Earlier last week the council voted twice.')).toEqual(['Earlier last week', ...early]);
    expect(at('Water returned to the district late last week.')).toEqual(['late last week', ...late]);
    expect(at('The mayor resigned later last week.')).toEqual(['later last week', ...late]);
    // The same days whichever day of the week the paper came out (Monday 16, Sunday 22 September).
    expect(at('The ferry stopped running early last week.', '2024-09-16')).toEqual(['early last week', ...early]);
    expect(at('Water returned to the district late last week.', '2024-09-22')).toEqual(['late last week', ...late]);
    expect(one('Water returned to the district late last week.', '2024-09-19').dateBasis).toBe(
      "article published 2024-09-19 (Thursday) says 'late last week'",
    );
  });

  it("'earlier this week' is its Monday to the day before publication; in a Monday paper, that Monday", () => {
    const d = one('Earlier this week the depot was emptied.', '2024-09-19');
    expect(d).toMatchObject({ text: 'Earlier this week', dateFrom: '2024-09-16', dateTo: '2024-09-18' });
    expect(d.granularity).toBe('range');
    // 'this week' alone still runs to publication day.
    expect(one('The depot was emptied this week.', '2024-09-19')).toMatchObject({ dateTo: '2024-09-19' });
    expect(one('Earlier this week the depot was emptied.', '2024-09-17')).toMatchObject({
      dateFrom: '2024-09-16',
      dateTo: '2024-09-16',
    });
    expect(one('Earlier this week the depot was emptied.', '2024-09-16')).toMatchObject({
      dateFrom: '2024-09-16',
      dateTo: '2024-09-16',
    });
  });

  // 2024-09-16 was a Monday, 2024-09-18 a Wednesday, 2024-09-19 a Thursday, 2024-09-22 a Sunday.
  const range = (sentence: string, published: string) =>
    findDates(sentence, published).map((d) => [d.text, d.dateFrom, d.dateTo, d.granularity]);

  it("'mid' or 'midweek last week' is its Tuesday to Thursday, whatever the paper's weekday", () => {
    for (const published of ['2024-09-16', '2024-09-18', '2024-09-22']) {
      expect(range('Talks broke down mid last week.', published), published).toEqual([
        ['mid last week', '2024-09-10', '2024-09-12', 'range'],
      ]);
      expect(range('Talks broke down midweek last week.', published), published).toEqual([
        ['midweek last week', '2024-09-10', '2024-09-12', 'range'],
      ]);
      expect(range('Talks broke down mid-week last week.', published), published).toEqual([
        ['mid-week last week', '2024-09-10', '2024-09-12', 'range'],
      ]);
    }
  });

  it("'early this week' is its Monday to Wednesday, cut at publication day", () => {
    const early = (published: string) => range('The ferry stopped running early this week.', published);
    expect(early('2024-09-16')).toEqual([['early this week', '2024-09-16', '2024-09-16', 'range']]);
    expect(early('2024-09-18')).toEqual([['early this week', '2024-09-16', '2024-09-18', 'range']]);
    expect(early('2024-09-22')).toEqual([['early this week', '2024-09-16', '2024-09-18', 'range']]);
  });

  it("'mid this week' is its Tuesday to Thursday, cut at publication day; no date in a Monday paper", () => {
    const mid = (published: string) => range('The depot was emptied mid this week.', published);
    expect(mid('2024-09-16')).toEqual([]);
    expect(mid('2024-09-18')).toEqual([['mid this week', '2024-09-17', '2024-09-18', 'range']]);
    expect(mid('2024-09-22')).toEqual([['mid this week', '2024-09-17', '2024-09-19', 'range']]);
    expect(range('The depot was emptied midweek this week.', '2024-09-22')).toEqual([
      ['midweek this week', '2024-09-17', '2024-09-19', 'range'],
    ]);
  });

  it("'late' or 'later this week' is its Thursday to publication day; no date before Thursday", () => {
    for (const phrase of ['late this week', 'later this week']) {
      const late = (published: string) => range(`The mayor resigned ${phrase}.`, published);
      expect(late('2024-09-16'), phrase).toEqual([]);
      expect(late('2024-09-18'), phrase).toEqual([]);
      expect(late('2024-09-19'), phrase).toEqual([[phrase, '2024-09-19', '2024-09-19', 'range']]);
      expect(late('2024-09-22'), phrase).toEqual([[phrase, '2024-09-19', '2024-09-22', 'range']]);
    }
  });

  it("'today' and 'tonight' are the publication day", () => {
    expect(one('A tragedy occurred today in the city.', '2023-12-30').date).toBe('2023-12-30');
  });
});
