import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { ClaimCandidate, EntityCandidate } from '../../../src/ingest/batch';
import { quotedSpans } from '../../../src/ingest/extract/attribution';
import { GAZETTEER } from './gazetteer';

async function claims(text: string, published = '2024-03-16') {
  const b = await extractArticle(
    { raw: text, format: 'txt', source: 'test', meta: { published } },
    { extractor: 'js', gazetteer: GAZETTEER },
  );
  const entity = (id?: string) => b.candidates.find((c): c is EntityCandidate => c.kind === 'entity' && c.id === id);
  return b.candidates
    .filter((c): c is ClaimCandidate => c.kind === 'claim')
    .map((c) => ({
      c,
      who: c.claimant.entityId ?? entity(c.claimant.candidate)?.text ?? c.claimant.text,
      via: c.via?.entityId ?? c.via?.text,
    }));
}

describe('rule-based attribution', () => {
  it('speech verb with the speaker on the left, appositive skipped', async () => {
    const [r] = await claims(
      'Anton Veresov, governor of the Kursk region, said on Saturday that two people were injured.',
    );
    expect(r!.who).toBe('Anton Veresov');
    expect(r!.c.statement).toBe('two people were injured');
    expect(r!.c.stance).toContain('casualty-report');
  });

  it("'according to' beside a speaker is the relay: claimant via agency", async () => {
    const [r] = await claims('Three drones were shot down before dawn, Veresov said, according to TASS.');
    expect(r!.who).toBe('Veresov');
    expect(r!.via).toBe('tass');
    expect(r!.c.statement).toBe('Three drones were shot down before dawn');
    expect(r!.c.stance).toContain('relayed');
  });

  it("'according to X' alone makes X the claimant, preferring the person at the end of the phrase", async () => {
    const [r] = await claims('Nineteen people were hurt, according to the regional governor Anton Veresov.');
    expect(r!.who).toBe('Anton Veresov');
  });

  it('a pronoun is the previous subject or speaker; a surname is the full name', async () => {
    const rs = await claims(
      'Anton Veresov said the power was back. He added that schools would reopen on Monday. Veresov later said crews had finished.',
    );
    expect(rs.map((r) => r.who)).toEqual(['Anton Veresov', 'Anton Veresov', 'Anton Veresov']);
    expect(rs[1]!.c.claimant.resolvedBy).toBe('pronoun');
    expect(rs[2]!.c.claimant.resolvedBy).toBe('surname');
  });

  it('inverted quotes and mixed quote marks: “…," said X', async () => {
    const [r] = await claims('“We only strike military targets," said Oleg Demchuk, a ministry spokesman.');
    expect(r!.who).toBe('Oleg Demchuk');
    expect(r!.c.statement).toBe('We only strike military targets');
    expect(r!.c.stance).toContain('direct-quote');
  });

  it('a denial keeps its stance; a role noun resolves to the body named before', async () => {
    const rs = await claims(
      "Ukraine's Defence Ministry denied that its forces had aimed at civilian sites. Two drones were lost, the ministry said.",
    );
    expect(rs[0]!.who).toBe('ukraine-defence-ministry');
    expect(rs[0]!.c.stance).toContain('denies');
    expect(rs[1]!.who).toBe('ukraine-defence-ministry');
    expect(rs[1]!.c.claimant.resolvedBy).toBe('role');
  });

  it('metonymy: a capital or country speaking is a suggestion for its government, not a fact', async () => {
    const [r] = await claims('Moscow said in January that it would strengthen air defences.');
    expect(r!.c.claimant).toMatchObject({ entityId: 'government-of-russia', suggested: true, resolvedBy: 'metonymy' });
    expect(r!.c.notes.join(' ')).toMatch(/suggestion/);
  });

  it('names inside quotations never become the speaker of a pronoun', async () => {
    const rs = await claims(
      'Anton Veresov wrote: “Only Zelensky can stop this.” He added that he would travel to the region.',
    );
    expect(rs.map((r) => r.who)).toEqual(['Anton Veresov', 'Anton Veresov']);
    expect(quotedSpans('a “b” c "d').length).toBe(2);
  });

  it('unnamed sources are kept with an unlinked claimant for the reviewer', async () => {
    const [r] = await claims('Repairs will take a month, local officials said.');
    expect(r!.c.claimant).toMatchObject({ text: 'local officials' });
    expect(r!.c.claimant.candidate).toBeUndefined();
    expect(r!.c.notes).toContain('unnamed source');
  });
});
