import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Perspective } from '../../../src/shared/api/perspectives';
import { readPerspectiveFiles } from '../../../src/server/resources/perspectives/file';
import { followFileSearch } from '../../../src/server/resources/perspectives/search-follow';

const news = readPerspectiveFiles(join(__dirname, '../../../perspectives')).find(
  (f) => f.file === 'news.json',
)!.perspective;

/** The news perspective as a user restyled and saved it before claims and articles were searched. */
const savedEarlier = (): Perspective => ({
  ...news,
  labels: news.labels.map((l) =>
    l.label === 'Article' ? { ...l, searchFilter: false, color: { light: '#111111', dark: '#eeeeee' } } : l,
  ),
  search: { properties: ['name', 'title', 'id', 'aliases'], indexes: ['entity_names'], placeholder: 'Search people…' },
});

describe("a perspective saved from a file follows the file's search", () => {
  it('while its lists are part of the file’s: the file’s lists, placeholder and filters, the user’s style kept', () => {
    const followed = followFileSearch(savedEarlier(), news);
    expect(followed.search).toEqual(news.search);
    expect(followed.search.indexes).toEqual(expect.arrayContaining(['claim_statements', 'article_titles']));
    const article = followed.labels.find((l) => l.label === 'Article')!;
    expect(article.searchFilter).toBe(true);
    expect(article.color).toEqual({ light: '#111111', dark: '#eeeeee' });
    // Saved again as it is now, it has nothing left to follow.
    expect(followFileSearch(followed, news)).toBe(followed);
  });

  it('keeps search as the user made it: an index or property of their own, or no file', () => {
    const own = savedEarlier();
    own.search = { ...own.search, indexes: ['entity_names', 'my_index'] };
    expect(followFileSearch(own, news)).toBe(own);
    const prop = savedEarlier();
    prop.search = { ...prop.search, properties: [...prop.search.properties, 'nickname'] };
    expect(followFileSearch(prop, news)).toBe(prop);
    const derived = savedEarlier();
    expect(followFileSearch(derived, null)).toBe(derived);
  });
});
