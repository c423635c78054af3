import { describe, expect, it } from 'vitest';
import type { AuditEntryWire } from '../../../../src/shared/api';
import { auditMerge } from '../../../../src/web/ui/admin/audit-merge';

const merge: AuditEntryWire = {
  id: 42,
  at: '2024-05-14T07:30:00Z',
  actor: 'ed',
  role: 'editor',
  action: 'node.merge',
  target: 'vyacheslav-gladkov',
  before: { version: 3, aliases: [] },
  after: { version: 4, aliases: ['V. Gladkov'] },
  detail: {
    elementId: '4:x:1',
    name: 'Vyacheslav Gladkov',
    reason: 'same person',
    duplicate: { id: '4:x:2', key: 'v-gladkov', properties: { name: 'V. Gladkov' }, labels: [], relationships: [] },
  },
  origin: null,
  undone: null,
};

describe('a merge in the audit trail', () => {
  it('standing: offers its undo against the survivor as the merge left it', () => {
    expect(auditMerge(merge, new Date('2024-05-14T18:00:00Z'), 'UTC')).toEqual({
      offer: {
        survivor: 'vyacheslav-gladkov',
        version: 4,
        caption: 'Vyacheslav Gladkov',
        merge: 42,
        duplicate: 'V. Gladkov',
        // The duplicate's element id as merged: an undo in this session draws it where it was seen.
        duplicateId: '4:x:2',
      },
    });
  });

  it('undone: says by whom and when, and offers nothing', () => {
    const undone = { ...merge, undone: { id: 50, actor: 'ada', at: '2024-05-14T09:05:00Z' } };
    expect(auditMerge(undone, new Date('2024-05-14T18:00:00Z'), 'UTC')).toEqual({
      undone: 'Undone by ada at 14 May 09:05',
    });
  });

  it('is nothing for other actions or a merge entry it cannot read', () => {
    expect(auditMerge({ ...merge, action: 'node.edit' })).toBeNull();
    expect(auditMerge({ ...merge, after: null })).toBeNull();
    // Without a key, the survivor is addressed by its element id and the duplicate named by its key.
    const bare = { ...merge, target: null, detail: { elementId: '4:x:1', duplicate: { key: 'v-gladkov' } } };
    expect(auditMerge(bare)).toEqual({
      offer: { survivor: '4:x:1', version: 4, caption: '4:x:1', merge: 42, duplicate: 'v-gladkov' },
    });
  });
});
