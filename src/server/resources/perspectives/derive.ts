/**
 * A perspective for a database the app did not seed, derived from a sample of its schema
 * (sample.ts): the caption is the most name-like string property, colours go by label (most
 * numerous first), icons by what a label's name suggests, and views only where the data has
 * what they need (dates for the timeline, points or lat/lon for the map, the claims model for the
 * claims board, evidence lists for corroboration). Pure: unit-tested without a database.
 */
import type {
  DateProperty,
  IconName,
  LabelStyle,
  Perspective,
  RelationshipStyle,
  ThemeColor,
} from '../../../shared/api/perspectives';
import { claimModelMissing } from '../../../shared/api/claims';
import { NAME_LIKE } from '../../../shared/perspective';
import type { PropStat, SchemaSample, TokenSample } from './sample';

const LABEL_COLORS: ThemeColor[] = [
  ['#3d7be0', '#6ea2ff'],
  ['#e07b1f', '#ffa24d'],
  ['#23955a', '#4cc97f'],
  ['#d0433f', '#ff6b66'],
  ['#8a56d6', '#b48cff'],
  ['#c99700', '#f2c94c'],
  ['#0f9fa8', '#3fd0d8'],
  ['#b5487a', '#e87aad'],
  ['#7a8f1e', '#b3cc4a'],
  ['#5b63c7', '#8f96ff'],
  ['#a0652a', '#d99a5b'],
  ['#6b7b8c', '#9aabbd'],
].map(([light, dark]) => ({ light: light!, dark: dark! }));

const TYPE_COLORS: ThemeColor[] = [
  ['#7fa6e6', '#5577b0'],
  ['#e8b07a', '#a8784a'],
  ['#86c7a0', '#4a8a63'],
  ['#e89794', '#a85a57'],
  ['#b9a3e6', '#7a66a8'],
  ['#dcc060', '#a08a3a'],
  ['#7cc4c9', '#4a8c90'],
  ['#d69bb8', '#9a5f7d'],
].map(([light, dark]) => ({ light: light!, dark: dark! }));

const ICON_RULES: [RegExp, IconName][] = [
  [
    /person|people|actor|director|user|author|employee|member|customer|writer|producer|character|human|patient|student|officer/i,
    'person',
  ],
  [
    /organi[sz]ation|company|^org|institution|agency|business|firm|school|university|team|party|department|ministry/i,
    'building',
  ],
  [/place|location|city|country|address|region|airport|station|site|venue|area|town|village/i, 'pin'],
  [/movie|film|video|show|series|episode/i, 'film'],
  [/event|incident|attack|strike|meeting|conference/i, 'bolt'],
  [/article|document|post|paper|report|page|file|publication|book/i, 'doc'],
  [/claim|comment|message|statement|tweet|quote/i, 'bubble'],
  [/weapon|missile/i, 'missile'],
  [/genre|tag|category|topic|keyword|kind/i, 'tag'],
  [/rating|review|award|prize/i, 'star'],
  [/product|item|order|stock|package/i, 'box'],
  [/link|url|website/i, 'link'],
  [/date|year|day|period/i, 'calendar'],
];

const YEAR_NAME =
  /year|born|birth|died|death|released|release|founded|established|published|date|start|end|since|until|opened|built|created/i;
const MAX_SEARCH_PROPERTIES = 12;

const isString = (p: PropStat) => p.types.length > 0 && p.types.every((t) => t === 'STRING');
const isStringish = (p: PropStat) => p.types.length > 0 && p.types.every((t) => t === 'STRING' || t === 'LIST<STRING>');
const fill = (p: PropStat, s: TokenSample) => (s.sampled ? p.filled / s.sampled : 0);

export function iconFor(label: string): IconName {
  return ICON_RULES.find(([re]) => re.test(label))?.[1] ?? 'dot';
}

/** The caption rule of a label: the most name-like string property most of its nodes have. */
export function captionFor(s: TokenSample): string {
  const strings = s.props.filter((p) => isString(p) && fill(p, s) >= 0.5);
  for (const k of NAME_LIKE) if (strings.some((p) => p.key === k)) return k;
  // Else the best identifying short text: well filled, mostly distinct.
  const best = strings
    .filter((p) => (p.avgLen ?? 0) > 0 && (p.avgLen ?? 0) <= 60 && p.distinct >= 0.5 * p.filled)
    .sort((a, b) => b.filled - a.filled || (a.avgLen ?? 0) - (b.avgLen ?? 0) || a.key.localeCompare(b.key))[0];
  return best ? best.key : 'id';
}

/** What a relationship type shows: a short text property most of its relationships have (`roles`), else its type. */
export function relationshipCaptionFor(s: TokenSample): string {
  const texts = s.props
    .filter((p) => isStringish(p) && fill(p, s) >= 0.5 && (p.avgLen === null || p.avgLen <= 40))
    .sort((a, b) => b.filled - a.filled || a.key.localeCompare(b.key));
  const preferred = texts.find((p) => /^(name|title|label|roles?|as|kind|relation(ship)?)$/i.test(p.key));
  return (preferred ?? texts[0])?.key ?? 'type';
}

/** Date-like properties of a label: temporal values, ISO date strings, or years in integers named like dates. */
export function datesFor(s: TokenSample): DateProperty[] {
  const out: DateProperty[] = [];
  for (const p of s.props) {
    if (fill(p, s) < 0.2) continue;
    if (p.types.some((t) => t === 'DATE' || t === 'LOCAL DATETIME' || t === 'ZONED DATETIME'))
      out.push({ label: s.name, property: p.key, kind: 'date' });
    else if (isString(p) && p.isoDates >= 0.8 * p.filled) out.push({ label: s.name, property: p.key, kind: 'date' });
    else if (
      p.types.every((t) => t === 'INTEGER') &&
      p.minInt !== null &&
      p.maxInt !== null &&
      p.minInt >= 1000 &&
      p.maxInt <= 2200 &&
      YEAR_NAME.test(p.key)
    )
      out.push({ label: s.name, property: p.key, kind: 'year' });
  }
  return out;
}

const LAT_LON: [string, string][] = [
  ['latitude', 'longitude'],
  ['lat', 'lon'],
  ['lat', 'lng'],
  ['lat', 'long'],
];

/** Derives a perspective for a database from its sample. O(labels × properties). */
export function derivePerspective(sample: SchemaSample, name = `Derived from ${sample.database}`): Perspective {
  const labels = [...sample.labels].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const types = [...sample.types].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const search = searchFor(labels, sample);
  return {
    format: 'newsgraph-perspective',
    version: 1,
    name,
    labels: labels.map((s, i) => ({
      ...labelStyleFor(s, i),
      // A "Search only" filter for a label search can never find would promise what it cannot do.
      searchFilter: s.props.some((p) => search.properties.includes(p.key)),
    })),
    relationships: types.map((s, i): RelationshipStyle => {
      const caption = relationshipCaptionFor(s);
      // The type written on every edge of a derived graph (CONNECTS ×300) says nothing the colour
      // and the hover card do not: such types are drawn without a caption.
      return { type: s.name, caption: caption === 'type' ? '' : caption, color: TYPE_COLORS[i % TYPE_COLORS.length]! };
    }),
    families: [],
    otherRelationships: { color: { light: '#b4b4c0', dark: '#5c5c6a' } },
    search,
    views: viewsFor(labels, types),
  };
}

/** One label's style: its caption rule, the i-th palette colour, an icon from its name, sized by degree. */
export function labelStyleFor(s: TokenSample, i: number): LabelStyle {
  return {
    label: s.name,
    display: s.name,
    caption: captionFor(s),
    color: LABEL_COLORS[i % LABEL_COLORS.length]!,
    icon: iconFor(s.name),
    size: { by: 'degree' },
    legend: true,
    searchFilter: true,
  };
}

function searchFor(labels: TokenSample[], sample: SchemaSample): Perspective['search'] {
  const score = new Map<string, number>();
  for (const s of labels) {
    for (const p of s.props) {
      // Aliases and the like count even when few nodes have them: they are what people type.
      const alias = /alias|aka|nick|also|alt/i.test(p.key);
      if (!isStringish(p) || (fill(p, s) < 0.3 && !alias) || (p.avgLen ?? 0) > 200) continue;
      score.set(p.key, (score.get(p.key) ?? 0) + s.count * fill(p, s));
    }
  }
  const nameRank = (k: string) => {
    const i = (NAME_LIKE as readonly string[]).indexOf(k);
    return i < 0 ? NAME_LIKE.length : i;
  };
  const props = [...score.keys()]
    .sort((a, b) => nameRank(a) - nameRank(b) || score.get(b)! - score.get(a)! || a.localeCompare(b))
    .slice(0, MAX_SEARCH_PROPERTIES);
  if (labels.some((s) => s.props.some((p) => p.key === 'id')) && !props.includes('id')) props.push('id');
  if (!props.length) props.push('name');
  const covers = (i: { properties: string[] }) => i.properties.filter((p) => props.includes(p)).length;
  // An index left behind on labels that no longer have nodes would find nothing: the scan does better.
  const indexes = [...sample.fulltext]
    .filter((i) => covers(i) > 0 && i.labels.some((l) => labels.some((s) => s.name === l)))
    .sort((a, b) => covers(b) - covers(a) || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((i) => i.name);
  return { properties: props, indexes, placeholder: searchPlaceholder(labels.map((s) => s.name)) };
}

/** As long as the shipped one ("Names, claims, articles…"), so it stays whole in the top bar at 1024 px. */
const PLACEHOLDER_CHARS = 28;

/**
 * "Search A, B, C…": the most common labels that fit in PLACEHOLDER_CHARS, "…" when some are left
 * out; a first label too long on its own is cut.
 */
export function searchPlaceholder(labels: readonly string[]): string {
  if (!labels.length) return 'Search…';
  const named: string[] = [];
  for (const l of labels.slice(0, 3)) {
    const next = `Search ${[...named, l].join(', ')}…`;
    if (next.length > PLACEHOLDER_CHARS) break;
    named.push(l);
  }
  if (!named.length) return `Search ${labels[0]!.slice(0, PLACEHOLDER_CHARS - 'Search …'.length)}…`;
  return `Search ${named.join(', ')}${named.length < labels.length ? '…' : ''}`;
}

function viewsFor(labels: TokenSample[], types: TokenSample[]): Perspective['views'] {
  const dates = labels.flatMap(datesFor).slice(0, 10);
  const points = new Set<string>();
  const latLon: { lat: string; lon: string }[] = [];
  for (const s of labels) {
    for (const p of s.props) if (p.types.includes('POINT') && fill(p, s) > 0) points.add(p.key);
    const numeric = new Set(
      s.props.filter((p) => p.types.every((t) => t === 'FLOAT' || t === 'INTEGER')).map((p) => p.key),
    );
    for (const [lat, lon] of LAT_LON)
      if (numeric.has(lat) && numeric.has(lon) && !latLon.some((x) => x.lat === lat && x.lon === lon))
        latLon.push({ lat, lon });
  }
  const claims = claimModelMissing({ labels: labels.map((s) => s.name), types: types.map((t) => t.name) }) === null;
  const corroboration = types.some(
    (t) =>
      t.props.some((p) => p.key === 'evidence_articles') ||
      (t.props.some((p) => p.key === 'article') && t.props.some((p) => p.key === 'quote')),
  );
  return {
    timeline: { on: dates.length > 0, mode: 'dates', dates },
    map: { on: points.size > 0 || latLon.length > 0, points: [...points], latLon },
    claims,
    corroboration,
  };
}
