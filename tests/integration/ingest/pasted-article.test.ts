/**
 * A short wire story pasted as plain text, as an editor first tries it: a headline, a "By …" line,
 * a dateline, then the story. The dateline is the publication date (so "on Thursday" resolves and
 * the strike is an event lead the claims can be about), "The Defence Ministry of Rastavia" keeps
 * its "Defence", and an empty body says what to send. Our own text; nothing is accepted (an accept
 * before the outlet and date are given is refused, saying which to fill in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSeeded } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const STORY = `Drone strike hits fuel depot near Valenki

By Marta Keller

March 14, 2024

A drone struck a fuel depot in Valenki early on Thursday, setting fire to two storage tanks.

Regional governor Pavel Orlov said the attack killed three workers.

The Defence Ministry of Rastavia rejected that account. A ministry spokesman said no one was killed.
`;

let r: ReviewApi;
beforeAll(async () => {
  await ensureSeeded();
  r = await reviewApi();
});
afterAll(async () => {
  await r?.close();
});

describe('a pasted plain-text article', () => {
  it('takes a dateline near the top as the publication date, and resolves the days it names', async () => {
    const s = await r.call('POST', '/api/ingest/articles', { text: STORY });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const view = await r.batch(s.body.batch.id);
    expect(view.title).toBe('Drone strike hits fuel depot near Valenki');
    expect(view.published).toBe('2024-03-14');
    expect(view.missing).not.toContain('published');
    const thursday = view.candidates.find((c: any) => c.candidate.kind === 'date' && /Thursday/.test(c.candidate.text));
    expect(thursday?.candidate.date).toBe('2024-03-14');
    const ministry = view.candidates.find(
      (c: any) => c.candidate.kind === 'entity' && /Ministry/.test(c.candidate.text),
    );
    expect(ministry?.candidate.text).toBe('Defence Ministry of Rastavia');
    expect(ministry?.decision).toMatchObject({ action: 'create', name: 'Defence Ministry of Rastavia' });
  });

  it('a date line further down, or a line with more than a date, is no dateline', async () => {
    const later =
      'Depot fire in Valenki\n\nA fire broke out on Friday.\n\nIt spread.\n\nFirefighters came.\n\nMarch 15, 2024\n';
    const s = await r.call('POST', '/api/ingest/articles', { text: later });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.batch.published).toBeNull();
    const inSentence = 'Depot fire in Valenki\n\nOn March 15, 2024 a fire broke out.\n';
    const t = await r.call('POST', '/api/ingest/articles', { text: inSentence });
    expect(t.body.batch.published).toBeNull();
  });

  it('an accept before the details are in says, in plain words, which of them to fill in', async () => {
    const text = 'Depot fire in Valenki\n\nMayor Ines Barrow said a fire broke out in Valenki.\n';
    const s = await r.call('POST', '/api/ingest/articles', { text });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    const entity = (await r.batch(id)).candidates.find((c: any) => c.candidate.kind === 'entity');
    const refused = await r.accept(id, entity.candidate.id);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.message).toContain(
      "Fill in the article's outlet and publication date first (Article details, above the text).",
    );
    expect((await r.batch(id)).articleId).toBeNull();
  });

  it('a publication date given in the review resolves the relative dates again; an edited claim keeps its date', async () => {
    const text =
      'Ferry port shut in Valenki\n\nMayor Ines Barrow said the fire broke out yesterday.\n\nThe port reopened on Tuesday, Harbour officials said.\n';
    const s = await r.call('POST', '/api/ingest/articles', { text });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    const dated = (view: any) =>
      Object.fromEntries(
        view.candidates
          .filter((c: any) => c.candidate.kind === 'date')
          .map((c: any) => [c.candidate.text, c.candidate]),
      );
    const claims = (view: any) => view.candidates.filter((c: any) => c.candidate.kind === 'claim');
    expect(dated(await r.batch(id))).toEqual({});

    const given = await r.call('PATCH', `/api/ingest/batches/${id}`, { published: '2025-06-12' });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    const first = given.body.batch;
    expect(dated(first)['yesterday']).toMatchObject({ date: '2025-06-11' });
    expect(dated(first)['on Tuesday']).toMatchObject({ date: '2025-06-10' });
    const [mayor, officials] = claims(first);
    expect(mayor.decision.date).toBe('2025-06-11');
    expect(officials.decision.date).toBe('2025-06-10');
    expect(r.audit('ingest.article').at(-1)!.detail).toMatchObject({
      redated: expect.arrayContaining([expect.any(String)]),
    });

    // The reviewer sets the mayor's claim's date by hand; a later change of the publication date leaves it.
    const edit = {
      ...mayor.decision,
      about: ['russia-ukraine-war'],
      date: '2025-06-01',
      date_basis: 'the fire brigade log',
    };
    const edited = await r.call('PATCH', `/api/ingest/batches/${id}/candidates/${mayor.candidate.id}`, {
      decision: edit,
      seen: mayor.seen,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const moved = await r.call('PATCH', `/api/ingest/batches/${id}`, { published: '2025-06-20' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = moved.body.batch;
    expect(dated(after)['yesterday']).toMatchObject({ id: dated(first)['yesterday'].id, date: '2025-06-19' });
    expect(dated(after)['on Tuesday']).toMatchObject({ date: '2025-06-17' });
    const [mayorAfter, officialsAfter] = claims(after);
    expect(mayorAfter).toMatchObject({ state: 'edited', decision: { date: '2025-06-01' } });
    expect(officialsAfter.decision.date).toBe('2025-06-17');
  });

  it('a text in another script is answered with a notice that only English text is extracted', async () => {
    const ru = 'Пожар в порту\n\nПожарные сообщили, что огонь потушен к полуночи, и порт снова открыт.\n';
    const s = await r.call('POST', '/api/ingest/articles', { text: ru });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.batch.notice).toMatch(/this text is mostly in Cyrillic .*script, and only English text is extracted/);
    expect((await r.batch(s.body.batch.id)).notice).toBe(s.body.batch.notice);
    const en = await r.call('POST', '/api/ingest/articles', {
      text: 'Port fire out\n\nMayor Ines Barrow said the fire was out.\n',
    });
    expect(en.body.batch.notice).toBeNull();
  });

  it('an empty body asks for text or a file, rather than "not both"', async () => {
    const s = await r.call('POST', '/api/ingest/articles', {});
    expect(s.status).toBe(400);
    expect(s.body.error.message).toBe('body.text: give the text (pasted) or base64 (a file)');
    const both = await r.call('POST', '/api/ingest/articles', { text: 'a', base64: 'YQ==' });
    expect(both.body.error.message).toBe('body.text: give either text or base64, not both');
  });
});
