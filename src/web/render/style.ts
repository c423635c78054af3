/**
 * Visual vocabulary: colours and glyphs per node label, colours per relationship family, sizes.
 * Pure data and functions (no DOM, no sigma) so the render sync can be tested in Node.
 */
import { hashString } from '../core/graph/hash';
import type { Theme } from '../core/shell/actions';

export interface LabelStyle {
  color: Record<Theme, string>;
  /** A 24×24 SVG path (fill, even-odd), drawn in the legend and inside labelled nodes. */
  glyph: string;
  /** Plural for the legend ("People"). */
  plural: string;
}

const GLYPHS = {
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c0-3.3 3.6-6 8-6s8 2.7 8 6z',
  building:
    'M4 21V3h10v5h6v13zM7 6v2h2V6zm4 0v2h2V6zM7 10v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2zM7 14v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2z',
  pin: 'M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 4.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
  bolt: 'M13.5 2 4 13.5h6.5L9.5 22 20 9.5h-6.5z',
  missile:
    'M12 2c2.4 1.8 3.8 4.6 3.8 8.2V15l2.7 3.6V21l-4-1.7H9.5L5.5 21v-2.4L8.2 15v-4.8C8.2 6.6 9.6 3.8 12 2zm0 6a1.6 1.6 0 1 0 0 3.2A1.6 1.6 0 0 0 12 8z',
  bubble: 'M3 4h18v12H10l-5 4v-4H3zm4.5 4v4h3V8zm6 0v4h3V8z',
  doc: 'M5 2h10l5 5v15H5zm3 9v2h9v-2zm0 4v2h9v-2zm0-8v2h5V7z',
  dot: 'M12 5a7 7 0 1 0 0 14 7 7 0 0 0 0-14z',
} as const;

export const LABEL_STYLES: Record<string, LabelStyle> = {
  Person: { color: { light: '#3d7be0', dark: '#6ea2ff' }, glyph: GLYPHS.person, plural: 'People' },
  Organization: { color: { light: '#e07b1f', dark: '#ffa24d' }, glyph: GLYPHS.building, plural: 'Organizations' },
  Place: { color: { light: '#23955a', dark: '#4cc97f' }, glyph: GLYPHS.pin, plural: 'Places' },
  Event: { color: { light: '#d0433f', dark: '#ff6b66' }, glyph: GLYPHS.bolt, plural: 'Events' },
  Weapon: { color: { light: '#8a56d6', dark: '#b48cff' }, glyph: GLYPHS.missile, plural: 'Weapons' },
  Claim: { color: { light: '#c99700', dark: '#f2c94c' }, glyph: GLYPHS.bubble, plural: 'Claims' },
  Article: { color: { light: '#6b7b8c', dark: '#9aabbd' }, glyph: GLYPHS.doc, plural: 'Articles' },
};

/** Colours for labels of other databases, picked by a stable hash of the label. */
const FALLBACK_COLORS: Record<Theme, string[]> = {
  light: ['#0f9fa8', '#b5487a', '#7a8f1e', '#5b63c7', '#a0652a', '#2f8f8f', '#c2508a', '#617d2e'],
  dark: ['#3fd0d8', '#e87aad', '#b3cc4a', '#8f96ff', '#d99a5b', '#5fc6c6', '#f08ab8', '#9cc25f'],
};

export function labelStyle(label: string): LabelStyle {
  const known = LABEL_STYLES[label];
  if (known) return known;
  const i = hashString(label) % FALLBACK_COLORS.light.length;
  return {
    color: { light: FALLBACK_COLORS.light[i]!, dark: FALLBACK_COLORS.dark[i]! },
    glyph: GLYPHS.dot,
    plural: label,
  };
}

export function labelColor(label: string, theme: Theme): string {
  return labelStyle(label).color[theme];
}

/** Relationship families: one colour each, so the eye groups "who holds office" apart from "what hit where". */
export interface EdgeFamily {
  name: string;
  color: Record<Theme, string>;
  types: readonly string[];
}

export const EDGE_FAMILIES: readonly EdgeFamily[] = [
  {
    name: 'People & offices',
    color: { light: '#7fa6e6', dark: '#5577b0' },
    types: [
      'GOVERNOR_OF',
      'LEADS',
      'HOLDS_OFFICE',
      'SPOKESPERSON_FOR',
      'ADVISOR_TO',
      'WORKS_FOR',
      'MEMBER_OF',
      'MET_WITH',
      'VISITED',
      'ADDRESSED',
    ],
  },
  {
    name: 'Organizations & supply',
    color: { light: '#e8b07a', dark: '#a8784a' },
    types: ['PART_OF', 'CONTROLLED_BY', 'OPERATES', 'MADE_IN', 'SUPPLIES', 'PLEDGED_TO'],
  },
  {
    name: 'Geography',
    color: { light: '#86c7a0', dark: '#4a8a63' },
    types: ['LOCATED_IN', 'CAPITAL_OF', 'BORDERS', 'NEAR', 'LINKS', 'OCCUPIES'],
  },
  {
    name: 'Events',
    color: { light: '#e89794', dark: '#a85a57' },
    types: [
      'OCCURRED_IN',
      'TARGETED',
      'HIT',
      'USED_WEAPON',
      'ATTRIBUTED_TO',
      'CAUSED_BY',
      'FOLLOWED',
      'PARTICIPATED_IN',
      'HOSTED',
      'ANNOUNCED',
      'INVESTIGATES',
      'BRIEFED_ON',
      'CONCERNS',
      'REPORTED',
    ],
  },
  {
    name: 'Claims',
    color: { light: '#dcc060', dark: '#a08a3a' },
    types: ['MADE', 'ABOUT', 'REPORTS', 'CONTRADICTS'],
  },
  {
    name: 'Sources',
    color: { light: '#b9c3cd', dark: '#56616d' },
    types: ['MENTIONS', 'PUBLISHED_BY', 'WRITTEN_BY', 'CONTRIBUTED_TO', 'REPORTED_FROM', 'PHOTO_CREDIT'],
  },
];

const OTHER_FAMILY: EdgeFamily = { name: 'Other', color: { light: '#b4b4c0', dark: '#5c5c6a' }, types: [] };

const FAMILY_BY_TYPE = new Map<string, EdgeFamily>();
for (const f of EDGE_FAMILIES) for (const t of f.types) FAMILY_BY_TYPE.set(t, f);

export function edgeFamily(type: string): EdgeFamily {
  return FAMILY_BY_TYPE.get(type) ?? OTHER_FAMILY;
}

export function edgeColor(type: string, theme: Theme): string {
  // Contradictions are the point of the claims model: make them stand out.
  if (type === 'CONTRADICTS') return theme === 'light' ? '#e0443e' : '#ff6b66';
  return edgeFamily(type).color[theme];
}

/** Node size (screen px at zoom 1) from its degree in the shown graph: area grows with degree. */
export function nodeSize(degree: number): number {
  return Math.min(26, 4 + 2.4 * Math.sqrt(degree));
}

export const EDGE_SIZE = 1.2;

/** Provenance links (article → entity) are many and say "mentioned", not a fact: thinner. */
export function edgeSize(type: string): number {
  return edgeFamily(type).name === 'Sources' ? 0.6 : EDGE_SIZE;
}

/** ForceAtlas2 attraction per relationship: mentions and claims pull less, so facts shape the layout. */
export function edgeWeight(type: string): number {
  const f = edgeFamily(type).name;
  return f === 'Sources' ? 0.15 : f === 'Claims' ? 0.5 : 1;
}

/** Colours the reducers use for dimmed and highlighted items. */
export const UI_COLORS: Record<
  Theme,
  { dimNode: string; dimEdge: string; highlightEdge: string; label: string; background: string; selectedRing: string }
> = {
  light: {
    dimNode: '#dfe3e8',
    dimEdge: '#eef0f3',
    highlightEdge: '#39414d',
    label: '#1d232b',
    background: '#f7f8fa',
    selectedRing: '#111827',
  },
  dark: {
    dimNode: '#2a3038',
    dimEdge: '#20252c',
    highlightEdge: '#d8dee6',
    label: '#e6eaf0',
    background: '#12161b',
    selectedRing: '#ffffff',
  },
};
