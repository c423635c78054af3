/**
 * Abbreviations and acronyms in entity linking: "Russian MoD" is proposed as the Russian Ministry
 * of Defence, "AFU" as the Armed Forces of Ukraine; the place rule still holds ("Ukraine's MoD" is
 * never the Russian ministry, "SBU" never the FSB) and a person confirms: no abbreviation auto-links
 * an entity when it could stand for another one.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { EntityCandidate, LinkCandidate } from '../../../src/ingest/batch';
import { buildGazetteer } from '../../../src/ingest/extract/gazetteer';
import type { GazetteerEntry } from '../../../src/ingest/extract/types';
import { gazetteerFromSeed } from '../../../src/ingest/gazetteer-seed';
import { linkEntity } from '../../../src/ingest/link/linker';

/** Our own fixture: each side's bodies, the places that qualify them. */
const place = (id: string, name: string, aliases: string[]): GazetteerEntry => ({
  id,
  labels: ['Place'],
  name,
  aliases,
  kind: 'country',
});
const org = (id: string, name: string, aliases: string[], country?: string): GazetteerEntry => ({
  id,
  labels: ['Organization'],
  name,
  aliases,
  kind: 'government',
  ...(country ? { country } : {}),
});
const gz = buildGazetteer([
  place('russia', 'Russia', ['Russia']),
  place('ukraine', 'Ukraine', ['Ukraine']),
  place('united-kingdom', 'United Kingdom', ['Britain', 'UK']),
  org('russian-defense-ministry', 'Russian Ministry of Defence', ["Russia's Ministry of Defence"], 'russia'),
  org('ukraine-defence-ministry', 'Ukrainian Ministry of Defence', ['Defence Ministry'], 'ukraine'),
  org('uk-ministry-of-defence', 'UK Ministry of Defence', ['MoD'], 'united-kingdom'),
  org('fsb', 'Federal Security Service', [], 'russia'),
  org('sbu', 'Security Service of Ukraine', [], 'ukraine'),
  org('armed-forces-of-ukraine', 'Armed Forces of Ukraine', ['Ukrainian army'], 'ukraine'),
  org('russian-armed-forces', 'Russian Armed Forces', ['Russian army'], 'russia'),
  org('united-nations', 'United Nations', []),
  org('pace', 'PACE', ['PACE']),
  org('nato', 'NATO', ['NATO']),
]);
const link = (form: string) => linkEntity([form], 'ORGANIZATION', gz);
const proposed = (form: string) => link(form).options.map((o) => o.entityId);

describe('entity linking: abbreviations', () => {
  it('"Russian MoD" is proposed as the Russian ministry, never the UK or Ukrainian one', () => {
    for (const form of ['Russian MoD', 'Russian MOD', "Russia's MoD"]) {
      expect(proposed(form)[0], form).toBe('russian-defense-ministry');
      expect(proposed(form), form).not.toContain('uk-ministry-of-defence');
      expect(proposed(form), form).not.toContain('ukraine-defence-ministry');
      expect(link(form).decision).toBe('review');
    }
  });

  it('"Ukraine\'s MoD" is the Ukrainian ministry, never the Russian or UK one', () => {
    expect(proposed("Ukraine's MoD")[0]).toBe('ukraine-defence-ministry');
    expect(proposed("Ukraine's MoD")).not.toContain('russian-defense-ministry');
    expect(proposed('Ukrainian MoD')).not.toContain('uk-ministry-of-defence');
  });

  it('a bare "MOD" may be any side\'s ministry: every one is proposed and none is linked without review', () => {
    for (const form of ['MOD', 'the MOD', 'The MoD']) {
      const r = link(form);
      expect(r.decision, form).toBe('review');
      expect(r.options.map((o) => o.entityId).sort(), form).toEqual([
        'russian-defense-ministry',
        'uk-ministry-of-defence',
        'ukraine-defence-ministry',
      ]);
    }
    expect(link('MOD').notes.join(' ')).toMatch(/abbreviat/);
  });

  it('FSB, SBU, U.N. expand to the names of the list; the SBU is never the FSB', () => {
    expect(proposed('FSB')).toEqual(['fsb']);
    expect(proposed('SBU')).toEqual(['sbu']);
    expect(proposed('Ukraine’s SBU')).toEqual(['sbu']);
    expect(proposed('U.N.')).toEqual(['united-nations']);
    expect(proposed('UN')).toEqual(['united-nations']);
    expect(proposed('Federal Security Service')).toContain('fsb');
  });

  it('an acronym of initials, both ways, with a caution to confirm', () => {
    const afu = link('AFU');
    expect(afu.options[0]).toMatchObject({ entityId: 'armed-forces-of-ukraine', signals: { abbreviation: true } });
    expect(afu.options[0]!.caution).toMatch(/initials/);
    expect(afu.decision).toBe('review');
    expect(proposed('Parliamentary Assembly of the Council of Europe')).toContain('pace');
    expect(proposed('North Atlantic Treaty Organization')).toContain('nato');
    // Other initials are no match.
    expect(proposed('UAF')).not.toContain('russian-armed-forces');
  });
});

describe('abbreviations on the seeded graph', () => {
  const seed = buildGazetteer(gazetteerFromSeed());
  const options = (form: string) => linkEntity([form], 'ORGANIZATION', seed).options.map((o) => o.entityId);

  it('"Russian MoD" and "the MOD" propose the Russian ministry; "Ukraine\'s MoD" neither ministry of the graph', () => {
    expect(options('Russian MoD')[0]).toBe('russian-defense-ministry');
    expect(options('Russian MoD')).not.toContain('uk-ministry-of-defence');
    expect(options('the MOD')).toContain('russian-defense-ministry');
    expect(linkEntity(['MOD'], 'ORGANIZATION', seed).decision).toBe('review');
    expect(options("Ukraine's MoD")).not.toContain('russian-defense-ministry');
    expect(options("Ukraine's MoD")).not.toContain('uk-ministry-of-defence');
  });

  it('AFU and ZSU are the Armed Forces of Ukraine; FSB and UN still link as before', () => {
    expect(options('AFU')[0]).toBe('ukrainian-armed-forces');
    expect(options('ZSU')[0]).toBe('ukrainian-armed-forces');
    expect(linkEntity(['FSB'], 'ORGANIZATION', seed)).toMatchObject({ decision: 'auto', entityId: 'fsb' });
    expect(linkEntity(['UN'], 'ORGANIZATION', seed)).toMatchObject({ decision: 'auto', entityId: 'united-nations' });
    expect(options('U.N.')[0]).toBe('united-nations');
  });
});

describe('abbreviations in an article', () => {
  it('"Russian MoD" stays its own name (an abbreviation is no surname) and is proposed as the Russian ministry', async () => {
    const raw =
      'Depot strike disputed\n\nThe Russian MoD said its air defences shot down six drones. ' +
      "Ukraine's MoD denied launching any. The MOD in London declined to comment.";
    const batch = await extractArticle(
      { raw, format: 'txt', source: 'x' },
      { extractor: 'js', gazetteer: gazetteerFromSeed() },
    );
    const entity = batch.candidates.find((c): c is EntityCandidate => c.kind === 'entity' && c.text === 'Russian MoD')!;
    expect(entity.forms).toEqual(['Russian MoD']);
    const link = batch.candidates.find((c): c is LinkCandidate => c.kind === 'link' && c.entity === entity.id)!;
    expect(link.decision).toBe('review');
    expect(link.options[0]!.entityId).toBe('russian-defense-ministry');
    expect(link.options.map((o) => o.entityId)).not.toContain('uk-ministry-of-defence');
  });
});
