import { describe, expect, it } from 'vitest';
import {
  MAX_SUGGESTED_EMPTY,
  MAX_SUGGESTED_TYPING,
  mergeEntityOptions,
  suggestionOptions,
  type EntityOption,
} from '../../../../../src/web/core/query/entity-options';

const people = [
  { value: 'vyacheslav-gladkov', label: 'Vyacheslav Gladkov' },
  { value: 'volodymyr-zelensky', label: 'Volodymyr Zelensky' },
  { value: 'oleh-syniehubov', label: 'Oleh Syniehubov' },
  { value: 'gladys-x', label: 'Gladys Example' },
  { value: 'renee', label: 'Renée Glädkovà' },
];

describe('entity picker options', () => {
  it('an empty box lists the suggestions in the header query order, capped', () => {
    expect(suggestionOptions(people, '').map((o) => o.value)).toEqual(people.map((p) => p.value));
    const many = Array.from({ length: 300 }, (_, i) => ({ value: `v${i}`, label: `L${i}` }));
    expect(suggestionOptions(many, '')).toHaveLength(MAX_SUGGESTED_EMPTY);
  });

  it('typing filters by label or value, case- and accent-insensitive, prefix matches first', () => {
    expect(suggestionOptions(people, 'Gladk').map((o) => o.value)).toEqual(['renee', 'vyacheslav-gladkov']);
    expect(suggestionOptions(people, 'glad').map((o) => o.value)).toEqual(['gladys-x', 'renee', 'vyacheslav-gladkov']);
    expect(suggestionOptions(people, 'zelensky')[0]!.value).toBe('volodymyr-zelensky');
    expect(suggestionOptions(people, 'syniehubov-').length).toBe(0);
    expect(suggestionOptions(people, 'oleh-syn').map((o) => o.value)).toEqual(['oleh-syniehubov']); // by value
    const many = Array.from({ length: 30 }, (_, i) => ({ value: `p${i}`, label: `Person ${i}` }));
    expect(suggestionOptions(many, 'person')).toHaveLength(MAX_SUGGESTED_TYPING);
  });

  it('non-string values become text; null and empty values are skipped', () => {
    const o = suggestionOptions(
      [
        { value: 3, label: 'three' },
        { value: null, label: 'none' },
        { value: '', label: 'empty' },
      ],
      '',
    );
    expect(o.map((x) => x.value)).toEqual(['3']);
  });

  it('merges search hits after the suggestions without duplicates; a hit enriches its suggestion', () => {
    const suggested = suggestionOptions(people, 'gladk');
    const hits: EntityOption[] = [
      {
        value: 'vyacheslav-gladkov',
        label: 'Vyacheslav Gladkov',
        sub: 'Governor',
        labels: ['Person', 'Entity'],
        source: 'search',
      },
      { value: 'gladkov-report', label: 'Gladkov report', labels: ['Event', 'Entity'], source: 'search' },
    ];
    const merged = mergeEntityOptions(suggested, hits);
    expect(merged.map((o) => [o.value, o.source])).toEqual([
      ['renee', 'suggested'],
      ['vyacheslav-gladkov', 'suggested'],
      ['gladkov-report', 'search'],
    ]);
    expect(merged[1]!.sub).toBe('Governor');
    expect(merged[1]!.labels).toEqual(['Person', 'Entity']);
  });
});
