import { describe, expect, it } from 'vitest';
import { API_CONTRACTS, CONTRACTS } from '../../../src/shared/api/index';
import { apiPath, ROUTES, type RouteName } from '../../../src/shared/api/routes';

describe('route table (src/shared/api/routes.ts)', () => {
  it('gives every contract its method, path and role, and has a contract for every entry', () => {
    const names = Object.keys(ROUTES).sort();
    expect(Object.keys(CONTRACTS).sort()).toEqual(names);
    for (const name of names as RouteName[]) {
      expect({ method: CONTRACTS[name].method, path: CONTRACTS[name].path, role: CONTRACTS[name].role }, name).toEqual(
        ROUTES[name],
      );
    }
    expect(API_CONTRACTS).toHaveLength(names.length);
    for (const c of API_CONTRACTS)
      expect(Object.values(ROUTES), c.path).toContainEqual({ method: c.method, path: c.path, role: c.role });
  });

  it('names each endpoint once', () => {
    const keys = Object.values(ROUTES).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fills path parameters URI-encoded', () => {
    expect(apiPath(ROUTES.nodeDetail.path, { id: '4:abc/1' })).toBe('/api/nodes/4%3Aabc%2F1');
    expect(apiPath(ROUTES.runQuery.path, { name: 'person-profile' })).toBe('/api/queries/person-profile/run');
  });
});
