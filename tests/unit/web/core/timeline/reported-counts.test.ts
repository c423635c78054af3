/**
 * "As reported by" on the last publication day must show every node "Happened" shows (which hides
 * nothing): on the seeded graph as loaded, and with an article added by ingest, whose new outlet
 * organization is named by the article's `outlet_id` and linked by the PUBLISHED_BY ingest writes
 * (evidence: that article), which may not be loaded with it.
 */
import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../../../src/dataset/read';
import { SeedRows } from '../../../../../src/dataset/rows';
import { SEED_DATA_DIR } from '../../../../../src/runtime/paths';
import type { GraphEdge, GraphNode } from '../../../../../src/shared/graph';
import { publicationDays, reportedBy } from '../../../../../src/web/core/timeline/time-filter';
import { neo4jIds } from '../../../../support/fixtures';

/** The seed's rows as the API sends them: element ids apart from keys, dates as ISO days. */
function seededGraph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const rows = new SeedRows(readSeed(SEED_DATA_DIR));
  const json = (v: unknown) => (v && typeof v === 'object' && 'year' in v ? String(v) : v);
  const nodes: GraphNode[] = [];
  for (const r of [...rows.articles(), ...rows.entities(), ...rows.claims()]) {
    const props = Object.fromEntries(Object.entries(r.props).map(([k, v]) => [k, json(v)]));
    nodes.push(neo4jIds.node(String(props.id), r.labels, props as Record<string, string>));
  }
  const edges = [...rows.claimLinks(), ...rows.typed(), ...rows.mentions()].map((r, i) =>
    neo4jIds.edge(String(i), r.type, r.from, r.to, r.props as Record<string, string>),
  );
  return { nodes, edges };
}

const hidden = (g: { nodes: GraphNode[]; edges: GraphEdge[] }, asOf: string) => {
  const known = reportedBy(g, asOf, publicationDays(g));
  return g.nodes.filter((n) => !known.nodes.has(n.id)).map((n) => n.key);
};

describe('"as reported by" against "happened" on the last day', () => {
  it('the seeded graph: everything is known on the last publication day (14 May 2024)', () => {
    const g = seededGraph();
    expect(Math.max(...[...publicationDays(g).values()].map((d) => Date.parse(d)))).toBe(Date.parse('2024-05-14'));
    expect(hidden(g, '2024-05-14')).toEqual([]);
  });

  it("an ingested article's new outlet is known once the article is published, not before", () => {
    const g = seededGraph();
    g.nodes.push(
      neo4jIds.node('ingested', ['Article'], {
        title: 'Drone strike',
        published: '2024-03-12',
        outlet_id: 'new-outlet',
      }),
      neo4jIds.node('new-outlet', ['Entity', 'Organization'], { name: 'New outlet', kind: 'news-outlet' }),
    );
    expect(hidden(g, '2024-05-14')).toEqual([]);
    expect(hidden(g, '2024-03-12')).not.toContain('new-outlet');
    expect(hidden(g, '2024-03-11')).toContain('new-outlet');

    // With its PUBLISHED_BY (provenance: the ingested article), the link is known from the same day.
    const pub = neo4jIds.edge('pub', 'PUBLISHED_BY', 'ingested', 'new-outlet', {
      inferred: false,
      article: 'ingested',
      evidence_articles: ['ingested'],
      sources: 1,
      outlets: 1,
    });
    g.edges.push(pub);
    const known = (asOf: string) => reportedBy(g, asOf, publicationDays(g));
    expect(hidden(g, '2024-05-14')).toEqual([]);
    expect(known('2024-03-12').edges.has(pub.id)).toBe(true);
    expect(known('2024-03-11').edges.has(pub.id)).toBe(false);
    expect(hidden(g, '2024-03-11')).toContain('new-outlet');
  });
});
