/**
 * The browser's address bar and back/forward buttons over the exploration (decisions in
 * core/history/browser-history.ts). The URL is written once per burst of store updates, and one
 * user action makes at most one history entry; popstate shows the entry's view again — the exact
 * graph when this page load still holds that step, else rebuilt from the URL like a deep link.
 */
import { describeError } from '../api/client';
import { expandLimitFromUrl } from '../core/expansion/actions';
import { findNode } from '../core/graph/graph-store';
import { graphOf, showEntry } from '../core/history/actions';
import { decideUrlWrite, makeMark, readMark, urlWriteState, type UrlWriteState } from '../core/history/browser-history';
import { keepBoardScroll } from '../core/history/board-scroll';
import { goTo } from '../core/history/history';
import { urlStateOf } from '../core/history/url';
import { MAX_CYPHER_IN_URL, parseUrlState, type UrlState } from '../core/history/url-state';
import { showPath } from '../core/paths/actions';
import { drawerFromUrl, patchDrawer } from '../core/query/actions';
import { closeContextMenu } from '../core/shell/actions';
import type { Explorer } from './explorer';

export class UrlController {
  /** This page load's id in the marks of our browser history entries (see browser-history.ts). */
  private readonly session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  private lastWrite: UrlWriteState | null = null;
  private scheduled = false;
  /** The next URL write replaces the browser's entry (undo/redo buttons). */
  private forceReplace = false;
  /** User actions under way (an expansion is a request, then a commit, then maybe a selection). */
  private actionDepth = 0;
  /** The current action already pushed its browser entry: its later writes replace it. */
  private actionPushed = false;
  /** Deep links and back/forward being replayed: no URL is written meanwhile. */
  private replays = 0;
  private popstateInstalled = false;
  /** Recipes too long for a link that the server stored: encoded recipe → id. */
  private readonly savedViews = new Map<string, string>();
  /** The long recipe being saved now, and the last one that could not be (not tried again). */
  private savingView: string | null = null;
  private failedView: string | null = null;
  private navigation: Promise<void> = Promise.resolve();

  constructor(private readonly app: Explorer) {}

  /** A deep link or a back/forward step is being replayed. */
  get replaying(): boolean {
    return this.replays > 0;
  }

  /**
   * Signed out (or without the server's token) nothing could load: the address is the link the
   * reader opened, kept as it is so that signing in rebuilds its view.
   */
  private get blocked(): boolean {
    return this.app.state.needsToken;
  }

  /** Runs `fn` as a replay: the URL is left alone until it is through. */
  async replay<T>(fn: () => Promise<T>): Promise<T> {
    this.replays++;
    try {
      return await fn();
    } finally {
      this.replays--;
    }
  }

  /**
   * Runs one user action so that it makes at most one browser history entry, however many store
   * updates it makes (openNode: add the node, expand it, select it = one "back").
   */
  async action<T>(fn: () => Promise<T>): Promise<T> {
    if (this.actionDepth++ === 0) this.actionPushed = false;
    try {
      return await fn();
    } finally {
      if (--this.actionDepth === 0 && this.scheduled) this.write();
    }
  }

  /** The next write replaces the current entry instead of adding one (undo and redo). */
  replaceNext(): void {
    this.forceReplace = true;
  }

  /** Store listener: the URL is written once per burst of synchronous updates (a microtask later). */
  sync(): void {
    if (this.replays > 0 || this.app.state.loading || this.blocked || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      if (this.scheduled) this.write();
    });
  }

  /** pushState for a step, replaceState for anything else (browser-history.ts decides). */
  private write(): void {
    this.scheduled = false;
    if (this.replays > 0 || this.app.state.loading || this.blocked) return;
    const seq = this.app.state.history.present.seq;
    const url = urlStateOf(this.app.state, this.savedViews);
    if (url.longView) this.saveView(url.longView);
    const next = urlWriteState(url, seq);
    const mode = this.forceReplace || (this.actionDepth > 0 && this.actionPushed) ? 'replace' : 'auto';
    this.forceReplace = false;
    const w = decideUrlWrite(this.lastWrite, next, mode);
    this.lastWrite = next;
    if (w === 'none') return;
    const href = `${location.pathname}${next.qs}${location.hash}`;
    if (w === 'push') {
      window.history.pushState(makeMark(this.session, seq), '', href);
      if (this.actionDepth > 0) this.actionPushed = true;
    } else {
      // The same entry: where its claims board was scrolled stays with it.
      window.history.replaceState(keepBoardScroll(makeMark(this.session, seq), window.history.state), '', href);
    }
  }

  /**
   * A view too long for a link: stored on the server, then the current entry's URL carries its
   * id (replaced, no new step). When it cannot be stored the user is told what the link lacks.
   */
  private saveView(recipe: string): void {
    if (this.savingView === recipe || this.failedView === recipe) return;
    this.savingView = recipe;
    this.app.api
      .saveView(recipe)
      .then(({ id }) => {
        this.savedViews.set(recipe, id);
        this.replaceNext();
        this.sync();
      })
      .catch((e: unknown) => {
        this.failedView = recipe;
        this.app.shell.setStatus(
          'error',
          `This view is too large for a link and could not be saved (${describeError(e)}): the address only reopens its expansions and focus.`,
        );
      })
      .finally(() => {
        if (this.savingView === recipe) this.savingView = null;
      });
  }

  /** Listens to back/forward (once). */
  install(): void {
    if (this.popstateInstalled || typeof window === 'undefined') return;
    this.popstateInstalled = true;
    window.addEventListener('popstate', (e) => {
      const search = location.search;
      const mark = e.state as unknown;
      // Counted at once: URL writes (and the tests' idle check) wait for the whole replay.
      this.replays++;
      this.navigation = this.navigation
        .then(() => this.navigate(search, mark))
        .catch((err: unknown) =>
          this.app.shell.setStatus('error', `Could not go back to that view: ${describeError(err)}`),
        )
        .finally(() => {
          this.replays--;
          if (this.replays === 0 && !this.app.state.loading) this.settle();
        });
    });
  }

  /**
   * The browser went back/forward to one of our entries: show that view. When the entry points at
   * an exploration step we still hold, that exact graph comes back with no request; else the view
   * is rebuilt from the URL, as a deep link is.
   */
  private async navigate(search: string, mark: unknown): Promise<void> {
    const { app } = this;
    const url = parseUrlState(search);
    const seq = readMark(mark, this.session);
    const target = seq === null ? null : goTo(app.state.history, seq);
    const hl = app.state.hiddenLabels;
    const sameLabels = hl.size === url.hiddenLabels.length && url.hiddenLabels.every((l) => hl.has(l));
    app.store.set((s) => closeContextMenu()(sameLabels ? s : { ...s, hiddenLabels: new Set(url.hiddenLabels) }));
    app.store.set(drawerFromUrl(url, MAX_CYPHER_IN_URL));
    app.store.set(expandLimitFromUrl(url));
    if (target) {
      app.store.set(showEntry(target));
      this.pathFromUrl(url);
      if (url.focus) {
        const node = findNode(graphOf(app.state), url.focus);
        const sel = app.state.selection;
        if (node && !(sel.length === 1 && sel[0] === node.id)) app.selection.select(node.id);
        else if (!node) await app.selection.focusFromLink(url.focus, true, 'This link’s node');
      } else if (app.state.selection.length || app.state.missingFocus) {
        app.selection.select(null);
      }
      await app.views.fromUrl(url, true);
      return;
    }
    app.selection.select(null);
    app.store.set(showPath(null));
    if (url.run) app.store.set(patchDrawer({ ran: false }));
    await app.startup.loadOverview(false);
    await app.startup.restore(url);
    if (!url.mode) await app.views.fromUrl(url, true);
  }

  /** The path of the entry, drawn again when this page load found it and its nodes are shown. */
  private pathFromUrl(url: UrlState): void {
    const g = graphOf(this.app.state);
    const from = url.paths ? findNode(g, url.paths[0]) : undefined;
    const to = url.paths ? findNode(g, url.paths[1]) : undefined;
    const view = from && to ? this.app.paths.found(from.id, to.id) : undefined;
    const ok = !!view && [...view.nodes].every((id) => g.nodes.has(id));
    this.app.store.set(showPath(ok ? view! : null));
  }

  /** After a popstate: the current entry gets the URL and mark of the view now shown. */
  private settle(): void {
    this.scheduled = false;
    const seq = this.app.state.history.present.seq;
    const next = urlWriteState(urlStateOf(this.app.state, this.savedViews), seq);
    this.lastWrite = next;
    window.history.replaceState(
      keepBoardScroll(makeMark(this.session, seq), window.history.state),
      '',
      `${location.pathname}${next.qs}${location.hash}`,
    );
  }
}
