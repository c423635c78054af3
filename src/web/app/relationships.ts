/** Opening a relationship in the detail panel, and the hover card of the relationship under the pointer. */
import { describeError } from '../api/client';
import {
  closeRelationship,
  openRelationship,
  relationshipFailed,
  relationshipLoaded,
  setEdgeHover,
  type EdgeHover,
} from '../core/relationships/actions';
import type { RelationshipDetailResponse } from '../../shared/api';
import type { Explorer } from './explorer';

export class RelationshipController {
  /** Details fetched in this page load, by element id. */
  private readonly cache = new Map<string, RelationshipDetailResponse>();

  constructor(private readonly app: Explorer) {}

  async open(id: string): Promise<void> {
    const { store, api } = this.app;
    store.set(openRelationship(id));
    const cached = this.cache.get(id);
    if (cached) {
      store.set(relationshipLoaded(id, cached));
      return;
    }
    try {
      const data = await api.relationship(id);
      this.cache.set(id, data);
      store.set(relationshipLoaded(id, data));
    } catch (e) {
      store.set(relationshipFailed(id, describeError(e)));
    }
  }

  /**
   * Relationships the server rewrote: `fresh` (read again) replaces the cached detail and the open
   * one; the others' cached details are dropped, so opening one reads it again.
   */
  rewritten(ids: readonly string[], fresh: readonly RelationshipDetailResponse[]): void {
    for (const id of ids) this.cache.delete(id);
    for (const data of fresh) {
      const id = data.relationship.id;
      this.cache.set(id, data);
      this.app.store.set(relationshipLoaded(id, data));
    }
  }

  close(): void {
    this.app.store.set(closeRelationship());
  }

  hover(h: EdgeHover | null): void {
    this.app.store.set(setEdgeHover(h));
  }
}
