import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedData, SeedIssue } from './read';
import { identityKey } from './text-key';

export interface VerifyResult {
  /** False when the articles folder is absent: the check was skipped, not passed. */
  checked: boolean;
  issues: SeedIssue[];
  quotesChecked: number;
}

/**
 * Checks the data against the article texts: each article's sha256, identity key and length, and every quote
 * verbatim at its offsets (claims, relationships, mentions). Cost: reads the articles once.
 */
export function verifyAgainstArticles(d: SeedData, articlesDir: string): VerifyResult {
  if (!existsSync(articlesDir)) return { checked: false, issues: [], quotesChecked: 0 };
  const issues: SeedIssue[] = [];
  const texts = new Map<string, string>();
  d.articles.forEach((a, i) => {
    const rec = `#${i + 1} (${a.id})`;
    const path = join(articlesDir, a.file);
    if (!existsSync(path)) {
      issues.push({ file: 'articles.yaml', record: rec, field: 'file', message: `article text not found at ${path}` });
      return;
    }
    const bytes = readFileSync(path);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== a.sha256)
      issues.push({
        file: 'articles.yaml',
        record: rec,
        field: 'sha256',
        message: `the text's sha256 is ${sha}, not ${a.sha256}`,
      });
    const text = bytes.toString('utf8');
    if (text.length !== a.length)
      issues.push({
        file: 'articles.yaml',
        record: rec,
        field: 'length',
        message: `the text is ${text.length} characters long, not ${a.length}`,
      });
    if (a.text_key && identityKey(text) !== a.text_key)
      issues.push({
        file: 'articles.yaml',
        record: rec,
        field: 'text_key',
        message: `the text's identity key is ${identityKey(text)}, not ${a.text_key}`,
      });
    texts.set(a.id, text);
  });

  let quotesChecked = 0;
  const check = (file: string, record: string, field: string, article: string, quote: string, start: number) => {
    const text = texts.get(article);
    if (text === undefined) return;
    quotesChecked++;
    const found = text.slice(start, start + quote.length);
    if (found !== quote) {
      const at = text.indexOf(quote);
      issues.push({
        file,
        record,
        field,
        message:
          `quote "${quote.slice(0, 60)}" is not at offset ${start} of ${article}` +
          (at >= 0 ? ` (it is at ${at})` : ' (and not found anywhere in the article)'),
      });
    }
  };
  d.claims.forEach((c, i) =>
    check(
      'claims.yaml',
      `#${i + 1} (${c.id})`,
      'evidence.quote',
      c.evidence.article,
      c.evidence.quote,
      c.evidence.start,
    ),
  );
  d.relationships.forEach((r, i) =>
    r.evidence.forEach((ev, j) =>
      check(
        'relationships.yaml',
        `#${i + 1} (${r.type} ${r.from} → ${r.to})`,
        `evidence.${j}.quote`,
        ev.article,
        ev.quote,
        ev.start,
      ),
    ),
  );
  for (const e of d.entities)
    e.data.reported?.forEach((r, j) =>
      check(
        e.file,
        `(${e.data.id})`,
        `reported.${j}.evidence.quote`,
        r.evidence.article,
        r.evidence.quote,
        r.evidence.start,
      ),
    );
  d.mentions.forEach((m, i) =>
    check('mentions.yaml', `#${i + 1} (${m.article} → ${m.entity})`, 'quote', m.article, m.quote, m.first_offset),
  );
  return { checked: true, issues, quotesChecked };
}
