/**
 * A saved query's owner is who first saved it: saving over it changes the text and "last saved
 * by", never the owner; a store written before owners were kept takes the last saver as owner.
 */
import { describe, expect, it } from 'vitest';
import { openAppStore } from '../../../src/runtime/store/app-store';
import { PerspectiveStore } from '../../../src/server/resources/perspectives/store';

const DB = 'bolt://example#neo4j';

describe('saved query owners in the perspective store', () => {
  it('keeps the first saver as owner when another account saves over the query', () => {
    const app = openAppStore(':memory:');
    const store = new PerspectiveStore(app);
    store.putQuery(DB, { name: 'q', text: 'one', updatedAt: '2026-12-01T00:00:00Z', updatedBy: 'ed' });
    store.putQuery(DB, { name: 'q', text: 'two', updatedAt: '2026-12-02T00:00:00Z', updatedBy: 'ada' });
    expect(store.query(DB, 'q')).toEqual({
      name: 'q',
      text: 'two',
      updatedAt: '2026-12-02T00:00:00Z',
      updatedBy: 'ada',
      owner: 'ed',
    });
    // Deleted and saved again by someone else: theirs now.
    expect(store.removeQuery(DB, 'q')).toBe(true);
    store.putQuery(DB, { name: 'q', text: 'three', updatedAt: '2026-12-03T00:00:00Z', updatedBy: 'eve' });
    expect(store.query(DB, 'q')?.owner).toBe('eve');
    app.close();
  });

  it('gives queries saved before owners were kept their last saver as owner', () => {
    const app = openAppStore(':memory:');
    // The table as its first version made it, with a query in it.
    app.migrate('perspectives', [
      `CREATE TABLE perspectives_saved (database TEXT PRIMARY KEY, origin TEXT NOT NULL, file TEXT,
         json TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);
       CREATE TABLE perspectives_queries (database TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL,
         updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, PRIMARY KEY (database, name));`,
    ]);
    app.db
      .prepare('INSERT INTO perspectives_queries VALUES (?, ?, ?, ?, ?)')
      .run(DB, 'old', 'text', '2026-11-30T00:00:00Z', 'ed');
    const store = new PerspectiveStore(app);
    expect(store.query(DB, 'old')).toMatchObject({ updatedBy: 'ed', owner: 'ed' });
    store.putQuery(DB, { name: 'old', text: 'fixed', updatedAt: '2026-12-01T00:00:00Z', updatedBy: 'ada' });
    expect(store.query(DB, 'old')).toMatchObject({ updatedBy: 'ada', owner: 'ed' });
    app.close();
  });
});
