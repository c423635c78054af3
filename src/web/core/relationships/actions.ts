/**
 * Relationships as first-class things: the one the pointer is over (its caption and properties
 * in a card by the pointer) and the one opened in the detail panel (type, properties, both ends,
 * evidence). Pure producers; the request is the app's (app/relationships.ts).
 */
import type { RelationshipDetailResponse } from '../../../shared/api';
import type { AppState } from '../state';

export type RelationshipDetailState =
  | { id: string; status: 'loading' }
  | { id: string; status: 'ok'; data: RelationshipDetailResponse }
  | { id: string; status: 'error'; error: string };

/** The hovered relationship and where the pointer is (CSS px in the graph area). */
export interface EdgeHover {
  id: string;
  x: number;
  y: number;
}

/** Opens a relationship in the detail panel: nodes are deselected (the panel shows one thing). */
export const openRelationship =
  (id: string) =>
  (s: AppState): AppState => ({
    ...s,
    relationship: { id, status: 'loading' },
    selection: [],
    focus: null,
    missingFocus: null,
    detail: null,
    contextMenu: null,
    sidePanel: 'right',
  });

export const relationshipLoaded =
  (id: string, data: RelationshipDetailResponse) =>
  (s: AppState): AppState =>
    s.relationship?.id === id ? { ...s, relationship: { id, status: 'ok', data } } : s;

export const relationshipFailed =
  (id: string, error: string) =>
  (s: AppState): AppState =>
    s.relationship?.id === id ? { ...s, relationship: { id, status: 'error', error } } : s;

export const closeRelationship =
  () =>
  (s: AppState): AppState =>
    s.relationship ? { ...s, relationship: null } : s;

export const setEdgeHover =
  (hover: EdgeHover | null) =>
  (s: AppState): AppState =>
    s.edgeHover === hover ||
    (hover && s.edgeHover?.id === hover.id && s.edgeHover.x === hover.x && s.edgeHover.y === hover.y)
      ? s
      : { ...s, edgeHover: hover };
