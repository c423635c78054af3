import { useMemo } from 'react';
import type { NodeDetailResponse } from '../../../shared/api';
import type { GraphNode } from '../../../shared/graph';
import { useApp, useExplorer } from '../context';
import { Glyph, LabelBadge } from '../shell/Glyph';
import { Icon } from '../shell/Icon';
import { displayCaption, expansionOf, primaryLabel } from '../../core/graph/graph-store';
import { Claims } from '../claims/EntityClaims';
import { expansionLimit, remainingMore } from '../../core/expansion/more';
import { EvidenceList } from '../evidence/EvidenceList';
import { ReportedValues } from './ReportedValues';
import { humanKey, humanType, panelValue } from '../format';
import { formatOutlet } from '../citation';
import { LongValue } from './LongValue';
import { editedLine, evidenceKeysOf, orderedProperties } from './prop-order';
import { RelationshipDetail } from './RelationshipDetail';
import { Relationships } from './Relationships';
import { EditEntity } from './EditEntity';
import { MergeEntity } from './MergeEntity';
import { EditClaimStatusOfNode } from '../claims/EditClaimStatus';
import { FindPathsTo } from './FindPathsTo';
import { expandAction } from './expand-action';

/** Properties shown elsewhere in the panel (header, description, aliases) or internal. */
const SHOWN_ELSEWHERE = new Set(['name', 'title', 'id', 'description', 'aliases', 'role', 'dataset']);

export function DetailPanel() {
  const focus = useApp((s) => s.focus);
  const detail = useApp((s) => s.detail);
  const node = useApp((s) => (s.focus ? s.history.present.state.nodes.get(s.focus) : undefined));
  const selection = useApp((s) => s.selection);
  const relationship = useApp((s) => s.relationship);
  if (relationship && !focus) return <RelationshipDetail />;
  if (!focus || !node) {
    return (
      <div className="detail-empty" data-testid="detail-empty">
        <StartHere />
        <h2>Nothing selected</h2>
        <p>Click a node to see who or what it is, its relationships and the quotes that support them.</p>
        <p>
          Double-click to expand it; drag to pin it; right-click for more. Shift+click a second node to find the paths
          between them. Hover over a relationship to see its properties; click it to open it here.
        </p>
        <p>
          By keyboard: search (<span className="kbd">/</span>) and press Enter to select; with one selected,{' '}
          <span className="kbd">Shift</span>+<span className="kbd">Enter</span> on a second result adds it, for paths.
          Tab reaches the graph: <span className="kbd">Shift</span>+<span className="kbd">F10</span> opens the selected
          node&rsquo;s menu, <span className="kbd">+</span>/<span className="kbd">−</span> zoom,{' '}
          <span className="kbd">0</span> fits.
        </p>
        {selection.length === 2 ? <p>Two nodes selected: use “Find paths” at the bottom of the graph.</p> : null}
      </div>
    );
  }
  return (
    <div data-testid="detail">
      <Header node={node} data={detail?.status === 'ok' && detail.id === focus ? detail.data : null} />
      {detail?.status === 'loading' ? (
        <div className="section" aria-busy="true">
          <div className="skeleton" style={{ width: '80%' }} />
          <div className="skeleton" style={{ width: '60%' }} />
          <div className="skeleton" style={{ width: '70%' }} />
        </div>
      ) : null}
      {detail?.status === 'error' ? (
        <div className="section">
          <div className="error-box" role="alert">
            Could not load the details: {detail.error}
          </div>
        </div>
      ) : null}
      {detail?.status === 'ok' && detail.id === focus ? <Body data={detail.data} /> : null}
    </div>
  );
}

/** The best-connected people, places and organizations in view: a place to start reading. */
function StartHere() {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  const graph = useApp((s) => s.history.present.state);
  const top = useMemo(() => {
    const degree = new Map<string, number>();
    for (const e of graph.edges.values()) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    return [...graph.nodes.values()]
      .filter((n) => !graph.hidden.has(n.id) && !['Claim', 'Article'].includes(primaryLabel(n.labels)))
      .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0))
      .slice(0, 8);
  }, [graph]);
  if (!top.length) return null;
  return (
    <div style={{ marginBottom: 22 }}>
      <h2>Start with</h2>
      <div className="stack" style={{ gap: 4 }}>
        {top.map((n) => (
          <button
            key={n.id}
            className="qitem row"
            onClick={() => void explorer.focusRef(n.id)}
            data-testid="start-here"
          >
            <Glyph label={primaryLabel(n.labels)} theme={theme} size={18} />
            <span>{displayCaption(n)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

function Header({ node, data }: { node: GraphNode; data: NodeDetailResponse | null }) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  const graph = useApp((s) => s.history.present.state);
  const selection = useApp((s) => s.selection);
  const expansion = expansionOf(graph, node.id);
  const more = remainingMore(graph, expansion);
  const pinned = graph.pinned.has(node.id);
  const p = data?.node.properties ?? node.properties;
  const role = typeof p.role === 'string' ? p.role : null;
  const labels = node.labels.filter((l) => l !== 'Entity');
  const action = expandAction(graph, node.id, data?.degree.total);
  return (
    <div className="detail-head">
      <h1>
        <Glyph label={primaryLabel(node.labels)} theme={theme} size={26} />
        <span className="detail-title" data-testid="detail-name" title={displayCaption(node)}>
          {displayCaption(node)}
        </span>
      </h1>
      <div className="row wrap" style={{ marginTop: 6 }}>
        {labels.map((l) => (
          <LabelBadge key={l} label={l} theme={theme} />
        ))}
        {node.key ? <span className="key mono">{node.key}</span> : null}
      </div>
      {role ? (
        <p className="role" data-testid="detail-role">
          {role}
        </p>
      ) : null}
      <div className="detail-actions">
        <button
          className={action.primary ? 'btn primary small' : 'btn small'}
          onClick={() => void explorer.expand(node.id)}
          data-testid="expand"
          title={action.title}
        >
          <Icon name="expand" /> {action.label}
          {action.count ? <span style={{ opacity: 0.8 }}>{action.count}</span> : null}
        </button>
        {expansion ? (
          <button
            className="btn small"
            onClick={() => explorer.collapse(node.id)}
            data-testid="collapse"
            title="Remove the neighbours this expansion added"
          >
            <Icon name="collapse" /> Collapse
          </button>
        ) : null}
        <button className="btn small" onClick={() => explorer.hide([node.id])} data-testid="hide">
          <Icon name="hide" /> Hide
        </button>
        <button
          className="btn small"
          onClick={() => explorer.setPinned(node.id, !pinned)}
          data-testid="pin"
          title={pinned ? 'Let the layout move it again' : 'Keep it where it is (or drag it)'}
        >
          <Icon name="pin" /> {pinned ? 'Unpin' : 'Pin'}
        </button>
        <button
          className="btn small ghost"
          onClick={() => explorer.sigmaController?.camera.focusNode(node.id)}
          title="Centre the view on it"
        >
          <Icon name="focus" /> Centre
        </button>
        <EditEntity node={data?.node ?? node} />
        <MergeEntity node={data?.node ?? node} />
        <EditClaimStatusOfNode node={data?.node ?? node} events={data?.claim?.about.map((e) => e.id) ?? []} />
      </div>
      <FindPathsTo caption={displayCaption(node)} paired={selection.length === 2} />
      {Object.keys(more).length ? (
        <div style={{ marginTop: 10 }} data-testid="more">
          <div className="small muted" style={{ marginBottom: 4 }}>
            Not shown yet (expansion capped at {expansionLimit(expansion) ?? explorer.state.expandLimit}):
          </div>
          <div className="more-list">
            {Object.entries(more)
              .sort((a, b) => b[1] - a[1])
              .map(([type, n]) => (
                <button
                  key={type}
                  className="more-btn"
                  onClick={() => void explorer.expandMore(node.id, type)}
                  data-testid={`more-${type}`}
                  title={`Load the next ${explorer.state.expandLimit}`}
                >
                  +{n} more {humanType(type)}
                </button>
              ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Body({ data }: { data: NodeDetailResponse }) {
  const p = data.node.properties;
  const description = typeof p.description === 'string' ? p.description : null;
  const aliases = Array.isArray(p.aliases)
    ? p.aliases.filter((a): a is string => typeof a === 'string' && a !== data.node.caption)
    : [];
  // A claim's provenance is read in the Evidence section below (quote, article, place in it).
  const props = orderedProperties(p, new Set([...SHOWN_ELSEWHERE, ...evidenceKeysOf(p)]));
  const edited = editedLine(p);
  return (
    <>
      {description || aliases.length ? (
        <div className="section stack">
          {description ? (
            <p className="description" data-testid="detail-description">
              <LongValue text={description} />
            </p>
          ) : null}
          {aliases.length ? (
            <div>
              <h3>Also called</h3>
              <div className="aliases">
                {aliases.map((a) => (
                  <span className="alias" key={a}>
                    {a}
                  </span>
                ))}
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {props.length ? (
        <div className="section">
          <h3>Properties</h3>
          <dl className="props">
            {props.map(([k, v]) => (
              <Prop key={k} k={k} v={v} />
            ))}
          </dl>
        </div>
      ) : null}
      {edited ? (
        <p className="section small muted" data-testid="detail-edited" title={`Version ${String(p.version ?? '')}`}>
          {edited}
        </p>
      ) : null}
      <ReportedValues data={data} />
      <Relationships data={data} />
      <EvidenceList data={data} />
      <Claims made={data.claimsMade} about={data.claimsAbout} node={data.node} />
      <Mentions data={data} />
    </>
  );
}

function Prop({ k, v }: { k: string; v: unknown }) {
  return (
    <>
      <dt>{humanKey(k)}</dt>
      <dd>
        <LongValue text={panelValue(k, v)} />
      </dd>
    </>
  );
}

function Mentions({ data }: { data: NodeDetailResponse }) {
  const explorer = useExplorer();
  if (!data.mentions.length) return null;
  return (
    <div className="section">
      <h3>
        Mentioned in <span className="count">{data.mentions.length}</span>
      </h3>
      <div className="stack" style={{ gap: 4 }}>
        {data.mentions.map((m, i) => (
          <div key={m.article.key + i} className="small">
            {m.article.id ? (
              <button className="link" onClick={() => void explorer.focusRef(m.article.id!)}>
                {m.article.title ?? m.article.key}
              </button>
            ) : (
              (m.article.title ?? m.article.key)
            )}
            <span className="muted">
              {formatOutlet(m.article) ? ` · ${formatOutlet(m.article)}` : ''}
              {m.count ? ` · ${m.count}×` : ''}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
