import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datelineDay } from '../../../src/ingest/text/dateline';
import { IngestInputError } from '../../../src/ingest/text/errors';
import { blocksToText } from '../../../src/ingest/text/html';
import { canonicalText, normaliseInput, sha256Of } from '../../../src/ingest/text/normalise';
import {
  decodeInput,
  firstInvalidUtf8,
  MAX_INPUT_BYTES,
  readInputFile,
  tooLargeMessage,
} from '../../../src/ingest/text/validate';
import { parseHTML } from 'linkedom';

const FIX = join(__dirname, '../../fixtures/ingest');
const scratch = mkdtempSync(join(tmpdir(), 'ingest-text-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function refusal(f: () => unknown): IngestInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof IngestInputError) return e;
    throw e;
  }
  throw new Error('expected an IngestInputError');
}

describe('HTML', () => {
  const { text, meta } = normaliseInput(readFileSync(join(FIX, 'wire-report.html'), 'utf8'), 'html');

  it('keeps one paragraph per block and drops navigation, footer and scripts', () => {
    const paras = text.split('\n\n');
    expect(paras[0]).toBe('Drone strike cuts power in Kursk region, governor says');
    expect(paras).toContain(
      'Three more drones were shot down over the region before dawn, Veresov said, according to TASS.',
    );
    expect(text).not.toMatch(/Home|All rights reserved|analytics/);
    // Readability's textContent would glue these two paragraphs together.
    expect(text).toMatch(/the regional governor said\.\n\nAnton Veresov/);
  });

  it('reads title, outlet, byline, date and URL from JSON-LD and meta tags', () => {
    expect(meta).toEqual({
      title: 'Drone strike cuts power in Kursk region, governor says',
      outlet: 'Example Wire',
      byline: 'Example Wire staff',
      published: '2024-03-16',
      url: 'https://wire.example/world/kursk-substation-drone',
    });
  });

  it('decodes entities and keeps curly quotes as written', () => {
    expect(text).toContain('“We only strike military targets,” ministry spokesman');
  });

  it('turns block elements and <br> into line breaks', () => {
    const { document } = parseHTML(
      '<html><body><div>one<span> two</span></div><p>three<br>four</p><ul><li>a</li><li>b</li></ul></body></html>',
    );
    expect(blocksToText(document.body)).toBe('one two\n\nthree\nfour\n\na\n\nb');
  });
});

describe('Markdown and plain text', () => {
  it('Markdown: front matter is metadata, markup is dropped, list items stay on their lines', () => {
    const { text, meta } = normaliseInput(readFileSync(join(FIX, 'brief.md'), 'utf8'), 'md');
    expect(meta).toMatchObject({
      title: 'Ferry service suspended after storm',
      outlet: 'Harbour Gazette',
      byline: 'Lena Marsh',
      published: '2023-11-07',
    });
    expect(text).toBe(
      'Ferry service suspended after storm\n\nThe harbour master, Tomas Quill, said on Monday that the ferry to the island would not sail until the pier was repaired.\n\n' +
        'Two boats were damaged.\nNobody was hurt, according to the coast guard.\n\n"We will reopen as soon as it is safe," Quill said.',
    );
  });

  it('plain text: CRLF, trailing spaces and extra blank lines go; the first short line is the title', () => {
    const raw = readFileSync(join(FIX, 'plain.txt'), 'utf8').replace(/\n/g, '\r\n') + '\r\n\r\n\r\n';
    const n = normaliseInput(raw, 'txt');
    expect(n.text).toBe(canonicalText(n.text));
    expect(n.text).not.toMatch(/\r| \n| $/);
    expect(n.text.startsWith('Council votes to close the old bridge\n\nThe city council')).toBe(true);
    expect(n.meta.title).toBe('Council votes to close the old bridge');
  });

  it('plain text: a "By …" line near the top is the byline: the names, not an outlet or role after them', () => {
    const byline = (raw: string) => normaliseInput(raw, 'txt').meta.byline;
    const body = 'Crews worked through the night to clear the road, the council said.';
    expect(byline(`Landslide closes coast road\n\nBy Jane Doe\n\n${body}`)).toBe('Jane Doe');
    expect(byline(`Landslide closes coast road\nBY JANE DOE\n${body}`)).toBe('JANE DOE');
    expect(byline(`Landslide closes coast road\n\nBy Jane Doe and Marco Rinaldi, Evening Courier\n\n${body}`)).toBe(
      'Jane Doe and Marco Rinaldi',
    );
    const first = normaliseInput(
      `By Anna Maria van der Berg, staff reporter\nLandslide closes coast road\n\n${body}`,
      'txt',
    );
    expect(first.meta).toMatchObject({ byline: 'Anna Maria van der Berg', title: 'Landslide closes coast road' });
    expect(byline(`Landslide closes coast road\n\nBy J. R. Okafor | Coast Times\n\n${body}`)).toBe('J. R. Okafor');
  });

  it('plain text: a byline of three or more names keeps every name, and no outlet after them', () => {
    const byline = (raw: string) => normaliseInput(raw, 'txt').meta.byline;
    const body = 'Crews worked through the night to clear the road, the council said.';
    const three = 'Jane Doe, Marco Rinaldi and Priya Nair';
    expect(byline(`Landslide closes coast road\n\nBy ${three}\n\n${body}`)).toBe(three);
    expect(byline(`Landslide closes coast road\n\nBy ${three}, Evening Courier\n\n${body}`)).toBe(three);
    expect(byline(`Landslide closes coast road\n\nBy Jane Doe, Marco Rinaldi, and Priya Nair\n\n${body}`)).toBe(
      'Jane Doe, Marco Rinaldi, and Priya Nair',
    );
    expect(
      byline(`Landslide closes coast road\n\nBy Jane Doe, Ola Berg, Tom Lee and Ana Ruiz | Coast Times\n\n${body}`),
    ).toBe('Jane Doe, Ola Berg, Tom Lee and Ana Ruiz');
    expect(byline(`Landslide closes coast road\n\nBy Jane Doe and Marco Rinaldi, Reuters\n\n${body}`)).toBe(
      'Jane Doe and Marco Rinaldi',
    );
    // Without a closing "and" what follows the comma is the outlet or a role, never a second name.
    expect(byline(`Landslide closes coast road\n\nBy Jane Doe, Coast Times\n\n${body}`)).toBe('Jane Doe');
    expect(byline(`Landslide closes coast road\n\nBy Jane Doe, Marco Rinaldi and a staff reporter\n\n${body}`)).toBe(
      'Jane Doe',
    );
  });

  it('plain text: a byline that is a news agency or one word is no person; it is the outlet when none is given', () => {
    const body = 'Crews worked through the night to clear the road, the council said.';
    const meta = (raw: string) => normaliseInput(raw, 'txt').meta;
    expect(meta(`Landslide closes coast road\n\nBy Reuters\n\n${body}`)).toEqual({
      title: 'Landslide closes coast road',
      outlet: 'Reuters',
    });
    expect(meta(`By Associated Press\nLandslide closes coast road\n\n${body}`)).toEqual({
      title: 'Landslide closes coast road',
      outlet: 'Associated Press',
    });
    expect(meta(`Landslide closes coast road\n\nBY AFP\n\n${body}`)).toMatchObject({ outlet: 'AFP' });
    // An unknown word is the outlet only once the name finder calls it an organisation (extract.test.ts).
    expect(meta(`Landslide closes coast road\n\nBy Harbourwire\n\n${body}`)).toEqual({
      title: 'Landslide closes coast road',
    });
    // Front matter naming the outlet wins over the byline line.
    const md = `---\noutlet: Coast Times\n---\n\nLandslide closes coast road\n\nBy Reuters\n\n${body}`;
    expect(normaliseInput(md, 'md').meta).toMatchObject({ outlet: 'Coast Times' });
    expect(normaliseInput(md, 'md').meta.byline).toBeUndefined();
  });

  it('plain text: a news agency after the byline names fills the outlet; a role never does', () => {
    const body = 'Crews worked through the night to clear the road, the council said.';
    const meta = (raw: string) => normaliseInput(raw, 'txt').meta;
    const title = 'Landslide closes coast road';
    expect(meta(`${title}\n\nBy Jane Doe and Marco Rinaldi, Reuters\n\n${body}`)).toEqual({
      title,
      byline: 'Jane Doe and Marco Rinaldi',
      outlet: 'Reuters',
    });
    expect(meta(`${title}\n\nBy Jane Doe, AFP\n\n${body}`)).toEqual({ title, byline: 'Jane Doe', outlet: 'AFP' });
    expect(meta(`${title}\n\nBy Jane Doe, Marco Rinaldi and Priya Nair, Associated Press\n\n${body}`)).toEqual({
      title,
      byline: 'Jane Doe, Marco Rinaldi and Priya Nair',
      outlet: 'Associated Press',
    });
    expect(meta(`${title}\n\nBy Jane Doe | Reuters\n\n${body}`)).toEqual({
      title,
      byline: 'Jane Doe',
      outlet: 'Reuters',
    });
    expect(meta(`${title}\n\nBy Jane Doe, staff writer\n\n${body}`)).toEqual({ title, byline: 'Jane Doe' });
    expect(meta(`${title}\n\nBy Jane Doe, Kyiv correspondent\n\n${body}`)).toEqual({ title, byline: 'Jane Doe' });
    // Front matter naming the outlet wins over the agency in the byline.
    const md = `---\noutlet: Coast Times\n---\n\n${title}\n\nBy Jane Doe, Reuters\n\n${body}`;
    expect(normaliseInput(md, 'md').meta).toMatchObject({ outlet: 'Coast Times', byline: 'Jane Doe' });
  });

  it('plain text: a closing wire credit names the reporters when no byline opens the story', () => {
    const meta = (raw: string) => normaliseInput(raw, 'txt').meta;
    const title = 'Landslide closes coast road';
    const body = 'Crews worked through the night to clear the road, the council said.';
    expect(meta(`${title}\n\n${body}\n\n(Reporting by Anna Berg; editing by Tom Ashby)`)).toEqual({
      title,
      byline: 'Anna Berg',
    });
    expect(meta(`${title}\n\n${body}\n\n(Reporting by Anna Berg and Ivan Marsh in Port Ellen)`).byline).toBe(
      'Anna Berg and Ivan Marsh',
    );
    // The byline at the top wins; a credit that names no person is none.
    expect(meta(`${title}\nBy Jane Doe\n\n${body}\n\n(Reporting by Anna Berg)`).byline).toBe('Jane Doe');
    expect(meta(`${title}\n\n${body}\n\n(Reporting by staff; editing by the desk)`).byline).toBeUndefined();
  });

  it('plain text: the outlet in brackets in a wire dateline fills the outlet, with or without an outlet word', () => {
    const meta = (raw: string) => normaliseInput(raw, 'txt').meta;
    const title = 'Landslide closes coast road';
    const body = 'Crews worked through the night to clear the road, the council said.';
    expect(meta(`${title}\n\nMARLOW, May 3 (Meridian) – ${body}`)).toEqual({ title, outlet: 'Meridian' });
    expect(meta(`${title}\n\nPORT ELLEN, Scotland (Northbridge Wire) - ${body}`).outlet).toBe('Northbridge Wire');
    // A byline's outlet comes first; brackets that are no dateline's name nothing.
    expect(meta(`${title}\nBy Anna Berg, Coast Times\n\nMARLOW (Meridian) – ${body}`).outlet).toBe('Coast Times');
    expect(meta(`${title}\n\nMARLOW (staff reporter) – ${body}`).outlet).toBeUndefined();
    expect(meta(`${title}\n\nThe council (Meridian) – ${body}`).outlet).toBeUndefined();
  });

  it('plain text: an outlet after the byline names ("By Anna Berg, Northbridge Wire") fills the outlet', () => {
    const body = 'Crews worked through the night to clear the road, the council said.';
    const meta = (raw: string) => normaliseInput(raw, 'txt').meta;
    const title = 'Landslide closes coast road';
    expect(meta(`${title}\n\nBy Anna Berg, Northbridge Wire\n\n${body}`)).toEqual({
      title,
      byline: 'Anna Berg',
      outlet: 'Northbridge Wire',
    });
    expect(meta(`${title}\n\nBy Jane Doe and Marco Rinaldi, Evening Courier\n\n${body}`)).toMatchObject({
      byline: 'Jane Doe and Marco Rinaldi',
      outlet: 'Evening Courier',
    });
    expect(meta(`${title}\n\nBy J. R. Okafor | Coast Times\n\n${body}`)).toMatchObject({
      byline: 'J. R. Okafor',
      outlet: 'Coast Times',
    });
    expect(meta(`${title}\n\nBy Jane Doe, Kyiv correspondent, The Harbour Record\n\n${body}`)).toMatchObject({
      byline: 'Jane Doe',
      outlet: 'The Harbour Record',
    });
    expect(meta(`BY ANNA BERG, NORTHBRIDGE WIRE\n${title}\n\n${body}`)).toMatchObject({
      byline: 'ANNA BERG',
      outlet: 'NORTHBRIDGE WIRE',
    });
    // A role, a place or a second name after the comma is no outlet.
    for (const after of ['Staff Writer', 'Kyiv Bureau', 'Senior Editor', 'Kyiv', 'Marco Rinaldi', 'staff reporter'])
      expect(meta(`${title}\n\nBy Jane Doe, ${after}\n\n${body}`)).toEqual({ title, byline: 'Jane Doe' });
    // The outlet the form gives wins over the byline's.
    const md = `---\noutlet: Coast Times\n---\n\n${title}\n\nBy Anna Berg, Northbridge Wire\n\n${body}`;
    expect(normaliseInput(md, 'md').meta).toMatchObject({ outlet: 'Coast Times', byline: 'Anna Berg' });
  });

  it('plain text: a one-word byline that is an ordinary word is neither the outlet nor a byline', () => {
    const meta = (raw: string) => normaliseInput(raw, 'txt').meta;
    expect(meta('Fires spread\n\nBy Moonlight\n\nThe north stayed quiet.')).toEqual({ title: 'Fires spread' });
    expect(meta('Fires spread\n\nBy Tonight\n\nThe north stayed quiet.')).toEqual({ title: 'Fires spread' });
    // "By Staff" is a credit, not an outlet or a person, and never the title.
    expect(meta('Fires spread\n\nBy Staff\n\nThe north stayed quiet.')).toEqual({ title: 'Fires spread' });
    expect(meta('By Staff\nFires spread\n\nThe north stayed quiet.')).toEqual({ title: 'Fires spread' });
    expect(meta('Fires spread\n\nBy Reuters\n\nThe north stayed quiet.')).toEqual({
      title: 'Fires spread',
      outlet: 'Reuters',
    });
    expect(meta('Fires spread\n\nBY AFP\n\nThe north stayed quiet.')).toEqual({ title: 'Fires spread', outlet: 'AFP' });
  });

  it('plain text: a sentence that starts with "By" is not a byline, nor is a "By" line further down', () => {
    const byline = (raw: string) => normaliseInput(raw, 'txt').meta.byline;
    expect(byline('Fires spread\n\nBy Tuesday, the fires had reached three villages.')).toBeUndefined();
    expect(byline('Fires spread\n\nBy Tuesday Evening the fires had reached three villages')).toBeUndefined();
    expect(byline('Fires spread\n\nBy Road And Rail\n\nThe line was closed.')).toBeUndefined();
    const meta = (raw: string) => normaliseInput(raw, 'txt').meta;
    expect(meta('Fires spread\n\nBy contrast, the north stayed quiet.')).toEqual({ title: 'Fires spread' });
    expect(meta('Fires spread\n\nBy contrast, the north stayed quiet')).toEqual({ title: 'Fires spread' });
    expect(meta('Fires spread\n\nBy Contrast\n\nThe north stayed quiet.')).toEqual({ title: 'Fires spread' });
    expect(meta('Fires spread\n\nBy Tuesday\n\nThe fires had reached three villages.')).toEqual({
      title: 'Fires spread',
    });
    expect(meta('Fires spread\n\nBy Tuesday, Wednesday and Thursday the fires had spread')).toEqual({
      title: 'Fires spread',
    });
    const late = ['Fires spread', 'One.', 'Two.', 'Three.', 'Four.', 'Five.', 'By Jane Doe'].join('\n\n');
    expect(byline(late)).toBeUndefined();
    expect(normaliseInput('Fires spread\n\nBy Jane Doe', 'txt').meta.byline).toBe('Jane Doe');
  });

  it('plain text: a line that is only a date, before the story, is the publication date', () => {
    const published = (t: string) => normaliseInput(t, 'txt').meta.published;
    expect(datelineDay('March 14, 2024')).toBe('2024-03-14');
    expect(datelineDay('Thursday, 14 March 2024')).toBe('2024-03-14');
    expect(datelineDay('Published: Mar. 14, 2024, 10:32 GMT')).toBe('2024-03-14');
    expect(datelineDay('2024-03-14')).toBe('2024-03-14');
    expect(datelineDay('Posted on 14 March 2024 | 10:32 UTC')).toBe('2024-03-14');
    expect(datelineDay('Thursday')).toBeUndefined();
    expect(datelineDay('March 2024')).toBeUndefined();
    expect(datelineDay('February 30, 2024')).toBeUndefined();
    expect(datelineDay('Updated March 14, 2024')).toBeUndefined();
    expect(datelineDay('On March 14, 2024 a drone struck.')).toBeUndefined();
    // A dateline first is skipped for the title, as a byline is.
    expect(normaliseInput('March 14, 2024\n\nDepot fire\n\nA fire broke out.', 'txt').meta).toEqual({
      title: 'Depot fire',
      published: '2024-03-14',
    });
    expect(published('Depot fire\n\nA fire broke out.\n\nMarch 14, 2024')).toBeUndefined();
    expect(normaliseInput('---\ndate: 2024-01-02\n---\nMarch 14, 2024\n\nText.', 'md').meta.published).toBe(
      '2024-01-02',
    );
  });

  it('sha256 and length like seed/data/articles.yaml (UTF-8 bytes, UTF-16 units)', () => {
    const n = normaliseInput('Kyiv — “quoted” 🙂 text', 'txt');
    expect(n.length).toBe('Kyiv — “quoted” 🙂 text'.length);
    expect(n.length).toBe(23);
    expect(n.sha256).toBe(sha256Of('Kyiv — “quoted” 🙂 text'));
    expect(n.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verbatim keeps a stored text byte for byte', () => {
    const raw = 'Headline  \n\n\n\nBody. ';
    expect(normaliseInput(raw, 'txt', { verbatim: true }).text).toBe(raw);
    expect(normaliseInput(raw, 'txt').text).toBe('Headline\n\nBody.');
  });
});

describe('bad input', () => {
  it('empty and whitespace-only files', () => {
    writeFileSync(join(scratch, 'empty.txt'), '');
    writeFileSync(join(scratch, 'blank.txt'), ' \n\t\n');
    expect(refusal(() => readInputFile(join(scratch, 'empty.txt'))).code).toBe('EMPTY');
    expect(refusal(() => readInputFile(join(scratch, 'blank.txt'))).message).toMatch(/only whitespace/);
  });

  it('binary files', () => {
    writeFileSync(
      join(scratch, 'image.html'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    const e = refusal(() => readInputFile(join(scratch, 'image.html')));
    expect(e.code).toBe('BINARY');
    expect(e.message).toMatch(/binary file/);
  });

  it('non-UTF-8 text names the first bad byte', () => {
    const latin1 = Buffer.from('Caf\xe9 in Kharkiv', 'latin1');
    writeFileSync(join(scratch, 'latin1.txt'), latin1);
    const e = refusal(() => readInputFile(join(scratch, 'latin1.txt')));
    expect(e.code).toBe('NOT_UTF8');
    expect(e.message).toMatch(/offset 3/);
    expect(firstInvalidUtf8(new Uint8Array(Buffer.from('ok ✓', 'utf8')))).toBe(-1);
    // A multi-byte character cut at the end is invalid too.
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x9c]))).toBe(1);
  });

  it('a 50 MB file is refused from its size, before reading', () => {
    const big = join(scratch, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: the size is there, the bytes are never read
    const t0 = performance.now();
    const e = refusal(() => readInputFile(big));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/50\.0 MB; the limit is 5 MB/);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(MAX_INPUT_BYTES).toBe(5 * 1024 * 1024);
  });

  it('a size just over the limit is given in bytes, not as a rounded size equal to the limit', () => {
    expect(tooLargeMessage('a.txt', 5 * 1024 * 1024 + 1, MAX_INPUT_BYTES)).toBe(
      'a.txt is 5,242,881 bytes; the limit is 5,242,880 bytes (5 MB) for one article.',
    );
    expect(tooLargeMessage('a.txt', 5.2 * 1024 * 1024, MAX_INPUT_BYTES)).toBe(
      'a.txt is 5.2 MB; the limit is 5 MB for one article.',
    );
  });

  it('missing files, and HTML with no readable text', () => {
    expect(refusal(() => readInputFile(join(scratch, 'nope.txt'))).code).toBe('NOT_FOUND');
    expect(refusal(() => normaliseInput('<html><body><script>x()</script></body></html>', 'html')).code).toBe(
      'NO_TEXT',
    );
  });

  it('a web address instead of a file or text is refused with what to do (nothing is fetched)', () => {
    const url = 'https://example.com/news/strike.html';
    for (const e of [refusal(() => readInputFile(url)), refusal(() => normaliseInput(`  ${url}\n`, 'txt'))]) {
      expect(e.code).toBe('UNSUPPORTED');
      expect(e.message).toMatch(
        /is a web address \(https:\/\/example\.com\/news\/strike\.html\): newsgraph does not fetch/,
      );
    }
    expect(refusal(() => normaliseInput(url, 'txt', { what: 'pasted text' })).message).toMatch(/^Pasted text is/);
    // A text that mentions an address is an article like any other.
    expect(normaliseInput(`Read more at ${url}`, 'txt').text).toContain(url);
  });

  it('a byte-order mark is dropped', () => {
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'x')).toBe('A');
  });
});
