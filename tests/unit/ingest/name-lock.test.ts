/**
 * The name locks of accepts that create events and plain entities, pure: the name and label a
 * decision creates a node under, one lock per name key and label (never a stored property), taken
 * in one statement in a fixed order; the words of an entity's refusal; and the graph entities a
 * candidate's linker offered, which are not refused as the same name.
 */
import { describe, expect, it } from 'vitest';
import { extractWithText } from '../../../src/ingest/article';
import type { Batch, Candidate, EntityCandidate, LinkCandidate } from '../../../src/ingest/batch';
import { offeredIn } from '../../../src/ingest/review/accept';
import type { Decision } from '../../../src/ingest/review/decision';
import {
  createdName,
  graphEntityRefusal,
  lockNames,
  nameLockId,
  type CreatedName,
} from '../../../src/ingest/review/name-lock';
import { GAZETTEER } from './gazetteer';

const RAW =
  'Depot fire\n\nIvan Petrov, the governor of Kharkiv region, said that a fire at the fuel depot on the edge of the ' +
  'town had been put out overnight.\n';

async function batch(): Promise<Batch> {
  const { batch } = await extractWithText(
    { raw: RAW, format: 'txt', source: 'depot.txt', meta: { published: '2026-11-10' } },
    { extractor: 'js', gazetteer: GAZETTEER },
  );
  return batch;
}

const kindOf = (b: Batch, kind: Candidate['kind']) => b.candidates.find((c) => c.kind === kind)!;

describe('createdName', () => {
  it('names what an event or entity create writes, and nothing for a link or another kind', async () => {
    const b = await batch();
    const entity = kindOf(b, 'entity');
    const create = { action: 'create', label: 'Person', name: 'Ivan Petrov', aliases: [], description: 'x' };
    expect(createdName(entity, create as Decision)).toEqual({ label: 'Person', name: 'Ivan Petrov' });
    expect(createdName(entity, { action: 'link', entityId: 'ivan-petrov' } as Decision)).toBeNull();
    expect(createdName(entity, { action: 'outlet' } as Decision)).toBeNull();
    // Only the kind counts: the staged text of an event or claim is not read.
    const event = { ...entity, kind: 'event' } as unknown as Candidate;
    expect(createdName(event, { action: 'create', name: 'Depot fire' } as Decision)).toEqual({
      label: 'Event',
      name: 'Depot fire',
    });
    expect(createdName(event, { action: 'link', entityId: 'e' } as Decision)).toBeNull();
    expect(createdName({ ...entity, kind: 'claim' } as unknown as Candidate, create as Decision)).toBeNull();
  });
});

describe('nameLockId', () => {
  it('is one id for names one by the name key, per label, with a colon no slug or seed id has', () => {
    const a = nameLockId('Person', 'Sean O\u02BCHara');
    expect(nameLockId('Person', 'sean  OHara.')).toBe(a);
    expect(nameLockId('Person', 'Sean O Hara')).not.toBe(a);
    expect(nameLockId('Place', 'Sean OHara')).not.toBe(a);
    expect(a).toMatch(/^newsgraph:name-lock:Person:[0-9a-f]{32}$/);
    expect(nameLockId('Event', 'x'.repeat(5000))).toHaveLength(a.length - 'Person'.length + 'Event'.length);
  });

  it('refuses a label whose names are not checked (labels reach Cypher text)', () => {
    expect(() => nameLockId('Claim', 'x')).toThrow(/not a label/);
  });
});

describe('lockNames', () => {
  const runs = () => {
    const calls: { q: string; p: Record<string, unknown> }[] = [];
    const tx = { run: async (q: string, p: Record<string, unknown>) => void calls.push({ q, p }) } as never;
    return { calls, tx };
  };

  it('takes every name’s lock in one statement, sorted and once each, and sets no property', async () => {
    const { calls, tx } = runs();
    const names: CreatedName[] = [
      { label: 'Person', name: 'Sean OHara' },
      { label: 'Event', name: 'Depot fire' },
      { label: 'Person', name: 'sean o\u2019hara' },
    ];
    await lockNames(tx, names);
    expect(calls).toHaveLength(1);
    const ids = calls[0]!.p.ids as string[];
    expect(ids).toEqual([nameLockId('Event', 'Depot fire'), nameLockId('Person', 'Sean OHara')].sort());
    expect(calls[0]!.q).toMatch(/MERGE \(l:Entity \{id: id\}\)/);
    expect(calls[0]!.q).toMatch(/DELETE l/);
    expect(calls[0]!.q).not.toMatch(/\bSET\b/);
  });

  it('runs nothing when the accept creates no name', async () => {
    const { calls, tx } = runs();
    await lockNames(tx, []);
    expect(calls).toEqual([]);
  });
});

describe('graphEntityRefusal', () => {
  it('names the entity and says to link to it, as an event’s refusal does', () => {
    const e = graphEntityRefusal('Organization', { id: 'acme-relief', name: 'Acme Relief' });
    expect(e.details).toEqual({ reason: 'ENTITY_EXISTS', existing: { ref: 'acme-relief', name: 'Acme Relief' } });
    expect(e.message).toMatch(/^An organization named "Acme Relief" is in the graph already \(acme-relief\)\./);
    expect(e.message).toContain('link it to acme-relief instead of creating it');
    expect(graphEntityRefusal('Person', { id: 'p', name: 'P' }).message).toMatch(/^A person named "P"/);
  });
});

describe('offeredIn', () => {
  it('is every option and the automatic link of an entity candidate, none for one without a link candidate', async () => {
    const b = await batch();
    const entity = kindOf(b, 'entity') as EntityCandidate;
    const link: LinkCandidate = {
      ...entity,
      id: 'l1',
      kind: 'link',
      entity: entity.id,
      decision: 'auto',
      entityId: 'ivan-petrov',
      options: [{ entityId: 'ivan-petrov-2' } as LinkCandidate['options'][number]],
    } as LinkCandidate;
    const offered = offeredIn({ ...b, candidates: [...b.candidates.filter((c) => c.kind !== 'link'), link] });
    expect([...offered(entity.id)].sort()).toEqual(['ivan-petrov', 'ivan-petrov-2']);
    expect(offered('nope').size).toBe(0);
  });
});
