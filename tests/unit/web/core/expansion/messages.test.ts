import { describe, expect, it } from 'vitest';
import { expandedMessage, typeExpandedMessage } from '../../../../../src/web/core/expansion/actions';

describe('the status line after an expansion', () => {
  it('says how many a hub gives at a time when its page was capped', () => {
    const r = { shown: 50, total: 1_892, added: 50, more: { MENTIONS: 1_842 } };
    expect(expandedMessage('Belgorod', { ...r, hubPage: 50 }, '')).toBe(
      'Belgorod: 50 of 1892 relationships shown, 50 new nodes · +1842 more (a hub: 50 at a time).',
    );
    expect(expandedMessage('Belgorod', r, '')).toBe(
      'Belgorod: 50 of 1892 relationships shown, 50 new nodes · +1842 more.',
    );
  });

  it('leaves the note out when nothing is left to fetch', () => {
    const r = { shown: 3, total: 3, added: 3, more: {}, hubPage: 50 };
    expect(expandedMessage('Gladkov', r, '')).toBe('Gladkov: 3 of 3 relationships shown, 3 new nodes.');
  });
});

describe('the status line after a first expansion by one type', () => {
  it('says how many of that type are shown, not "N more" (nothing came before it)', () => {
    const msg = typeExpandedMessage('Gladkov', 'participated in', { shown: 10, total: 13, added: 9 }, '');
    expect(msg).toBe('Gladkov: showing 10 of 13 “participated in” relationships, 9 new nodes.');
    expect(msg).not.toMatch(/more/);
  });

  it('says all of them, or its only one, when every one is shown', () => {
    expect(typeExpandedMessage('Gladkov', 'made', { shown: 3, total: 3, added: 1 }, ' Note.')).toBe(
      'Gladkov: showing all 3 “made” relationships, 1 new node. Note.',
    );
    expect(typeExpandedMessage('Gladkov', 'governor of', { shown: 1, total: 1, added: 0 }, '')).toBe(
      'Gladkov: showing its one “governor of” relationship, nothing new.',
    );
    expect(typeExpandedMessage('Gladkov', 'made', { shown: 0, total: 0, added: 0 }, '')).toBe(
      'Gladkov: no “made” relationships.',
    );
  });
});
