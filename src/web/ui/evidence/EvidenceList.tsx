import { useMemo, useState } from 'react';
import type { Evidence, NodeDetailResponse } from '../../../shared/api';
import { edgeFamilies } from '../../render/style';
import { useExplorer } from '../context';
import { humanType, termsFor } from '../format';
import { CorroborationNote } from './CorroborationNote';
import { groupByQuote, type QuoteGroup } from './group';
import { ArticleSource, Quote } from './Quote';

const EVIDENCE_SHOWN = 8;
const CLAIM_TYPES = new Set(['MADE', 'ABOUT', 'REPORTS', 'CONTRADICTS']);

/** The quotes that support a node's relationships, facts first (by relationship family), claims last. */
export function EvidenceList({ data }: { data: NodeDetailResponse }) {
  const explorer = useExplorer();
  const [all, setAll] = useState(false);
  const terms = useMemo(() => termsFor(data.node.caption, data.node.properties.aliases), [data]);
  // Facts first; quotes behind claims (MADE, ABOUT, REPORTS) are also shown with the claims.
  const ordered = useMemo(() => {
    // Within facts: by relationship family (offices, organizations, geography, events, …), stable.
    const rank = (e: Evidence) => {
      if (!e.relationship) return -1;
      if (CLAIM_TYPES.has(e.relationship.type)) return 100;
      const i = edgeFamilies().findIndex((f) => f.types.includes(e.relationship!.type));
      return i < 0 ? 50 : i;
    };
    // One item per quote: a claim's quote is on each of its links, and one text may come from several articles.
    return groupByQuote(
      data.evidence
        .map((e, i) => [e, i] as const)
        .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
        .map(([e]) => e),
    );
  }, [data]);
  if (!ordered.length) return null;
  const shown = all ? ordered : ordered.slice(0, EVIDENCE_SHOWN);
  return (
    <div className="section" data-testid="evidence">
      <h3>
        Evidence{' '}
        <span className="count">
          {ordered.length}
          {data.evidenceTruncated ? '+' : ''}
        </span>
      </h3>
      {shown.map((g, i) => (
        <EvidenceItem
          key={`${g.relationships[0]?.id ?? 'self'}-${i}`}
          g={g}
          self={data.node.id}
          terms={terms}
          onOpen={(ref) => void explorer.focusRef(ref)}
        />
      ))}
      {ordered.length > EVIDENCE_SHOWN ? (
        <button className="link small" onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${ordered.length} quotes`}
        </button>
      ) : null}
    </div>
  );
}

/** `self`: the node whose evidence this is; a quote with no relationship is its own (a claim's). */
function EvidenceItem({
  g,
  self,
  terms,
  onOpen,
}: {
  g: QuoteGroup;
  self: string;
  terms: string[];
  onOpen(ref: string): void;
}) {
  const allTerms = [...terms, ...g.relationships.flatMap((r) => termsFor(r.other.caption, []))];
  // The quote opens the evidence reader (article text around it), at its first place read.
  const explorer = useExplorer();
  const at = g.sources.find((s) => s.start !== null && s.end !== null);
  const openReader = at
    ? () => void explorer.openReader(at.article.key, at.start!, at.end!, g.relationships[0]?.id ?? self)
    : null;
  return (
    <div className="evidence" data-testid="evidence-item">
      {g.relationships.map((r) => (
        <div className="evidence-rel" key={r.id}>
          {r.direction === 'out' ? null : (
            <button className="link" onClick={() => onOpen(r.other.id)}>
              {refCaption(r.other)}
            </button>
          )}
          <span className="type">{r.direction === 'out' ? `${humanType(r.type)} →` : `→ ${humanType(r.type)}`}</span>
          {r.direction === 'out' ? (
            <button className="link" onClick={() => onOpen(r.other.id)}>
              {refCaption(r.other)}
            </button>
          ) : (
            <span className="faint">(this)</span>
          )}
          <CorroborationNote edgeId={r.id} />
        </div>
      ))}
      {openReader ? (
        <div
          className="quote-open"
          role="button"
          tabIndex={0}
          title="Read the quote in its article"
          data-testid="open-reader"
          onClick={openReader}
          onKeyDown={(k) => (k.key === 'Enter' || k.key === ' ') && (k.preventDefault(), openReader())}
        >
          <Quote text={g.quote} terms={allTerms} />
        </div>
      ) : (
        <Quote text={g.quote} terms={allTerms} />
      )}
      {g.sources.map((s, i) => (
        <div
          key={`${s.article.key}-${s.start ?? i}`}
          title={s.start !== null && s.end !== null ? `Characters ${s.start}–${s.end} of the article` : undefined}
        >
          <ArticleSource article={s.article} />
        </div>
      ))}
    </div>
  );
}

/** Node refs carry no properties: a claim's slug is made readable ("claim-gladkov-…" → "Claim: gladkov …"). */
function refCaption(r: { caption: string; labels: string[] }): string {
  if (r.labels.includes('Claim') && r.caption.startsWith('claim-'))
    return `claim: ${r.caption.slice(6).replace(/-/g, ' ')}`;
  return r.caption;
}
