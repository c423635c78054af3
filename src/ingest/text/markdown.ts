import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { isoDay, type FoundMeta } from './metadata';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? _);

function inline(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return decode(fallback);
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'br':
          return '\n';
        case 'image':
          return '';
        case 'html':
          return '';
        case 'codespan':
          return decode((t as Tokens.Codespan).text);
        case 'escape':
          return (t as Tokens.Escape).text;
        default: {
          const withKids = t as { tokens?: Token[]; text?: string };
          return inline(withKids.tokens, withKids.text ?? '');
        }
      }
    })
    .join('');
}

function blocks(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'heading':
      case 'paragraph':
        out.push(inline((t as Tokens.Paragraph).tokens, (t as Tokens.Paragraph).text));
        break;
      case 'text':
        out.push(inline((t as Tokens.Text).tokens, (t as Tokens.Text).text));
        break;
      case 'blockquote':
        out.push(...blocks((t as Tokens.Blockquote).tokens));
        break;
      case 'list':
        out.push((t as Tokens.List).items.map((i) => blocks(i.tokens).join('\n')).join('\n'));
        break;
      case 'code':
        out.push((t as Tokens.Code).text);
        break;
      case 'table': {
        const tb = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens, c.text)).join('\t');
        out.push([row(tb.header), ...tb.rows.map(row)].join('\n'));
        break;
      }
      default:
        break; // hr, space, html, def: no article text
    }
  }
  return out.filter((b) => b.trim());
}

/** Front matter (`---` YAML at the top): title, outlet/site, author/byline, date/published, url. */
function frontMatter(md: string): { meta: FoundMeta; rest: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(md);
  if (!m) return { meta: {}, rest: md };
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(m[1]!);
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    return { meta: {}, rest: md };
  }
  const str = (...keys: string[]) => {
    for (const k of keys) {
      const v = data[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (v instanceof Date) return v.toISOString();
    }
    return undefined;
  };
  return {
    meta: {
      title: str('title', 'headline'),
      outlet: str('outlet', 'site', 'publisher', 'source'),
      byline: str('byline', 'author', 'authors'),
      published: isoDay(str('published', 'date', 'datePublished')),
      url: str('url', 'link', 'canonical'),
    },
    rest: md.slice(m[0].length),
  };
}

/**
 * Plain text of a Markdown article: one paragraph per block, list items one per line, links by
 * their text, images and raw HTML dropped; YAML front matter becomes metadata, and the first
 * heading is the title when the front matter has none. Cost: one marked lexer pass.
 */
export function markdownToText(md: string): { text: string; meta: FoundMeta } {
  const { meta, rest } = frontMatter(md);
  const tokens = new Lexer().lex(rest);
  const firstHeading = tokens.find((t) => t.type === 'heading') as Tokens.Heading | undefined;
  if (!meta.title && firstHeading) meta.title = inline(firstHeading.tokens, firstHeading.text).trim();
  const text = blocks(tokens)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.replace(/[ \t]+/g, ' ').trim())
        .join('\n'),
    )
    .join('\n\n');
  return { text, meta };
}
