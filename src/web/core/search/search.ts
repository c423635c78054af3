/**
 * Search helpers: which labels the search can be narrowed to, and the line under a hit. Pure.
 */
import type { SchemaResponse, SearchHit } from '../../../shared/api';

/** Our entity labels, in this order, when the database has them. */
const ENTITY_LABELS = ['Person', 'Organization', 'Place', 'Event', 'Weapon'];
/** At most this many labels of another database are offered. */
const OTHER_LABELS_MAX = 8;

/** Filterable labels: ours when present (the search index covers entities), else the database's. */
export function searchLabels(schema: SchemaResponse | null): string[] {
  const all = schema?.labels.map((l) => l.label) ?? [];
  const ours = ENTITY_LABELS.filter((l) => all.includes(l));
  return ours.length ? ours : all.filter((l) => l !== 'Entity').slice(0, OTHER_LABELS_MAX);
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
