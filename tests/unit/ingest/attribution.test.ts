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

  it('a time after the verb is not the statement: the words before the speaker are', async () => {
    const rs = await claims(
      'The water supply will be restored by Friday, Pavel Sorokin said late on Wednesday. ' +
        'Pavel Sorokin said on Wednesday: "Schools will stay closed until the pipes are checked." ' +
        'Pavel Sorokin said in an interview with Reuters that the bridge was shut.',
    );
    expect(rs.map((r) => r.c.statement)).toEqual([
      'The water supply will be restored by Friday',
      'Schools will stay closed until the pipes are checked',
      'the bridge was shut',
    ]);
    expect(rs.every((r) => r.who === 'Pavel Sorokin')).toBe(true);
  });

  it('"X said on Wednesday." takes the quotation next to it, once', async () => {
    const before = await claims(
      'The pumping station was hit twice.\n\n"The water supply will be restored by Friday." Pavel Sorokin said on Wednesday.',
    );
    expect(before.map((r) => r.c.statement)).toEqual(['The water supply will be restored by Friday']);
    expect(before[0]!.c.stance).toContain('direct-quote');
    const after = await claims(
      'Pavel Sorokin said on Wednesday.\n\n"The water supply will be restored by Friday. Schools stay closed."',
    );
    expect(after.map((r) => r.c.statement)).toEqual([
      'The water supply will be restored by Friday. Schools stay closed',
    ]);
    expect(after[0]!.who).toBe('Pavel Sorokin');
  });

  it('"X said on Wednesday." with no statement near it is no claim at all', async () => {
    const rs = await claims(
      'The pumping station was hit twice.\n\nPavel Sorokin said late on Wednesday.\n\n' +
        '"Crews are on their way," he added.',
    );
    expect(rs.map((r) => [r.c.statement, r.c.cue])).toEqual([['Crews are on their way', 'add']]);
    expect(await claims('Pavel Sorokin said on Wednesday.')).toEqual([]);
    expect(await claims('Pavel Sorokin said in a statement on Wednesday.')).toEqual([]);
  });

  it('unnamed sources are kept with an unlinked claimant for the reviewer', async () => {
    const [r] = await claims('Repairs will take a month, local officials said.');
    expect(r!.c.claimant).toMatchObject({ text: 'local officials' });
    expect(r!.c.claimant.candidate).toBeUndefined();
    expect(r!.c.notes).toContain('unnamed source');
  });
  it('the subject right after the verb stays in the statement; only a day or an addressee is skipped', async () => {
    const rs = await claims(
      'Anton Veresov said Ukrainian forces had fired rockets at the village overnight. ' +
        'Pavel Sorokin said Russian troops were not involved in the shelling. ' +
        'Anton Veresov said Tuesday that crews had restored the power. ' +
        'Pavel Sorokin told Reuters the bridge was shut. ' +
        'Anton Veresov told reporters Russian missiles had hit a bakery.',
    );
    expect(rs.map((r) => r.c.statement)).toEqual([
      'Ukrainian forces had fired rockets at the village overnight',
      'Russian troops were not involved in the shelling',
      'crews had restored the power',
      'the bridge was shut',
      'Russian missiles had hit a bakery',
    ]);
  });

  it('a dateline never starts a statement', async () => {
    const rs = await claims(
      'KHARKIV, 14 May 2024 — A drone struck a school in the city centre, Pavel Sorokin said.\n\n' +
        'ZOLOCHIV — Two houses burned down after the strike, according to Anton Veresov.',
    );
    expect(rs.map((r) => r.c.statement)).toEqual([
      'A drone struck a school in the city centre',
      'Two houses burned down after the strike',
    ]);
  });

  it('a body of a place speaks, not the place: "Ukraine\'s air force said"; "state railway" is no verb', async () => {
    const rs = await claims("Ukraine's state railway company said engineers had replaced two spans of the bridge.");
    expect(rs.map((r) => [r.c.cue, r.who, r.c.claimant.resolvedBy])).toEqual([
      ['say', "Ukraine's state railway company", 'role'],
    ]);
    const [r] = await claims("Ukraine's air force said it shot down 11 of 14 drones launched overnight.");
    expect(r!.who).toBe("Ukraine's air force");
    expect(r!.c.claimant.entityId).toBeUndefined();
    expect(r!.c.statement).toBe('it shot down 11 of 14 drones launched overnight');
  });

  it('where and when it was said before "that" is not the statement', async () => {
    const [r] = await claims('Vyacheslav Gladkov told reporters in Moscow that the attack had damaged a school.');
    expect(r!.c.statement).toBe('the attack had damaged a school');
    const [q] = await claims('Vyacheslav Gladkov said at the time that it had struck a railway bridge.');
    expect(q!.c.statement).toBe('it had struck a railway bridge');
  });
});
