/** The contested-claims board: loaded for the "as reported by" day (or today), and links from it into the graph. */
import { describeError } from '../api/client';
import { claimsFailed, claimsLoaded, claimsLoading } from '../core/claims/actions';
import { closeReader } from '../core/evidence/reader';
import { backToCanvas } from '../core/map/view';
import type { Explorer } from './explorer';

export class ClaimsController {
  constructor(private readonly app: Explorer) {}

  async load(): Promise<void> {
    const { app } = this;
    const asOf = app.state.filters.asOf;
    app.store.set(claimsLoading());
    try {
      const claims = await app.api.claims(asOf ? { asReportedBy: asOf } : {});
      app.store.set(claimsLoaded(claims, asOf));
    } catch (e) {
      app.store.set(claimsFailed(describeError(e)));
    }
  }

  /** Opens an entity from the board or the reader: back to the canvas, select and focus it. */
  async openEntity(ref: string): Promise<void> {
    this.app.store.set((s) => closeReader()(backToCanvas()(s)));
    await this.app.selection.focusRef(ref);
  }
}
