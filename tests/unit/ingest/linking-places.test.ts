import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../src/ingest/extract/gazetteer';
import type { GazetteerEntry } from '../../../src/ingest/extract/types';
import { gazetteerFromSeed } from '../../../src/ingest/gazetteer-seed';
import { linkEntity } from '../../../src/ingest/link/linker';

/** Our own fixture: the two sides' ministries and regional bodies, plus the places that qualify them. */
const place = (id: string, name: string, aliases: string[], kind: string): GazetteerEntry => ({
  id,
  labels: ['Place'],
  name,
  aliases,
  kind,
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
  place('russia', 'Russia', ['Russia'], 'country'),
  place('ukraine', 'Ukraine', ['Ukraine'], 'country'),
  place('united-kingdom', 'United Kingdom', ['Britain', 'UK'], 'country'),
  place('moscow', 'Moscow', ['Moscow'], 'city'),
  place('kyiv', 'Kyiv', ['Kyiv'], 'city'),
  place('kursk-region', 'Kursk region', ['Kursk region'], 'region'),
  place('kharkiv-region', 'Kharkiv region', ['Kharkiv region', 'Kharkiv oblast'], 'region'),
  org(
    'russian-defense-ministry',
    'Russian Ministry of Defence',
    ['Russian Ministry of Defence', "Russia's Ministry of Defence", 'Russia’s Defense Ministry'],
    'russia',
  ),
  org('ukraine-defence-ministry', 'Ukrainian Ministry of Defence', ['Defence Ministry'], 'ukraine'),
  org('russian-air-force', 'Russian Air Force', ['Russian Air Force'], 'russia'),
  org('russian-media', 'Russian media', ['Russian media']),
  org('kursk-administration', 'Kursk regional administration', ['Kursk regional administration']),
  org('kharkiv-administration', 'Kharkiv regional administration', ['Kharkiv regional administration']),
  org('moscow-city-administration', 'Moscow city administration', ['Moscow city administration']),
  { id: 'volodymyr-zelensky', labels: ['Person'], name: 'Volodymyr Zelensky', aliases: ['Zelensky'] },
]);
const proposed = (form: string, type: 'ORGANIZATION' | 'PERSON' | 'PLACE' = 'ORGANIZATION') =>
  linkEntity([form], type, gz).options.map((o) => o.entityId);

describe('entity linking: names qualified by different places are different entities', () => {
  it('a ministry of one side is never proposed for the same ministry of the other side', () => {
    expect(proposed('Ukrainian Ministry of Defence')).not.toContain('russian-defense-ministry');
    expect(proposed('Ukraine Defence Ministry')).not.toContain('russian-defense-ministry');
    // The unqualified alias "Defence Ministry" belongs to an entity whose name says Ukraine.
    expect(proposed('Russian Defence Ministry')).not.toContain('ukraine-defence-ministry');
    expect(proposed('UK Ministry of Defence')).not.toContain('russian-defense-ministry');
    expect(proposed('Ukrainian Air Force')).not.toContain('russian-air-force');
    expect(proposed('Ukrainian media')).not.toContain('russian-media');
  });

  it('a city or region as qualifier: Kyiv vs Moscow, Sumy vs Kursk (a place the graph does not know)', () => {
    expect(proposed('Kyiv city administration')).not.toContain('moscow-city-administration');
    expect(proposed('Sumy regional administration')).not.toContain('kursk-administration');
    expect(proposed('Belgorod regional administration')).not.toContain('kharkiv-administration');
  });

  it('spelling variants of the same side and place are still proposed', () => {
    expect(proposed('Russian Defense Ministry')).toContain('russian-defense-ministry');
    expect(proposed("Russia's Ministry of Defense")).toContain('russian-defense-ministry');
    expect(proposed('Ukrainian Ministry of Defense')).toContain('ukraine-defence-ministry');
    expect(proposed('Kharkov regional administration')).toContain('kharkiv-administration');
    expect(proposed('Russian Airforce')).toContain('russian-air-force');
    expect(proposed('Zelenskyy', 'PERSON')).toContain('volodymyr-zelensky');
    // A name without a place word may be either side's: a person decides.
    expect(proposed('Defence Ministry')[0]).toBe('ukraine-defence-ministry');
  });
});

describe('entity linking on the seeded graph', () => {
  const seed = buildGazetteer(gazetteerFromSeed());
  const options = (form: string) => linkEntity([form], 'ORGANIZATION', seed).options.map((o) => o.entityId);

  it('the Ukrainian ministry is not "Same as" the Russian one; a Russian spelling variant is', () => {
    expect(options('Ukrainian Ministry of Defence')).not.toContain('russian-defense-ministry');
    expect(options('Ukrainian Ministry of Defence')).not.toContain('uk-ministry-of-defence');
    expect(options('Russian Defense Ministry')).toContain('russian-defense-ministry');
  });
});
