/**
 * The perspective of the connected database: loading it, the style panel's edits (drawn at once
 * as a draft, then saved or dropped), reset, and export/import as a file to share. Saving needs
 * the editor role; the server records every change in its audit trail.
 */
import type { LabelStyle, PerspectiveFile, RelationshipStyle } from '../../shared/api/perspectives';
import { NAME_LIKE } from '../../shared/perspective';
import { describeError } from '../api/client';
import {
  closeStylePanel,
  editLabel,
  editRelationship,
  openStylePanel,
  perspectiveFailed,
  perspectiveLoaded,
  setSaving,
  shownPerspective,
  type StyleTarget,
} from '../core/perspective/actions';
import { labelStyle } from '../render/style';
import type { Explorer } from './explorer';

/** A label the perspective does not list yet, as drawn now (palette colour, a dot, generic caption). */
export function unlistedLabelStyle(label: string): LabelStyle {
  const s = labelStyle(label);
  return {
    label,
    display: label,
    caption: [...NAME_LIKE.slice(0, 11), 'id'].join('|'),
    color: s.color,
    icon: 'dot',
    size: { by: 'degree' },
    legend: true,
    searchFilter: true,
  };
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class PerspectiveController {
  constructor(private readonly app: Explorer) {}

  async load(): Promise<void> {
    const res = await this.app.api.perspective();
    this.app.store.set(perspectiveLoaded(res));
  }

  open(target: StyleTarget): void {
    this.app.store.set(openStylePanel(target));
  }

  /** Drops the draft (back to the saved perspective) and closes the panel. */
  close(): void {
    this.app.store.set(closeStylePanel());
  }

  editLabel(label: string, change: Partial<LabelStyle>): void {
    this.app.store.set(editLabel(label, change, () => unlistedLabelStyle(label)));
  }

  editRelationship(type: string, change: Partial<RelationshipStyle>): void {
    this.app.store.set(editRelationship(type, change));
  }

  /** Saves the draft as this database's perspective. */
  async save(): Promise<void> {
    const { app } = this;
    const draft = app.state.perspective.draft;
    if (!draft) return;
    app.store.set(setSaving(true));
    try {
      app.store.set(perspectiveLoaded(await app.api.savePerspective({ perspective: draft })));
      app.shell.setStatus('info', 'Style saved for this database.');
    } catch (e) {
      app.store.set(perspectiveFailed(describeError(e)));
    }
  }

  /** Forgets the saved perspective: the repository's file, or a fresh derivation from the schema. */
  async reset(): Promise<void> {
    const { app } = this;
    app.store.set(setSaving(true));
    try {
      app.store.set(perspectiveLoaded(await app.api.resetPerspective()));
      app.shell.setStatus('info', 'Style reset for this database.');
    } catch (e) {
      app.store.set(perspectiveFailed(describeError(e)));
    }
  }

  /** Downloads the perspective with its saved queries as a JSON file. */
  async exportFile(): Promise<void> {
    try {
      const file = await this.app.api.exportPerspective();
      const name = (shownPerspective(this.app.state)?.name ?? 'perspective').toLowerCase().replace(/[^a-z0-9]+/g, '-');
      save(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), `${name}.perspective.json`);
    } catch (e) {
      this.app.store.set(perspectiveFailed(describeError(e)));
    }
  }

  /**
   * Imports a perspective file (and its saved queries) for this database: an exported file, or a
   * bare perspective. The server validates it (a 400 names the first problem).
   */
  async importFile(text: string): Promise<void> {
    const { app } = this;
    let file: PerspectiveFile;
    try {
      const raw = JSON.parse(text) as Partial<PerspectiveFile> & { format?: unknown };
      if (raw?.perspective?.format === 'newsgraph-perspective')
        file = { perspective: raw.perspective, queries: raw.queries ?? [] };
      else if (raw?.format === 'newsgraph-perspective')
        file = { perspective: raw as unknown as PerspectiveFile['perspective'], queries: [] };
      else throw new Error('it has no "format": "newsgraph-perspective"');
    } catch (e) {
      app.store.set(perspectiveFailed(`Not a perspective file: ${describeError(e)}`));
      return;
    }
    app.store.set(setSaving(true));
    try {
      app.store.set(perspectiveLoaded(await app.api.savePerspective(file)));
      app.store.set({ queries: await app.api.queries() });
      app.shell.setStatus('info', `Imported the perspective “${file.perspective.name}”.`);
    } catch (e) {
      app.store.set(perspectiveFailed(describeError(e)));
    }
  }
}
