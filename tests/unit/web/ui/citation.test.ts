import { describe, expect, it } from 'vitest';
import {
  articleHitLine,
  citableFromProperties,
  earliestPublished,
  formatCitation,
  formatDayRange,
  formatOutlet,
  formatPublished,
} from '../../../../src/web/ui/citation';

/** Citations never print an inferred outlet or a best-guess date as fact. */
describe('citation', () => {
  const express = {
    title: null,
    outlet: 'Daily Express',
    outletInferred: true,
    published: '2022-10-13',
    publishedFrom: '2022-10-10',
    publishedTo: '2022-10-14',
  };

  it('marks an inferred outlet and gives the range instead of the best estimate', () => {
    expect(formatCitation(express)).toBe('Daily Express (inferred) · 10–14 October 2022');
    expect(formatCitation({ ...express, title: 'Russia hits own building' })).toBe(
      'Russia hits own building · Daily Express (inferred) · 10–14 October 2022',
    );
  });

  it('prints a named outlet and an exact date as they are', () => {
    const wsj = { outlet: 'The Wall Street Journal', outletInferred: false, published: '2023-04-21' };
    expect(formatCitation(wsj)).toBe('The Wall Street Journal · 21 April 2023');
    expect(formatOutlet({ outlet: null, published: null })).toBeNull();
    expect(formatPublished({ outlet: null, published: null })).toBeNull();
  });

  it('formats ranges across months and years, and half-open ranges', () => {
    expect(formatDayRange('2022-09-28', '2022-10-03')).toBe('28 September – 3 October 2022');
    expect(formatDayRange('2022-12-30', '2023-01-02')).toBe('30 December 2022 – 2 January 2023');
    expect(formatDayRange('2024-05-14', '2024-05-14')).toBe('14 May 2024');
    expect(formatPublished({ outlet: null, published: '2024-05-14', publishedFrom: '2024-05-14' })).toBe(
      '14 May 2024 or later',
    );
    expect(formatPublished({ outlet: null, published: null, publishedTo: '2024-05-17' })).toBe('by 17 May 2024');
  });

  it('reads an article node and gives the earliest day it can have been out', () => {
    const c = citableFromProperties({
      outlet: 'Daily Express',
      outlet_inferred: true,
      published: '2022-10-13',
      published_from: '2022-10-10',
      published_to: '2022-10-14',
    });
    expect(formatCitation(c)).toBe('Daily Express (inferred) · 10–14 October 2022');
    expect(earliestPublished(c)).toBe('2022-10-10');
    expect(earliestPublished({ outlet: null, published: '2023-04-21' })).toBe('2023-04-21');
  });

  it("a search hit's line under an article's title: that it is one, its outlet and its date, cited the same way", () => {
    const props = { title: 'Russia hits own building', outlet: 'Daily Express', outlet_inferred: true };
    expect(articleHitLine({ ...props, published: '2022-10-13' })).toBe(
      'Article · Daily Express (inferred) · 13 October 2022',
    );
    expect(articleHitLine({ published: '2024-05-14', published_from: '2024-05-14', published_to: '2024-05-17' })).toBe(
      'Article · 14–17 May 2024',
    );
    expect(articleHitLine({})).toBe('Article');
  });
});
