/**
 * Search helpers: which labels the search can be narrowed to, and the line under a hit. Pure.
 */
import type { Perspective, SchemaResponse, SearchHit } from '../../../shared/api';

/** At most this many labels are offered as filters. */
const LABELS_MAX = 12;

/**
 * Filterable labels: those of the database the perspective offers as search filters, in its
 * order (the news perspective: Person, Organization, Place, Event, Weapon — its index covers
 * entities only), then the database's others.
 */
export function searchLabels(schema: SchemaResponse | null, p: Perspective | null = null): string[] {
  const all = schema?.labels.filter((l) => l.count > 0).map((l) => l.label) ?? [];
  if (!p) return all.slice(0, LABELS_MAX);
  const off = new Set(p.labels.filter((l) => !l.legend || !l.searchFilter).map((l) => l.label));
  const listed = p.labels.map((l) => l.label).filter((l) => all.includes(l) && !off.has(l));
  const rest = all.filter((l) => !listed.includes(l) && !off.has(l));
  return [...listed, ...rest].slice(0, LABELS_MAX);
}

/** A hit's role, else its description, else its labels; cut at 90 characters. */
export function hitSubtitle(hit: SearchHit): string {
  const p = hit.node.properties;
  const d =
    (typeof p.role === 'string' && p.role) ||
    (typeof p.description === 'string' && p.description) ||
    hit.node.labels.filter((l) => l !== 'Entity').join(', ');
  return d.length > 90 ? `${d.slice(0, 88)}…` : d;
}
