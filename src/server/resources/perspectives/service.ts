/**
 * The connected database's perspective: the app store's saved one (edited or imported by a user,
 * or derived on first connect), else a repository file that applies to the database's labels,
 * else one derived from its schema now and stored. Nothing here writes to the database.
 */
import { claimModelMissing } from '../../../shared/api/claims';
import type { Perspective, PerspectiveResponse } from '../../../shared/api/perspectives';
import type { AppStore } from '../../../runtime/store/app-store';
import type { Audit } from '../../audit/audit';
import type { Catalog } from '../../db/catalog';
import type { Db } from '../../db/runner';
import type { Actor } from '../../http/actor';
import { badRequest } from '../../http/errors';
import { derivePerspective } from './derive';
import { filePerspectiveFor, readPerspectiveFiles, type FilePerspective } from './file';
import { followFileSearch } from './search-follow';
import { sampleSchema, tokensInUse } from './sample';
import { PerspectiveStore } from './store';

/** How long a resolved perspective is reused (another process's edit shows after this). */
const TTL_MS = 15_000;
/** Who derivations are recorded as in the store. */
const DERIVER = 'newsgraph';

type Tokens = Awaited<ReturnType<typeof tokensInUse>>;

export class Perspectives {
  readonly store: PerspectiveStore;
  private readonly files: FilePerspective[];
  private cached: { at: number; value: PerspectiveResponse } | null = null;
  private inflight: Promise<PerspectiveResponse> | null = null;
  /** Labels and types in use, as the last resolution read them (they change as rarely as the perspective). */
  private tokens: Tokens = { labels: [], types: [] };

  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
    appStore: AppStore,
    readonly audit: Audit,
    /** The database's identity: its URI and name (the managed instance's folder and name). */
    readonly database: string,
    dir: string,
  ) {
    this.store = new PerspectiveStore(appStore);
    this.files = readPerspectiveFiles(dir);
  }

  /** The active perspective. Cost: cached; else one token query (+ a bounded sample on first connect). */
  current(): Promise<PerspectiveResponse> {
    const c = this.cached;
    if (c && Date.now() - c.at < TTL_MS) return Promise.resolve(c.value);
    this.inflight ??= this.resolve()
      .then((value) => {
        this.cached = { at: Date.now(), value };
        return value;
      })
      .finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** Labels in use (bookkeeping ones left out), as read with the perspective: cached alike. */
  async labels(): Promise<string[]> {
    await this.current();
    return this.tokens.labels;
  }

  /** The last resolved perspective without waiting (null before the first). */
  peek(): Perspective | null {
    return this.cached?.value.perspective ?? null;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async resolve(): Promise<PerspectiveResponse> {
    const tokens = await tokensInUse(this.db);
    this.tokens = tokens;
    const labels = new Set(tokens.labels);
    const unlisted = (p: Perspective) => tokens.labels.filter((l) => !p.labels.some((s) => s.label === l)).sort();
    const claimsUnavailable = claimModelMissing(tokens);
    const stored = this.store.get(this.database);
    if (stored) {
      const from = this.files.find((f) => f.file === stored.file)?.perspective ?? null;
      const perspective = followFileSearch(stored.perspective, from);
      return {
        perspective,
        origin: stored.origin,
        file: stored.file,
        database: this.database,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
        unlisted: unlisted(perspective),
        claimsUnavailable,
      };
    }
    const file = filePerspectiveFor(this.files, labels);
    if (file) {
      return {
        perspective: file.perspective,
        origin: 'file',
        file: file.file,
        database: this.database,
        updatedAt: null,
        updatedBy: null,
        unlisted: unlisted(file.perspective),
        claimsUnavailable,
      };
    }
    const perspective = derivePerspective(await sampleSchema(this.db, this.catalog));
    const updatedAt = new Date().toISOString();
    // An empty database is derived again once it has data.
    if (perspective.labels.length)
      this.store.put(this.database, { perspective, origin: 'derived', file: null, updatedAt, updatedBy: DERIVER });
    return {
      perspective,
      origin: 'derived',
      file: null,
      database: this.database,
      updatedAt,
      updatedBy: DERIVER,
      unlisted: unlisted(perspective),
      claimsUnavailable,
    };
  }

  /**
   * Why the claims board cannot work here, or null. A cached "cannot" is read again (one token
   * query): the database may have been seeded since.
   */
  async claimsUnavailable(): Promise<string | null> {
    if (!(await this.current()).claimsUnavailable) return null;
    const why = claimModelMissing(await tokensInUse(this.db));
    if (!why) this.invalidate();
    return why;
  }

  /** Refuses (400) what the database cannot show: the claims board without the claim model. */
  async check(perspective: Perspective): Promise<void> {
    if (!perspective.views.claims) return;
    // A board that could only ever say "No claims." after a long scan: refused, saying what it needs.
    const why = await this.claimsUnavailable();
    if (why) throw badRequest('perspective.views.claims', why);
  }

  /** Saves a perspective for this database (style edits, an import); audited with before and after. */
  async save(actor: Actor, perspective: Perspective): Promise<PerspectiveResponse> {
    await this.check(perspective);
    const before = await this.current();
    this.store.put(this.database, {
      perspective,
      origin: 'saved',
      file: before.file,
      updatedAt: new Date().toISOString(),
      updatedBy: actor.name,
    });
    this.audit.record(actor, {
      action: 'perspective.save',
      target: this.database,
      before: before.perspective,
      after: perspective,
    });
    this.invalidate();
    return this.current();
  }

  /** Forgets the saved perspective: the file applies again, or a fresh derivation. Audited. */
  async reset(actor: Actor): Promise<PerspectiveResponse> {
    const before = this.store.get(this.database);
    this.store.remove(this.database);
    this.audit.record(actor, {
      action: 'perspective.reset',
      target: this.database,
      before: before?.perspective ?? null,
      after: null,
    });
    this.invalidate();
    return this.current();
  }
}
