import { describe, expect, it } from 'vitest';
import { describeOrigin } from '../../../../src/web/ui/admin/audit-origin';

describe('the audit table’s "Via" column', () => {
  it('names the token by its label (id in the tooltip), a session by its handle, and an unknown origin as such', () => {
    expect(describeOrigin({ via: 'token', ref: 'a1b2c3d4e5f6', label: 'nightly export' })).toEqual({
      text: 'token “nightly export”',
      title: 'API token a1b2c3d4e5f6 (nightly export)',
    });
    expect(describeOrigin({ via: 'session', ref: '0123456789ab', label: null })).toEqual({
      text: 'session',
      title: 'browser session 0123456789ab',
    });
    expect(describeOrigin({ via: 'cli', ref: null, label: null }).text).toBe('console');
    expect(describeOrigin(null)).toEqual({ text: '—', title: 'not recorded (written before origins were kept)' });
  });
});
