/**
 * The query drawer: a saved query with its parameter form, or the Cypher editor, and the last
 * result. Types and pure producers; running is the app's (app/query.ts).
 */
import type { QueryResult, SavedQuery, SyntaxPosition } from '../../../shared/api';
import type { UrlState } from '../history/url-state';
import type { TableSort } from './table';
import type { ResultSource } from './csv';
import type { AppState } from '../state';

/** A failed run as the drawer shows it (the API client's errors have this shape). */
export interface QueryError {
  status: number;
  code: string;
  message: string;
  details: { param?: string; neo4jCode?: string; position?: SyntaxPosition; reason?: string };
  /** The database or the server could not be reached. */
  readonly isUnavailable: boolean;
}

export interface DrawerState {
  open: boolean;
  mode: 'saved' | 'cypher';
  /** The saved query open in the form. */
  query: string | null;
  cypher: string;
  /** Form text per parameter name (saved queries) — also what the URL carries. */
  params: Record<string, string>;
  running: boolean;
  result: QueryResult | null;
  resultTitle: string | null;
  /** What ran for `result` and when (the CSV says so). */
  resultSource: ResultSource | null;
  error: QueryError | null;
  /** Add the result to the current graph instead of showing it on its own. */
  addToGraph: boolean;
  /** Draw the relationships among the result's nodes (and to the view, when added), as Neo4j Browser does. */
  connect: boolean;
  /** What connecting drew for the last result: relationships added, and whether a cap cut them. */
  connected: { added: number; cut: boolean } | null;
  /** The open query has run (deep links re-run it). */
  ran: boolean;
  /** How the result table is sorted (CSV and copy follow it); reset by a new result. */
  sort: TableSort | null;
  /** Parameters of an ad-hoc query, as JSON text per name. */
  cypherParams: Record<string, string>;
}

export const INITIAL_DRAWER: DrawerState = {
  open: false,
  mode: 'cypher',
  query: null,
  cypher: 'MATCH (p:Person)-[r]->(x)\nRETURN p, r, x\nLIMIT 50',
  params: {},
  running: false,
  result: null,
  resultTitle: null,
  resultSource: null,
  error: null,
  addToGraph: false,
  connect: true,
  connected: null,
  ran: false,
  sort: null,
  cypherParams: {},
};

/** Longest title of an ad-hoc query (its text, whitespace folded). */
const TITLE_MAX = 60;

export const patchDrawer =
  (patch: Partial<DrawerState>) =>
  (s: AppState): AppState => ({ ...s, drawer: { ...s.drawer, ...patch } });

export function savedQuery(s: AppState, name: string | null): SavedQuery | undefined {
  return name ? s.queries?.queries.find((q) => q.name === name) : undefined;
}

/**
 * The result kept when a saved query opens: its own last answer, else none, so another query's
 * table never sits beside this query's form.
 */
function resultFor(d: DrawerState, name: string): Partial<DrawerState> {
  return d.resultSource?.query === name
    ? {}
    : { result: null, resultTitle: null, resultSource: null, connected: null, sort: null };
}

export const openSavedQuery =
  (name: string) =>
  (s: AppState): AppState =>
    patchDrawer({
      open: true,
      mode: 'saved',
      query: name,
      params: {},
      error: null,
      ran: false,
      ...resultFor(s.drawer, name),
    })(s);

/** Opens the editor, with a query and its parameters (as the parameters panel's texts) when given. */
export const openCypher = (text?: string, cypherParams?: Record<string, string>) =>
  patchDrawer({
    open: true,
    mode: 'cypher',
    query: null,
    error: null,
    ran: false,
    params: {},
    ...(text !== undefined ? { cypher: text } : {}),
    ...(cypherParams ? { cypherParams } : {}),
  });

/** A deep link's query (opened; running it is the caller's). */
export const drawerFromLink =
  (url: UrlState) =>
  (s: AppState): AppState =>
    patchDrawer({
      open: true,
      mode: url.query ? 'saved' : 'cypher',
      query: url.query ?? null,
      cypher: url.cypher ?? s.drawer.cypher,
      params: url.params,
    })(s);

/** Back/forward: the drawer as the entry's URL has it. An ad-hoc query too long for a URL is never in it: that drawer stays. */
export const drawerFromUrl =
  (url: UrlState, maxCypherInUrl: number) =>
  (s: AppState): AppState => {
    const d = s.drawer;
    if (url.query)
      return patchDrawer({
        open: true,
        mode: 'saved',
        query: url.query,
        params: url.params,
        ran: url.run,
        error: null,
        ...resultFor(d, url.query),
      })(s);
    if (url.cypher)
      return patchDrawer({
        open: true,
        mode: 'cypher',
        query: null,
        cypher: url.cypher,
        params: {},
        ran: url.run,
        error: null,
      })(s);
    if (d.open && !(d.mode === 'cypher' && d.cypher.length > maxCypherInUrl))
      return patchDrawer({ open: false, ran: false })(s);
    return s;
  };

/** An ad-hoc query's title: its text on one line, cut at TITLE_MAX characters. */
export function cypherTitle(query: string): string {
  return query.length > TITLE_MAX
    ? `${query.slice(0, TITLE_MAX - 3).replace(/\s+/g, ' ')}…`
    : query.replace(/\s+/g, ' ');
}
