import { describe, expect, it } from 'vitest';
import {
  citedArticles,
  claimEditOf,
  statusBody,
  statusDraft,
  statusProblemFromServer,
  statusProblems,
} from '../../../../src/web/ui/claims/claim-status';

describe('the claim status form', () => {
  it('starts from the current status, with no reason and no source', () => {
    expect(statusDraft('unanswered')).toEqual({ status: 'unanswered', reason: '', article: '', quote: '' });
    expect(statusDraft(null).status).toBe('');
  });

  it('asks for a changed status, a reason, and both halves of a source before sending', () => {
    const d = statusDraft('unanswered');
    expect(statusProblems(d, 'unanswered')).toEqual({
      form: 'That is its status already.',
      reason: 'say why (kept in the audit trail)',
    });
    expect(statusProblems({ ...d, status: 'refuted', reason: 'x' }, 'unanswered')).toEqual({
      status: 'pick one of contested, unanswered, acknowledged, uncontested',
    });
    expect(statusProblems({ ...d, status: 'contested', reason: 'x', article: 'a1' }, 'unanswered')).toEqual({
      quote: 'give the quote from the article too',
    });
    expect(statusProblems({ ...d, status: 'contested', reason: 'x', quote: 'they said' }, 'unanswered')).toEqual({
      article: 'give the article the quote is from',
    });
    expect(
      statusProblems({ ...d, status: 'contested', reason: 'x', article: 'a1', quote: 'w '.repeat(31) }, 'unanswered'),
    ).toEqual({ quote: 'must be at most 30 words (a short attributed quote)' });
    expect(statusProblems({ ...d, status: 'contested', reason: 'r'.repeat(501) }, 'unanswered').reason).toBe(
      'at most 500 characters',
    );
    expect(statusProblems({ ...d, status: 'contested', reason: ' x ' }, 'unanswered')).toEqual({});
  });

  it('sends the version read, the status, the trimmed reason and the source only when given', () => {
    const d = { status: 'acknowledged', reason: ' answered later ', article: '', quote: '' };
    expect(statusBody(d, 2)).toEqual({ version: 2, status: 'acknowledged', reason: 'answered later' });
    expect(statusBody({ ...d, article: ' a1 ', quote: ' they said so ' }, 0)).toEqual({
      version: 0,
      status: 'acknowledged',
      reason: 'answered later',
      source: { article: 'a1', quote: 'they said so' },
    });
  });

  it("puts the server's 400 beside its field, anything else on the form", () => {
    expect(statusProblemFromServer('body.status', 'body.status: must be one of …')).toEqual({
      status: 'must be one of …',
    });
    expect(statusProblemFromServer('body.reason', 'body.reason: is required')).toEqual({ reason: 'is required' });
    expect(statusProblemFromServer('body.source.article', 'body.source.article: no article with id "x"')).toEqual({
      article: 'no article with id "x"',
    });
    expect(statusProblemFromServer('body.source.quote', 'body.source.quote: too long')).toEqual({ quote: 'too long' });
    expect(statusProblemFromServer('id', 'id: is not a claim this app loaded')).toEqual({
      form: 'id: is not a claim this app loaded',
    });
  });

  it('reads what an edit needs from a claim node: its status and version, only for a claim this app loaded', () => {
    expect(
      claimEditOf({ labels: ['Claim'], properties: { dataset: 'belgorod', status: 'contested', version: 3 } }),
    ).toEqual({ status: 'contested', version: 3 });
    expect(claimEditOf({ labels: ['Claim'], properties: { dataset: 'belgorod', status: 'unanswered' } })).toEqual({
      status: 'unanswered',
      version: 0,
    });
    expect(claimEditOf({ labels: ['Claim'], properties: { status: 'contested' } })).toBeNull();
    expect(claimEditOf({ labels: ['Entity', 'Person'], properties: { dataset: 'belgorod' } })).toBeNull();
  });
});

describe('the articles Edit status offers as the source', () => {
  const claim = (key: string, title: string | null, published: string | null, outlet = 'Outlet') => ({
    evidence: {
      article: {
        id: null,
        key,
        title,
        outlet,
        outletInferred: false,
        published,
        publishedFrom: null,
        publishedTo: null,
      },
      quote: 'q',
      start: 0,
      end: 1,
    },
  });
  const board = (...claims: object[]) => ({ events: [{ groups: [{ claims }] }] }) as never;

  it('lists each cited article once, oldest first, by its citation, sending its id', () => {
    const boards = [
      board(claim('b', 'Later', '2023-01-02'), claim('a', 'Earlier', '2022-10-13'), { evidence: null }),
      board(claim('b', 'Later again', '2023-01-02'), claim('c', null, null)),
    ];
    expect(citedArticles(boards)).toEqual([
      { key: 'a', label: 'Earlier · Outlet · 13 October 2022', published: '2022-10-13' },
      { key: 'b', label: 'Later · Outlet · 2 January 2023', published: '2023-01-02' },
      { key: 'c', label: 'c · Outlet', published: null },
    ]);
    expect(citedArticles([])).toEqual([]);
  });
});
