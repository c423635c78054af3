/**
 * Start-up: the schema, the saved queries, the overview and the timeline, then the deep link of
 * the page (query, expansions in order, path, focus); again when the connection comes back after
 * a failed start, or when the analyst types the server's access token.
 */
import type { SessionResponse } from '../../shared/api';
import type { GraphPayload } from '../../shared/graph';
import { describeError, setAccessToken } from '../api/client';
import { ApiError } from '../api/errors';
import { setExpandLimit } from '../core/expansion/actions';
import { replaceWith } from '../core/graph/graph-store';
import { graphOf, startOrCommitGraph } from '../core/history/actions';
import { decodeRecipe } from '../core/history/recipe';
import { parseUrlState, type UrlState } from '../core/history/url-state';
import { showPath } from '../core/paths/actions';
import { tokenNeeded } from '../core/shell/actions';
import { drawerFromLink } from '../core/query/actions';
import type { Explorer } from './explorer';
import { replayRecipe } from './link';
import { findPathsLinked, LinkMerges, noteMerged, offerSurvivor } from './merged';

export class StartupController {
  /** A token was typed in this page (a refusal now means that token was wrong). */
  triedToken = false;

  constructor(private readonly app: Explorer) {}

  /** Loads schema, saved queries, the overview and the timeline, then replays the deep link, if any. */
  async start(search: string = location.search): Promise<void> {
    const { app } = this;
    app.connection.start(); // (re)arms the background check; idempotent
    app.url.install();
    // Who is signed in, asked first and once: a server with accounts (or a token) and nobody signed
    // in answers every other route 401, so the sign-in form shows without calling them; the top
    // bar's controls (add article, admin) depend on it too.
    const session = await this.loadSession();
    if (session && session.mode !== 'local' && !session.user) {
      app.store.set(tokenNeeded(this.triedToken));
      app.store.set({ loading: false });
      return;
    }
    void app.timeline.load();
    const url = parseUrlState(search);
    try {
      await app.url.replay(async () => {
        // The perspective first: captions, colours and views of what is drawn next depend on it.
        const [schema, queries] = await Promise.allSettled([
          app.api.schema(),
          app.api.queries(),
          app.perspective.load().catch(() => {}),
        ]);
        if (schema.status === 'fulfilled') app.store.set({ schema: schema.value });
        if (queries.status === 'fulfilled') app.store.set({ queries: queries.value });
        // An address with a view rebuilds it on the overview; without one, the user's chosen start.
        const named = !!(
          url.view ||
          url.savedView ||
          url.badView ||
          url.query ||
          url.cypher ||
          url.expand.length ||
          url.paths
        );
        if (named || url.focus || app.shell.startMode() === 'overview') await this.loadOverview(true);
        else app.shell.setStatus('info', 'An empty scene: search for a name to start from it and expand outwards.');
        await this.restore(url);
      });
    } catch (e) {
      app.shell.setStatus('error', describeError(e));
    } finally {
      app.store.set({ loading: false });
    }
  }

  /** Asks the server who this browser is signed in as (null when it cannot say). */
  private async loadSession(): Promise<SessionResponse | null> {
    try {
      const session = await this.app.api.session();
      this.app.store.set({ session });
      return session;
    } catch {
      this.app.store.set({ session: null });
      return null;
    }
  }

  /** The connection is back: whatever the first load could not get, get now. */
  async recovered(): Promise<void> {
    const { app } = this;
    if (!app.state.perspective.saved) await app.perspective.load().catch(() => {});
    if (!app.state.schema) {
      try {
        app.store.set({ schema: await app.api.schema() });
      } catch {
        /* the monitor will report */
      }
    }
    if (!app.state.queries) {
      try {
        app.store.set({ queries: await app.api.queries() });
      } catch {
        /* idem */
      }
    }
    if (graphOf(app.state).nodes.size === 0 && app.shell.startMode() === 'overview')
      await this.loadOverview(true).catch(() => {});
  }

  /** The analyst typed the server's access token: keep it for this tab and load everything again. */
  async useAccessToken(t: string): Promise<void> {
    setAccessToken(t);
    this.triedToken = true;
    this.app.store.set({ needsToken: false, loading: true });
    await this.start(location.search);
  }

  /** Signs in to a server with accounts, then loads everything again. Throws the server's refusal (wrong password, throttled). */
  async signIn(name: string, password: string): Promise<void> {
    await this.app.api.login(name, password);
    this.app.store.set({ needsToken: false, tokenRejected: false, loading: true });
    await this.start(location.search);
  }

  /** The best-connected part of the graph (all of it when small), as a fresh start or a step. */
  async loadOverview(initial = false): Promise<void> {
    const { app } = this;
    app.shell.setStatus('busy', 'Loading the graph…');
    try {
      const res = await app.api.overview();
      const payload: GraphPayload = { nodes: res.nodes, edges: res.edges };
      const title = res.mode === 'whole' ? 'Overview' : `Overview (a sample of ${res.nodes.length} across labels)`;
      const next = replaceWith(graphOf(app.state), payload, {
        kind: 'overview',
        title,
        source: { kind: 'overview' },
      });
      app.store.set((s) => showPath(null)(startOrCommitGraph(next, title, initial)(s)));
      app.shell.setStatus(
        'info',
        res.truncated
          ? `Showing ${res.nodes.length} of ${res.totals.nodes} nodes: the best-connected of each label. Search or expand to see more.`
          : `${res.nodes.length} nodes, ${res.edges.length} relationships.`,
      );
      app.render.runLayout(true);
    } catch (e) {
      app.shell.setStatus('error', `Could not load the graph. ${describeError(e)}`);
      throw e;
    }
  }

  /**
   * Replays a deep link: its view recipe when it has one (every layer, hidden nodes, pins,
   * timeline, view), else query, expansions (in order), path; then the focus.
   */
  async restore(url: UrlState): Promise<void> {
    const { app } = this;
    if (url.hiddenLabels.length) app.store.set({ hiddenLabels: new Set(url.hiddenLabels) });
    // Before the replay: expansions the link names without a recipe use the link's page size.
    if (url.expandLimit !== undefined) app.store.set(setExpandLimit(url.expandLimit));
    const encoded = url.view ?? (url.savedView ? await this.savedRecipe(url.savedView) : undefined);
    const recipe = encoded ? decodeRecipe(encoded) : null;
    if (encoded && !recipe) app.shell.setStatus('error', 'This link’s view could not be read; showing what it names.');
    if (url.query || url.cypher) {
      app.store.set(drawerFromLink(url));
      if (url.run && !recipe) await app.query.run();
    }
    // Nodes the link names that were merged away since are drawn as their survivors.
    const merges = new LinkMerges();
    if (recipe) await replayRecipe(app, recipe, merges);
    else {
      for (const ref of url.expand) await this.expandLinked(ref, merges);
      if (url.paths) {
        const known = merges.merged.length;
        await findPathsLinked(app, merges, { from: merges.ref(url.paths[0]), to: merges.ref(url.paths[1]) });
        if (merges.merged.length > known) noteMerged(app, merges);
      }
    }
    // Said after the replay (a query's own message would replace it), before the focus's.
    if (url.badView)
      app.shell.setStatus(
        'error',
        `This link’s saved view “${url.badView}” was not found: that is not a saved view’s id.`,
      );
    // A focus on a node the view's steps found merged is its survivor; a link that only focuses a
    // merged node says so and offers the survivor (selection.ts), as the analyst asked for that node.
    if (url.focus) await app.selection.focusFromLink(merges.ref(url.focus), false, 'This link’s node');
    await app.views.fromUrl(url, false);
    // A link that names a view (its recipe, or a focus) shows all of it; a plain query link keeps the usual camera.
    if (recipe || url.focus) app.render.frameView();
  }

  /** An expansion a link without a view names; one of a node merged since is its survivor's. */
  private async expandLinked(ref: string, merges: LinkMerges): Promise<void> {
    const { app } = this;
    const known = merges.merged.length;
    try {
      await merges.on(ref, (r) => app.expansion.expand(r, { passMerged: true }));
    } catch (e) {
      // Only a chain of merges too long or coming back on itself gets here (expand says any other error).
      if (!offerSurvivor(app, e)) throw e;
    }
    if (merges.merged.length > known) noteMerged(app, merges);
  }

  /** The recipe a link's saved view id names (undefined, with the reason on screen, when it cannot be read). */
  private async savedRecipe(id: string): Promise<string | undefined> {
    try {
      return (await this.app.api.view(id)).recipe;
    } catch (e) {
      const why = e instanceof ApiError && e.status === 404 ? 'was not found' : 'could not be opened';
      this.app.shell.setStatus('error', `This link’s saved view “${id}” ${why}: ${describeError(e)}`);
      return undefined;
    }
  }
}
