import { useRef } from 'react';
import type { BoardClaim, BoardEvent, SideGroup } from '../../../shared/api';
import { CLAIMS_MAX } from '../../../shared/api/claims-caps';
import { Icon } from '../shell/Icon';
import { formatCitation } from '../citation';
import { formatDate } from '../format';
import { useApp, useExplorer } from '../context';
import { useBoardScroll } from './useBoardScroll';
import { editedLine } from '../detail/prop-order';
import { EditClaimStatus } from './EditClaimStatus';

/** Narrowest a side's column gets (px) before it moves to the next row. */
const MIN_SIDE = 200;
const STATUS_LABEL: Record<string, string> = {
  contested: 'contested',
  unanswered: 'unanswered',
  acknowledged: 'acknowledged',
  uncontested: 'uncontested',
};

function formatClaimDate(d: string | null): string {
  if (!d) return 'date not given';
  if (!d.includes('/')) return formatDate(d);
  const [a, b] = d.split('/');
  if (a && b) return `${formatDate(a)} – ${formatDate(b)}`;
  return a ? `from ${formatDate(a)}` : `by ${formatDate(b!)}`;
}

/**
 * The contested-claims board: one card per event with claims, its claims in columns by the
 * claimant's side (derived from the graph's affiliations, said on hover), contradictions linked,
 * quotes opening the evidence reader, names opening the graph.
 */
export function ClaimsBoard() {
  const explorer = useExplorer();
  const claims = useApp((s) => s.claims.data);
  const loading = useApp((s) => s.claims.loading);
  const error = useApp((s) => s.claims.error);
  const contestedOnly = useApp((s) => s.claims.contestedOnly);
  const asOf = useApp((s) => s.claims.asOf);
  const events = (claims?.events ?? []).filter((e) => !contestedOnly || e.contested);
  const board = useRef<HTMLDivElement>(null);
  const scroll = useBoardScroll(
    board,
    `${contestedOnly}|${events.map((e) => e.event.id).join(' ')}`,
    events.length > 0,
  );
  return (
    <div className="claims-board" data-testid="claims-board" ref={board} {...scroll}>
      <div className="cb-head">
        <div className="grow">
          <h2>Claims, side by side</h2>
          <div className="muted small" data-testid="claims-summary">
            {claims
              ? `${contestedOnly ? `${events.length} of ${claims.events.length} events (only contested)` : `${claims.events.length} events with claims`}${claims.truncated ? ` (from the first ${CLAIMS_MAX.toLocaleString('en')} claims only: there are more)` : ''} · sides from the claimants' affiliations in the graph; “by country” marks a side taken only from where an organization is based`
              : ''}
            {asOf ? ` · as reported by ${formatDate(asOf)}` : ''}
          </div>
        </div>
        <label className="tl-check">
          <input
            type="checkbox"
            checked={contestedOnly}
            onChange={(e) => explorer.setContestedOnly(e.target.checked)}
            data-testid="contested-only"
          />{' '}
          Only contested events
        </label>
        <button
          className="btn small"
          onClick={() => void explorer.setMode(explorer.state.view.canvasMode)}
          data-testid="claims-close"
        >
          <Icon name="close" size={13} /> Back to the {explorer.state.view.canvasMode === 'map' ? 'map' : 'graph'}
        </button>
      </div>
      {error ? <div className="cb-empty error">The claims could not be loaded: {error}</div> : null}
      {loading && !claims ? <div className="cb-empty">Loading the claims…</div> : null}
      {claims?.unavailable ? (
        <div className="cb-empty" data-testid="claims-unavailable">
          {claims.unavailable}
        </div>
      ) : claims && events.length === 0 ? (
        <div className="cb-empty">
          No {contestedOnly ? 'contested ' : ''}claims{asOf ? ' reported by then' : ''}.
        </div>
      ) : null}
      <div className="cb-cards">
        {events.map((e) => (
          <EventCard key={e.event.id} card={e} />
        ))}
      </div>
    </div>
  );
}

function EventCard({ card }: { card: BoardEvent }) {
  const explorer = useExplorer();
  const byId = new Map(card.groups.flatMap((g) => g.claims.map((c) => [c.id, c] as const)));
  const when = card.start
    ? card.start === card.end || !card.end
      ? formatDate(card.start)
      : `${formatDate(card.start)} – ${formatDate(card.end)}`
    : 'undated';
  return (
    <section
      className={`cb-card${card.contested ? ' contested' : ''}`}
      data-testid="claims-card"
      data-key={card.event.key ?? card.event.id}
    >
      <header>
        {card.contested ? (
          <span className="cb-badge" title="Claims about this event contradict each other">
            contested
          </span>
        ) : null}
        <button className="link cb-event" onClick={() => void explorer.openEntity(card.event.key ?? card.event.id)}>
          {card.event.caption}
        </button>
        <span className="muted small">{when}</span>
        <span className="grow" />
        <span className="muted small">
          {card.counts.total} claim{card.counts.total === 1 ? '' : 's'}
          {card.counts.contested ? ` · ${card.counts.contested} contested` : ''}
        </span>
      </header>
      <div
        className="cb-sides"
        // One column per side, up to three, each at least MIN_SIDE wide: in a narrow graph area the
        // sides that do not fit go to the next row instead of squeezing every claim to a word a line
        // (the 1px keeps rounding from dropping a column that fits).
        style={{
          gridTemplateColumns: `repeat(auto-fit, minmax(max(${MIN_SIDE}px, calc(100% / ${Math.min(card.groups.length, 3)} - 1px)), 1fr))`,
        }}
      >
        {card.groups.map((g) => (
          <SideColumn key={g.side?.id ?? 'none'} group={g} byId={byId} event={card.event.id} />
        ))}
      </div>
    </section>
  );
}

function SideColumn({ group, byId, event }: { group: SideGroup; byId: Map<string, BoardClaim>; event: string }) {
  const via = group.claims.find((c) => c.claimant?.sideVia.length)?.claimant?.sideVia;
  return (
    <div className="cb-side" data-testid="claims-side" data-side={group.side?.key ?? 'unaffiliated'}>
      <h3
        title={
          via
            ? `Side found through: ${via.join(' → ')}`
            : 'No side known: no affiliation path to a country or declared side in the graph'
        }
      >
        {group.side ? group.side.name : 'No side known'}
      </h3>
      {group.claims.map((c) => (
        <ClaimItem key={c.id} claim={c} byId={byId} event={event} />
      ))}
    </div>
  );
}

/** One claim on `event`'s card (its element id: the articles its claims cite are what Edit status offers). */
function ClaimItem({ claim, byId, event }: { claim: BoardClaim; byId: Map<string, BoardClaim>; event: string }) {
  const explorer = useExplorer();
  const status = claim.statusAsOf ?? claim.status ?? 'unknown';
  const against = claim.contradicts.map((id) => byId.get(id)).filter((c): c is BoardClaim => !!c);
  const ev = claim.evidence;
  return (
    <article className={`cb-claim ${status}`} data-testid="claim" data-key={claim.key ?? claim.id}>
      <div className="cb-claim-top">
        <span className={`cb-status ${status}`}>{STATUS_LABEL[status] ?? status}</span>
        {claim.claimant ? (
          <button
            className="link cb-claimant"
            onClick={() => void explorer.openEntity(claim.claimant!.key ?? claim.claimant!.id)}
            title={claim.claimant.sideVia.join(' → ')}
          >
            {claim.claimant.caption}
          </button>
        ) : (
          <span className="muted">unknown claimant</span>
        )}
        {claim.claimant?.sideBasis === 'country' ? (
          <span
            className="muted small"
            data-testid="side-by-country"
            title={`Side taken from where the organization is based (${claim.claimant.sideVia.join(' → ')}), not from a stated allegiance`}
          >
            by country
          </span>
        ) : null}
        <span className="grow" />
        <span className="muted small">{formatClaimDate(claim.date)}</span>
      </div>
      {claim.edit?.by ? (
        <div className="muted small" data-testid="claim-status-edited" title={`Version ${claim.edit.version}`}>
          Status {editedLine({ edited_by: claim.edit.by, edited_at: claim.edit.at })?.replace(/^Edited/, 'set')}
        </div>
      ) : null}
      <p className="cb-statement">{claim.statement ?? claim.key}</p>
      {ev ? (
        <button
          className="cb-quote"
          disabled={ev.start === null || ev.end === null}
          onClick={() =>
            ev.start !== null && ev.end !== null && void explorer.openReader(ev.article.key, ev.start, ev.end, claim.id)
          }
          title="Read the quote in its article"
          data-testid="claim-quote"
        >
          “{ev.quote}”
          <span className="cb-source">
            {formatCitation({ ...ev.article, title: ev.article.title ?? ev.article.key })}
          </span>
        </button>
      ) : null}
      {claim.edit ? (
        <div className="cb-claim-edit">
          <EditClaimStatus
            id={claim.id}
            caption={`${claim.claimant?.caption ?? 'Unknown claimant'}: ${claim.statement ?? claim.key ?? ''}`}
            status={claim.status}
            version={claim.edit.version}
            events={[event]}
          />
        </div>
      ) : null}
      {against.length ? (
        <div className="cb-against" data-testid="claim-contradicts">
          ⇄ contradicts{' '}
          {[...new Set(against.map((o) => o.claimant?.caption ?? 'another claim'))].map((name, i) => (
            <span key={name}>
              {i ? ', ' : ''}
              <b>{name}</b>
            </span>
          ))}
        </div>
      ) : null}
    </article>
  );
}
