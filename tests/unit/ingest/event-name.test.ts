/**
 * When two event names are one, pure: the key folds case, apostrophe forms, punctuation (every
 * dash), spacing and NFKC forms, and keeps words and their order; the Cypher pattern built from a
 * key matches exactly the names of that key (checked here by reading the Java pattern as a
 * JavaScript one; the real Neo4j reads it in tests/integration/ingest/claim-new-event.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { eventNameKey, eventNamePattern } from '../../../src/ingest/review/event-name';

const SAME = [
  'Kharkiv depot fire',
  'Kharkiv depot-fire',
  'Kharkiv, depot fire',
  'Kharkiv depot fire.',
  'Kharkiv  depot   fire',
  'Kharkiv depot – fire',
  'Kharkiv depot—fire',
  'Kharkiv depot\u2011fire',
  'Kharkiv depot \u2212 fire',
  '“Kharkiv depot fire”',
  '(Kharkiv) depot fire!',
  'KHARKIV DEPOT FIRE',
  '\u00A0Kharkiv\u2003depot fire\t',
  'Ｋｈａｒｋｉｖ depot fire', // full-width letters, NFKC
];

const OTHER = [
  'Kharkiv depot fires',
  'Kharkivdepot fire',
  'Kharkiv fire depot',
  'Kharkiv depot',
  'Kharkiv depot fire 2',
];

/** The Java pattern read as a JavaScript one (v flag: \u{…} escapes, class subtraction). */
function asJs(pattern: string): RegExp {
  expect(pattern.startsWith('(?iu)')).toBe(true);
  const body = pattern
    .slice('(?iu)'.length)
    .replace(/\\x\{([0-9a-f]+)\}/g, '\\u{$1}')
    .replace(/\\x0B/g, '\\v')
    .replace(/\[([^[\]]*)&&\[\^([^[\]]*)\]\]/g, '[[$1]--[$2]]');
  return new RegExp(`^(?:${body})$`, 'iv');
}

describe('an event name’s key', () => {
  it('is one for names that differ only in case, punctuation, dashes, spacing and width', () => {
    for (const n of SAME) expect(eventNameKey(n), n).toBe('kharkiv depot fire');
  });

  it('drops apostrophes of every form, so a possessive written either way is one word', () => {
    const keys = ["Russia's strike", 'Russia’s strike', 'Russia‘s strike', 'Russiaʼs strike', 'Russias strike'];
    expect(new Set(keys.map(eventNameKey))).toEqual(new Set(['russias strike']));
    expect(eventNameKey("Russia' s strike")).toBe('russia s strike');
  });

  it('keeps words apart and in order, and is empty without a letter or digit', () => {
    for (const n of OTHER) expect(eventNameKey(n), n).not.toBe('kharkiv depot fire');
    expect(eventNameKey(' — … ’ ')).toBe('');
    expect(eventNamePattern('')).toBeNull();
  });
});

describe('the Cypher pattern of a key', () => {
  it('matches a name exactly when its key is that key', () => {
    const names = [...SAME, ...OTHER, "Russia's strike", 'Russia’s strike', "Russia' s strike", 'russias strike'];
    for (const key of ['kharkiv depot fire', 'russias strike', 'russia s strike']) {
      const re = asJs(eventNamePattern(key)!);
      for (const n of names) expect(re.test(n.normalize('NFKC')), `${key} ~ ${n}`).toBe(eventNameKey(n) === key);
    }
  });

  it('matches symbols and non-Latin letters as themselves, never as pattern syntax', () => {
    const key = eventNameKey('Удар по Харкову (S-300) + 2 $ .*');
    expect(key).toBe('удар по харкову s 300 + 2 $');
    const re = asJs(eventNamePattern(key)!);
    expect(re.test('УДАР ПО ХАРКОВУ, S-300 + 2 $')).toBe(true);
    expect(re.test('удар по харкову s 300 x 2 $')).toBe(false);
    expect(eventNamePattern(key)).not.toMatch(/[^\\]\$|\+ /);
  });
});
