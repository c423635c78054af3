import { expect } from 'vitest';
import {
  batchProblems,
  BatchSchema,
  type Batch,
  type Candidate,
  type ClaimCandidate,
  type EntityCandidate,
} from '../../../src/ingest/batch';

/**
 * What both extractors must find in tests/fixtures/ingest/wire-report.html (our own wire-style
 * text): the governor's statement, the relayed TASS line, the denial, the relative dates, the
 * governor and spokesman relationships. Shared by the js unit test and the CoreNLP integration test.
 */
export function expectWireReport(batch: Batch, text: string): void {
  expect(BatchSchema.parse(JSON.parse(JSON.stringify(batch)))).toBeTruthy();
  expect(batchProblems(batch, text)).toEqual([]);
  expect(batch.article).toMatchObject({
    title: 'Drone strike cuts power in Kursk region, governor says',
    outlet: 'Example Wire',
    published: '2024-03-16',
  });
  const of = <K extends Candidate['kind']>(k: K) =>
    batch.candidates.filter((c): c is Extract<Candidate, { kind: K }> => c.kind === k);
  const entity = (id?: string) => of('entity').find((e) => e.id === id) as EntityCandidate | undefined;
  const who = (c: ClaimCandidate) => c.claimant.entityId ?? entity(c.claimant.candidate)?.text;

  const veresov = of('entity').find((e) => e.text === 'Anton Veresov')!;
  expect(veresov.forms).toEqual(['Anton Veresov', 'Veresov']);
  expect(veresov.spans.length).toBe(2);

  const claims = of('claim');
  const governor = claims.find((c) => c.statement.startsWith('two people were injured'))!;
  expect(who(governor)).toBe('Anton Veresov');
  expect(governor.stance).toContain('casualty-report');
  expect(governor.quote).toBe(
    'Anton Veresov, governor of the Kursk region, said on Saturday that two people were injured and that repair crews were working through the night',
  );

  const relayed = claims.find((c) => c.statement.startsWith('Three more drones'))!;
  expect(who(relayed)).toBe('Anton Veresov');
  expect(relayed.claimant.resolvedBy).toBe('surname');
  expect(relayed.via).toMatchObject({ text: 'TASS', entityId: 'tass' });

  const denial = claims.find((c) => c.cue === 'deny')!;
  expect(denial.claimant.entityId).toBe('ukraine-defence-ministry');
  expect(denial.stance).toContain('denies');
  const quoted = claims.find((c) => c.statement.startsWith('We only strike'))!;
  expect(who(quoted)).toBe('Oleg Demchuk');

  const moscow = claims.find((c) => c.claimant.text === 'Moscow')!;
  expect(moscow.claimant).toMatchObject({ entityId: 'government-of-russia', suggested: true, resolvedBy: 'metonymy' });
  const he = claims.find((c) => c.statement.includes('Kh-59'))!;
  expect(who(he)).toBe('Ivan Sorokin');

  const dates = of('date');
  expect(dates.find((d) => d.text === 'late Friday')).toMatchObject({
    date: '2024-03-15',
    dateBasis: "article published 2024-03-16 (Saturday) says 'late Friday'",
  });
  expect(dates.find((d) => d.text === 'on Saturday')?.date).toBe('2024-03-16');
  expect(dates.find((d) => d.text === 'January')).toMatchObject({ dateFrom: '2024-01-01', dateTo: '2024-01-31' });
  expect(governor.date && dates.find((d) => d.id === governor.date)?.date).toBe('2024-03-16');

  const rels = of('relationship');
  expect(rels.find((r) => r.type === 'GOVERNOR_OF')).toMatchObject({
    from: { text: 'Anton Veresov' },
    to: { entityId: 'kursk-region' },
  });
  expect(rels.find((r) => r.type === 'SPOKESPERSON_FOR')).toMatchObject({
    from: { text: 'Ivan Sorokin' },
    to: { entityId: 'kremlin' },
    quote: 'Kremlin spokesman Ivan Sorokin',
  });

  const kh = of('entity').find((e) => e.text === 'Kh-59')!;
  expect(kh.type).toBe('WEAPON');
  const links = of('link');
  expect(links.find((l) => l.entity === kh.id)).toMatchObject({ decision: 'auto', entityId: 'kh-59' });
  expect(of('event').some((e) => e.place?.text && e.date)).toBe(true);
}
