/** "the ministry said": the one body named before whose name has the noun, or nobody, with the reason. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { ClaimCandidate, EntityCandidate } from '../../../src/ingest/batch';
import { fedFinder } from './fed-finder';

// What CoreNLP 4.5.10 tags in these sentences: the places, the ministries and the shipping company.
const FINDER = fedFinder({
  Russia: 'PLACE',
  'Defence Ministry': 'ORGANIZATION',
  'Foreign Ministry': 'ORGANIZATION',
  Ukraine: 'PLACE',
  Belgorod: 'PLACE',
  'Northwind Shipping Company': 'ORGANIZATION',
  Severgaz: 'ORGANIZATION',
  'Lumora Power': 'ORGANIZATION',
  Reuters: 'ORGANIZATION',
  'Emergency Situations Ministry': 'ORGANIZATION',
  'Belgorod regional administration': 'ORGANIZATION',
});

async function claims(raw: string) {
  const b = await extractArticle(
    { raw, format: 'txt', source: 'test', meta: { published: '2025-03-14' } },
    { extractor: FINDER },
  );
  const entity = (id?: string) =>
    b.candidates.find((c): c is EntityCandidate => c.kind === 'entity' && id !== undefined && c.id === id);
  return b.candidates
    .filter((c): c is ClaimCandidate => c.kind === 'claim')
    .map((c) => ({ c, entity: entity(c.claimant.candidate)?.text }));
}

describe('an unnamed body as claimant', () => {
  it('is the one organisation named before whose name has its noun, marked as read from it', async () => {
    const rs = await claims(
      "Russia's Defence Ministry reported that four drones had been shot down overnight. " +
        'Officials of the Belgorod regional administration met engineers at the substation on Tuesday. ' +
        'Later the ministry said a fifth drone had been destroyed over the border. ' +
        'The regional administration said power would return to most homes by evening.',
    );
    const later = rs.filter((r) => r.c.cue === 'say');
    expect(later.map((r) => r.entity)).toEqual(["Russia's Defence Ministry", 'Belgorod regional administration']);
    expect(later[0]!.c.claimant).toMatchObject({ resolvedBy: 'role', text: "Russia's Defence Ministry" });
    expect(later[0]!.c.notes).toContain(`"the ministry" read as Russia's Defence Ministry, named earlier`);
    expect(later[1]!.c.notes).toContain(
      `"The regional administration" read as Belgorod regional administration, named earlier`,
    );
    expect(later[1]!.c.statement).toBe('power would return to most homes by evening');
  });

  it('works for a company, and the qualifiers tell two ministries apart', async () => {
    const rs = await claims(
      'The Northwind Shipping Company chartered the tanker in May. The company said the vessel had left port without its cargo. ' +
        "Ukraine's Foreign Ministry and Russia's Defence Ministry traded accusations. The defence ministry said the convoy had turned back.",
    );
    expect(rs.map((r) => r.entity)).toEqual(['Northwind Shipping Company', "Russia's Defence Ministry"]);
  });

  it('stays empty, with the reason, when several bodies fit or none does', async () => {
    const rs = await claims(
      "Ukraine's Defence Ministry and Russia's Defence Ministry traded accusations on Friday. The ministry said the convoy had turned back. " +
        'A depot burned near the river. The company said it would rebuild the depot within a year.',
    );
    expect(rs).toHaveLength(2);
    for (const r of rs) {
      expect(r.c.claimant.candidate).toBeUndefined();
      expect(r.c.notes).toContain('unnamed source');
    }
    expect(rs[0]!.c.claimant.text).toBe('The ministry');
    expect(rs[0]!.c.notes.join(' ')).toMatch(
      /left open: 2 bodies named earlier fit \(Ukraine's Defence Ministry, Russia's Defence Ministry\)/,
    );
    expect(rs[1]!.c.notes).toContain('"The company" left open: no body named earlier fits');
  });

  it('is, for a company whose name lacks the word, the one organisation named before that is no public body', async () => {
    const rs = await claims(
      "Russia's Defence Ministry said drones had struck a gas plant near Belgorod overnight. " +
        'Severgaz, which runs the plant, shut two of its lines. Reuters could not verify the figures. ' +
        'The company said repairs would take at least a week. The firm said no workers were hurt.',
    );
    const said = rs.filter((r) => /repairs|workers/.test(r.c.statement));
    expect(said.map((r) => r.entity)).toEqual(['Severgaz', 'Severgaz']);
    expect(said[0]!.c.claimant).toMatchObject({ resolvedBy: 'role', text: 'Severgaz' });
    expect(said[0]!.c.notes).toContain(
      '"The company" read as Severgaz: the one organisation named earlier that is no public body (no name has "company")',
    );
    expect(said[1]!.c.notes.join(' ')).toMatch(/"The firm" read as Severgaz/);
  });

  it('is never a ministry or an administration for "the company"', async () => {
    const rs = await claims(
      'The Emergency Situations Ministry sent crews to the depot. Officials of the Belgorod regional administration visited the site. ' +
        'The company said the depot would reopen in spring.',
    );
    const r = rs.find((x) => /reopen/.test(x.c.statement))!;
    expect(r.c.claimant.candidate).toBeUndefined();
    expect(r.c.notes).toContain('"The company" left open: no body named earlier fits');
  });

  it('stays open when two companies were named before, both in the note', async () => {
    const rs = await claims(
      'Severgaz sold the pipeline to Lumora Power in 2021. The company said the sale had been approved by regulators.',
    );
    const r = rs.find((x) => /sale/.test(x.c.statement))!;
    expect(r.c.claimant.candidate).toBeUndefined();
    expect(r.c.notes).toContain(
      '"The company" left open: 2 organisations named earlier could be it (Severgaz, Lumora Power)',
    );
  });
});
