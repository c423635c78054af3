/**
 * The perspective slice: the connected database's perspective as the server has it, the draft
 * the style panel is editing (drawn at once, saved or dropped), and which label or relationship
 * type the panel shows. Pure producers; requests are the app's (app/perspective.ts).
 */
import type { LabelStyle, Perspective, PerspectiveResponse, RelationshipStyle } from '../../../shared/api/perspectives';
import type { AppState } from '../state';

export interface StyleTarget {
  kind: 'label' | 'relationship';
  name: string;
}

export interface PerspectiveState {
  saved: PerspectiveResponse | null;
  /** The edited copy, drawn while the panel is open; null when nothing is edited. */
  draft: Perspective | null;
  panel: StyleTarget | null;
  saving: boolean;
  error: string | null;
}

export const INITIAL_PERSPECTIVE: PerspectiveState = {
  saved: null,
  draft: null,
  panel: null,
  saving: false,
  error: null,
};

/** The perspective to draw: the draft while editing, else the saved one. */
export function shownPerspective(s: AppState): Perspective | null {
  return s.perspective.draft ?? s.perspective.saved?.perspective ?? null;
}

const patch =
  (p: Partial<PerspectiveState>) =>
  (s: AppState): AppState => ({ ...s, perspective: { ...s.perspective, ...p } });

export const perspectiveLoaded = (saved: PerspectiveResponse) =>
  patch({ saved, draft: null, saving: false, error: null });
export const perspectiveFailed = (error: string) => patch({ saving: false, error });
export const openStylePanel = (panel: StyleTarget) => patch({ panel, error: null });
export const closeStylePanel = () => patch({ panel: null, draft: null, error: null });
export const setSaving = (saving: boolean) => patch({ saving, error: null });

/** The style of a label as drawn now: the perspective's entry, or a fresh one for an unlisted label. */
export function labelEntry(p: Perspective, label: string, fallback: () => LabelStyle): LabelStyle {
  return p.labels.find((l) => l.label === label) ?? fallback();
}

/** Changes one label's style in the draft (adding the label when the perspective did not list it). */
export const editLabel =
  (label: string, change: Partial<LabelStyle>, fallback: () => LabelStyle) =>
  (s: AppState): AppState => {
    const base = shownPerspective(s);
    if (!base) return s;
    const current = labelEntry(base, label, fallback);
    const next = { ...current, ...change };
    const listed = base.labels.some((l) => l.label === label);
    const labels = listed ? base.labels.map((l) => (l.label === label ? next : l)) : [...base.labels, next];
    return patch({ draft: { ...base, labels } })(s);
  };

/** Changes one relationship type's style in the draft. */
export const editRelationship =
  (type: string, change: Partial<RelationshipStyle>) =>
  (s: AppState): AppState => {
    const base = shownPerspective(s);
    if (!base) return s;
    const current = base.relationships.find((r) => r.type === type) ?? { type, caption: 'type' };
    const next = { ...current, ...change };
    const listed = base.relationships.some((r) => r.type === type);
    const relationships = listed
      ? base.relationships.map((r) => (r.type === type ? next : r))
      : [...base.relationships, next];
    return patch({ draft: { ...base, relationships } })(s);
  };
