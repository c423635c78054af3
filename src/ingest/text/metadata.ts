/** Article metadata found in the input (any field may be missing; the reviewer fills the gaps). */
export interface FoundMeta {
  title?: string;
  outlet?: string;
  byline?: string;
  /** ISO date YYYY-MM-DD. */
  published?: string;
  url?: string;
}

/** YYYY-MM-DD from an ISO timestamp or a date string a browser would parse; undefined when unclear. */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

const clean = (s: unknown): string | undefined => {
  if (typeof s !== 'string') return undefined;
  const t = s.replace(/\s+/g, ' ').trim();
  return t || undefined;
};

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object' && 'name' in v) return clean((v as { name: unknown }).name);
  return undefined;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage)$/;

/** Metadata from JSON-LD blocks (schema.org NewsArticle and friends); malformed blocks are ignored. */
export function fromJsonLd(blocks: string[]): FoundMeta {
  const out: FoundMeta = {};
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['@graph'])) (o['@graph'] as unknown[]).forEach(visit);
    const types = ([] as unknown[]).concat(o['@type'] ?? []);
    if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return;
    out.title ??= clean(o.headline) ?? clean(o.name);
    out.published ??= isoDay(clean(o.datePublished) ?? clean(o.dateCreated));
    out.byline ??= nameOf(o.author);
    out.outlet ??= nameOf(o.publisher);
    out.url ??= clean(o.url) ?? clean((o.mainEntityOfPage as { '@id'?: string } | undefined)?.['@id']);
  };
  for (const b of blocks) {
    try {
      visit(JSON.parse(b));
    } catch {
      /* a broken block says nothing */
    }
  }
  return out;
}

/** Metadata from <meta> tags: Open Graph, article:*, Dublin Core, and plain name= tags. */
export function fromMetaTags(doc: Document): FoundMeta {
  const get = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
      const v = clean(el?.getAttribute('content'));
      if (v) return v;
    }
    return undefined;
  };
  return {
    title: get('og:title', 'twitter:title', 'dc.title', 'DC.title'),
    outlet: get('og:site_name', 'application-name', 'publisher', 'dc.publisher', 'DC.publisher'),
    byline: get('author', 'article:author', 'byl', 'dc.creator', 'DC.creator', 'sailthru.author'),
    published: isoDay(
      get('article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date', 'og:pubdate'),
    ),
    url: get('og:url') ?? clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')),
  };
}

/** First defined value per field, in order of trust. */
export function mergeMeta(...sources: FoundMeta[]): FoundMeta {
  const out: FoundMeta = {};
  for (const key of ['title', 'outlet', 'byline', 'published', 'url'] as const) {
    for (const s of sources) {
      if (s[key]) {
        out[key] = s[key];
        break;
      }
    }
  }
  return out;
}
