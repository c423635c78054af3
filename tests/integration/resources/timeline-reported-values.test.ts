import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import { NodeDetailResponseSchema, type NodeDetailResponse } from '../../../src/shared/api/nodes';
import { TimelineResponseSchema, type TimelineResponse } from '../../../src/shared/api/timeline';
import { makeTestApi, type TestApi } from '../../support/api';
import { ensureSeeded } from '../../support/seeded';

/**
 * "As reported by" must not leak later knowledge: a value a later article gave (the end of the
 * shelling of Russia's border regions, first bounded by the WSJ in April 2023 and moved by the
 * Washington Post in December 2023; the annexation only the Express of October 2022 reports) is
 * hidden before that article's day and shown from it on, in the timeline and in node detail.
 * Expected values come from the seed files' per-value sources, read independently of the API.
 */

const seed = readSeed(SEED_DATA_DIR);
// The first day each article can have been out (the range's start when only a range is known), as the server counts it.
const published = new Map(seed.articles.map((a) => [a.id, String(a.published_from ?? a.published)]));
const entity = (id: string) => seed.entities.find((e) => e.data.id === id)!.data;
let api: TestApi;

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => api?.close());

async function timeline(asOf?: string): Promise<TimelineResponse> {
  const r = await api.get(`/api/timeline${asOf ? `?asReportedBy=${asOf}` : ''}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return TimelineResponseSchema.parse(r.body);
}
async function detail(key: string, asOf?: string): Promise<NodeDetailResponse> {
  const r = await api.get(`/api/nodes/${key}${asOf ? `?asReportedBy=${asOf}` : ''}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return NodeDetailResponseSchema.parse(r.body);
}
const eventIn = (t: TimelineResponse, key: string) => t.events.find((e) => e.key === key);

/** The value of `property` per the seed's sources published by `asOf` (the latest of them), or undefined. */
function expectedValue(id: string, property: string, asOf: string): unknown {
  const list = (entity(id).reported ?? []).filter(
    (r) => r.property === property && published.get(r.evidence.article)! <= asOf,
  );
  list.sort((a, b) => published.get(a.evidence.article)!.localeCompare(published.get(b.evidence.article)!));
  return list.at(-1)?.value;
}

const SHELLING = 'shelling-of-russian-border-regions';
const ANNEXATION = 'russian-annexation-of-southern-ukraine-2022';
const WAPO = 'wapo-2023-12-30-belgorod-attack';

describe('the seed data models the later-learned values', () => {
  it('the shelling campaign has end dates from three articles, the latest from the Washington Post', () => {
    const ends = (entity(SHELLING).reported ?? []).filter((r) => r.property === 'date_to');
    expect(ends.map((r) => published.get(r.evidence.article)).sort()).toEqual([
      '2022-07-03',
      '2023-04-21',
      '2023-12-30',
    ]);
    expect(entity(SHELLING).date_to).toBe(ends.find((r) => r.evidence.article === WAPO)!.value);
  });
});

describe('timeline as reported by', () => {
  it('hides the Washington Post end date of the shelling campaign before 2023-12-30 and shows it from then', async () => {
    const wapoEnd = String(entity(SHELLING).date_to);
    const now = eventIn(await timeline(), SHELLING)!;
    expect(now.end).toBe(wapoEnd);

    for (const day of ['2022-07-03', '2022-12-31', '2023-04-21', '2023-12-29']) {
      const e = eventIn(await timeline(day), SHELLING);
      expect(e, day).toBeDefined();
      expect(e!.end, day).toBe(expectedValue(SHELLING, 'date_to', day));
      expect(e!.end, day).not.toBe(wapoEnd);
      expect(e!.end <= day, `${day}: no end after the day itself`).toBe(true);
    }
    const onTheDay = eventIn(await timeline('2023-12-30'), SHELLING)!;
    expect(onTheDay.end).toBe(wapoEnd);
  });

  it('an event whose start only a later article gives has an open start until then', async () => {
    const telegraphDay = eventIn(await timeline('2022-12-31'), SHELLING)!;
    expect(expectedValue(SHELLING, 'date_from', '2022-12-31')).toBeUndefined();
    expect(telegraphDay.openStart).toBe(true);
    expect(telegraphDay.start).toBe(telegraphDay.end);
    const wsjDay = eventIn(await timeline('2023-04-21'), SHELLING)!;
    expect(wsjDay.openStart).toBe(false);
    expect(wsjDay.start).toBe(expectedValue(SHELLING, 'date_from', '2023-04-21'));
  });

  it('the annexation ends where the Telegraph left it until the Express can have reported it', async () => {
    // The Express piece is dated 13 October 2022 at best, published between 10 and 14 October.
    const before = eventIn(await timeline('2022-10-09'), ANNEXATION)!;
    expect(before.end).toBe('2022-07-03');
    const after = eventIn(await timeline('2022-10-10'), ANNEXATION)!;
    expect(after.end).toBe(String(entity(ANNEXATION).date_to));
  });
});

describe('node detail as reported by', () => {
  it('shows the latest values and every source without an as-of day, and no raw source lists', async () => {
    const d = await detail(SHELLING);
    expect(d.node.properties.date_to).toBe(String(entity(SHELLING).date_to));
    expect(d.reported?.length).toBe(entity(SHELLING).reported!.length);
    expect(Object.keys(d.node.properties).filter((k) => k.startsWith('reported_'))).toEqual([]);
    for (const s of d.reported!) {
      expect(s.article.published, s.article.key).toBe(published.get(s.article.key));
      expect(s.quote.length).toBe(s.end! - s.start!);
    }
  });

  it('hides the later end date and its basis before the Washington Post, shows them from its day', async () => {
    const before = await detail(SHELLING, '2023-12-29');
    expect(before.asReportedBy).toBe('2023-12-29');
    expect(before.node.properties.date_to).toBe(expectedValue(SHELLING, 'date_to', '2023-12-29'));
    expect(before.node.properties.date_basis).toBe(expectedValue(SHELLING, 'date_basis', '2023-12-29'));
    expect(String(before.node.properties.date_basis)).not.toContain('WaPo');
    expect(before.reported!.every((s) => s.article.published! <= '2023-12-29')).toBe(true);
    expect(before.evidence.every((e) => e.article.published! <= '2023-12-29')).toBe(true);
    expect(before.evidence.some((e) => e.article.key === WAPO)).toBe(false);

    const after = await detail(SHELLING, '2023-12-30');
    expect(after.node.properties.date_to).toBe(String(entity(SHELLING).date_to));
    expect(after.evidence.some((e) => e.article.key === WAPO)).toBe(true);
  });

  it('a value no article had given yet is absent, not shown from a later one', async () => {
    const d = await detail(SHELLING, '2022-12-31');
    expect(d.node.properties.date_from).toBeUndefined();
    expect(d.node.properties.date_to).toBe('2022-07-03');
    const annex = await detail(ANNEXATION, '2022-07-03');
    expect(annex.node.properties.description).toBe(expectedValue(ANNEXATION, 'description', '2022-07-03'));
    expect(String(annex.node.properties.description)).not.toContain('October');
  });

  it('rejects a malformed as-of day', async () => {
    const r = await api.get(`/api/nodes/${SHELLING}?asReportedBy=2023-02-30`);
    expect(r.status).toBe(400);
  });
});
