import { describe, expect, it } from 'vitest';
import { expandedMessage } from '../../../../../src/web/core/expansion/actions';

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
