import type { NodeRef, RelationshipDetailResponse } from '../../../shared/api';
import { useApp, useExplorer } from '../context';
import { Glyph } from '../shell/Glyph';
import { Icon } from '../shell/Icon';
import { edgeColor } from '../../render/style';
import { primaryLabel } from '../../core/graph/graph-store';
import { ArticleSource, Quote } from '../evidence/Quote';
import { humanKey, panelValue, termsFor } from '../format';
import { LongValue } from './LongValue';
import { EVIDENCE_KEYS } from './prop-order';

/** A relationship in the detail panel: its type and caption, both ends, its properties and evidence. */
export function RelationshipDetail() {
  const explorer = useExplorer();
  const rel = useApp((s) => s.relationship);
  const theme = useApp((s) => s.theme);
  if (!rel) return null;
  return (
    <div data-testid="relationship-detail" data-id={rel.id}>
      <div className="detail-head">
        <h1>
          <span
            className="swatch-line"
            style={{ background: edgeColor(rel.status === 'ok' ? rel.data.relationship.type : '', theme), width: 22 }}
          />
          <span data-testid="relationship-type">
            {rel.status === 'ok' ? rel.data.relationship.type : 'Relationship'}
          </span>
        </h1>
        {rel.status === 'ok' && rel.data.caption !== rel.data.relationship.type ? (
          <p className="role" data-testid="relationship-caption">
            {rel.data.caption}
          </p>
        ) : null}
        <div className="detail-actions">
          <button
            className="btn small ghost"
            onClick={() => explorer.closeRelationship()}
            data-testid="relationship-close"
          >
            <Icon name="close" /> Close
          </button>
        </div>
      </div>
      {rel.status === 'loading' ? (
        <div className="section" aria-busy="true">
          <div className="skeleton" style={{ width: '80%' }} />
          <div className="skeleton" style={{ width: '60%' }} />
        </div>
      ) : null}
      {rel.status === 'error' ? (
        <div className="section">
          <div className="error-box" role="alert">
            Could not load the relationship: {rel.error}
          </div>
        </div>
      ) : null}
      {rel.status === 'ok' ? <Body data={rel.data} /> : null}
    </div>
  );
}

function End({ role, node }: { role: string; node: NodeRef }) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  return (
    <>
      <span className="small muted">{role}</span>
      <button
        className="qitem row"
        onClick={() => void explorer.focusRef(node.id)}
        data-testid={`relationship-${role}`}
      >
        <Glyph label={primaryLabel(node.labels)} theme={theme} size={18} />
        <span>{node.caption}</span>
      </button>
    </>
  );
}

function Body({ data }: { data: RelationshipDetailResponse }) {
  const explorer = useExplorer();
  const props = Object.entries(data.relationship.properties).filter(([k]) => !EVIDENCE_KEYS.has(k));
  return (
    <>
      <div className="section">
        <h3>Between</h3>
        <div className="rel-ends">
          <End role="from" node={data.start} />
          <End role="to" node={data.end} />
        </div>
      </div>
      {props.length ? (
        <div className="section">
          <h3>Properties</h3>
          <dl className="props" data-testid="relationship-props">
            {props.map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{humanKey(k)}</dt>
                <dd>
                  {/* The detail's values are whole (list payloads cut them): long ones fold as on a node. */}
                  <LongValue text={panelValue(k, v)} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {data.evidence.length ? (
        <div className="section" data-testid="relationship-evidence">
          <h3>
            Evidence <span className="count">{data.evidence.length}</span>
          </h3>
          <div className="stack">
            {data.evidence.map((e, i) => {
              const terms = [...termsFor(data.start.caption, null), ...termsFor(data.end.caption, null)];
              const open =
                e.start !== null && e.end !== null
                  ? () => void explorer.openReader(e.article.key, e.start!, e.end!, data.relationship.id)
                  : null;
              return (
                <div key={i} className="evidence" data-testid="evidence-item">
                  {open ? (
                    <div
                      className="quote-open"
                      role="button"
                      tabIndex={0}
                      title="Read the quote in its article"
                      onClick={open}
                      onKeyDown={(k) => (k.key === 'Enter' || k.key === ' ') && (k.preventDefault(), open())}
                    >
                      <Quote text={e.quote} terms={terms} />
                    </div>
                  ) : (
                    <Quote text={e.quote} terms={terms} />
                  )}
                  <ArticleSource article={e.article} />
                </div>
              );
            })}
          </div>
        </div>
      ) : null}
    </>
  );
}
