import { describe, expect, it } from 'vitest';
import { IngestArticleBodySchema } from '../../../src/shared/api/ingest';

describe('the add-article body', () => {
  it('refuses base64 that is not base64, instead of decoding what is left of it', () => {
    const bad = IngestArticleBodySchema.safeParse({ base64: '!!!not base64!!!', name: 'a.txt' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['base64'], message: expect.stringMatching(/^is not base64/) });
    const text = Buffer.from('Kharkiv, Monday — the governor said.', 'utf8').toString('base64');
    expect(IngestArticleBodySchema.safeParse({ base64: text, name: 'a.txt' }).success).toBe(true);
    // Line-wrapped (MIME) base64 is base64 too.
    const wrapped = `${text.slice(0, 20)}\n${text.slice(20)}\n`;
    expect(IngestArticleBodySchema.safeParse({ base64: wrapped, name: 'a.txt' }).success).toBe(true);
  });
});
