import type { Claim } from '../../../shared/api';
import type { GraphNode } from '../../../shared/graph';
import { useExplorer } from '../context';
import { ArticleSource, Quote } from '../evidence/Quote';
import { formatDate, termsFor } from '../format';

/** Claims made by the entity and claims about it; contradictions side by side. */
export function Claims({ made, about, node }: { made: Claim[]; about: Claim[]; node: GraphNode }) {
  if (!made.length && !about.length) return null;
  const terms = termsFor(node.caption, node.properties.aliases);
  return (
    <>
      {made.length ? (
        <div className="section" data-testid="claims-made">
          <h3>
            Claims made <span className="count">{made.length}</span>
          </h3>
          {made.map((c) => (
            <ClaimCard key={c.id} claim={c} terms={terms} showClaimant={false} />
          ))}
        </div>
      ) : null}
      {about.length ? (
        <div className="section" data-testid="claims-about">
          <h3>
            Claims about it <span className="count">{about.length}</span>
          </h3>
          {about.map((c) => (
            <ClaimCard key={c.id} claim={c} terms={terms} showClaimant />
          ))}
        </div>
      ) : null}
    </>
  );
}

function StatusBadge({ status }: { status: string | null }) {
  if (!status) return null;
  return <span className={`status-badge status-${status}`}>{status}</span>;
}

function ClaimCard({ claim, terms, showClaimant }: { claim: Claim; terms: string[]; showClaimant: boolean }) {
  const explorer = useExplorer();
  return (
    <div className="claim" data-testid="claim">
      <div className="statement">{claim.statement ?? '(no statement)'}</div>
      <div className="meta">
        <StatusBadge status={claim.status} />
        {showClaimant && claim.claimant ? (
          <span>
            by{' '}
            <button className="link" onClick={() => void explorer.focusRef(claim.claimant!.id)}>
              {claim.claimant.caption}
            </button>
          </span>
        ) : null}
        {claim.stance ? <span>· {claim.stance}</span> : null}
        {claim.date ? <span>· {formatDate(claim.date)}</span> : null}
        {claim.about.length ? (
          <span>
            · about{' '}
            {claim.about.map((a, i) => (
              <span key={a.id}>
                {i ? ', ' : ''}
                <button className="link" onClick={() => void explorer.focusRef(a.id)}>
                  {a.caption}
                </button>
              </span>
            ))}
          </span>
        ) : null}
      </div>
      {claim.quote ? (
        <div style={{ marginTop: 6 }}>
          <Quote
            text={claim.quote}
            terms={claim.claimant ? [...terms, ...termsFor(claim.claimant.caption, [])] : terms}
          />
          <ArticleSource article={claim.article} />
        </div>
      ) : null}
      {claim.contradicts.map((other) => (
        <div className="versus" key={other.id} data-testid="contradiction">
          <div className="side">
            {claim.statement}
            <div className="who">{claim.claimant?.caption ?? 'unknown claimant'}</div>
          </div>
          <span className="vs">vs</span>
          <div className="side">
            {other.statement ?? '(no statement)'}
            <div className="who">
              {other.claimant ? (
                <button className="link" onClick={() => void explorer.focusRef(other.claimant!.id)}>
                  {other.claimant.caption}
                </button>
              ) : (
                'unknown claimant'
              )}{' '}
              <StatusBadge status={other.status} />
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
