/** The entities of the synthetic graph: labels by share, syllable names, and what each label carries. */
import type { EntityRecord } from '../../src/dataset/read';
import type { EntityLabel } from '../../src/dataset/schema';
import type { Random } from '../lib/random';
import {
  LABEL_SHARES,
  FILE_OF,
  SYL,
  FIRST,
  SURNAME_END,
  PLACE_END,
  ORG_KIND,
  EVENT_KIND,
  slugify,
  cap,
  isoDay,
  DAYS,
} from '../lib/synthetic-vocabulary';

export interface GeneratedEntities {
  /** In global popularity rank: index 0 is the biggest hub. */
  entities: EntityRecord[];
  /** Ids by label, each list in rank order. */
  pools: Record<EntityLabel, string[]>;
  nameOf: Map<string, string>;
  /** Dates of the single-day events (a claim about one takes its date). */
  eventDate: Map<string, string | undefined>;
}

/**
 * E entities; global popularity rank = index (0 is the biggest hub), labels shuffled in. Draws
 * from `r` in a fixed order, so the caller's later draws stay reproducible.
 */
export function generateEntities(r: Random, E: number): GeneratedEntities {
  const entities: EntityRecord[] = [];
  const pools: Record<EntityLabel, string[]> = { Person: [], Organization: [], Place: [], Event: [], Weapon: [] };
  const nameOf = new Map<string, string>();
  const eventDate = new Map<string, string | undefined>();
  for (let i = 0; i < E; i++) {
    // Entity 0 is a place (the region every story is about); the rest by share.
    let label: EntityLabel = 'Place';
    if (i > 0) {
      let u = r.next();
      for (const [l, share] of LABEL_SHARES) {
        label = l;
        if ((u -= share) < 0) break;
      }
    }
    const stem = cap(r.pick(SYL) + r.pick(SYL) + (r.chance(0.5) ? r.pick(SYL) : ''));
    let name: string;
    const data: Record<string, unknown> = {};
    const aliases: string[] = [];
    switch (label) {
      case 'Person': {
        const last = stem + r.pick(SURNAME_END);
        name = `${r.pick(FIRST)} ${last}`;
        aliases.push(last);
        if (r.chance(0.3)) aliases.push(`Mr. ${last}`);
        data.role = r.pick(['governor', 'spokesman', 'minister', 'commander', 'journalist', 'resident', 'mayor']);
        break;
      }
      case 'Organization':
        name = `${stem} ${r.pick(ORG_KIND)}`;
        if (r.chance(0.4)) aliases.push(stem.toUpperCase().slice(0, 4));
        data.kind = r.pick(['ministry', 'agency', 'military unit', 'outlet', 'alliance', 'party']);
        break;
      case 'Place':
        name = stem + r.pick(PLACE_END);
        data.kind = r.pick(['city', 'region', 'country', 'street', 'base', 'bridge', 'village']);
        data.location = { lat: 44 + r.next() * 12, lon: 30 + r.next() * 12 };
        data.location_source = 'synthetic (bench/generate.ts)';
        break;
      case 'Event': {
        const kind = r.pick(EVENT_KIND);
        data.kind = kind;
        const day = r.int(0, DAYS - 10);
        if (r.chance(0.8)) {
          data.date = isoDay(day);
          eventDate.set(`event-${i}`, data.date as string);
        } else {
          data.date_from = isoDay(day);
          data.date_to = isoDay(day + r.int(1, 9));
        }
        data.date_basis = 'synthetic: the article says "on Thursday"';
        if (kind === 'strike' || kind === 'attack' || kind === 'shelling') {
          data.killed = r.int(0, 20);
          data.injured = r.int(0, 60);
        }
        name = `${cap(kind)} near ${stem}${r.pick(PLACE_END)}`;
        break;
      }
      case 'Weapon':
        name = `${stem}-${r.int(2, 99)}`;
        data.kind = r.pick(['missile', 'drone', 'aircraft', 'cluster munition', 'rocket system']);
        break;
    }
    const id = `${label.toLowerCase()}-${i}`;
    nameOf.set(id, name);
    pools[label].push(id);
    entities.push({
      label,
      file: FILE_OF[label],
      data: {
        id,
        name,
        aliases,
        description: `Synthetic ${label.toLowerCase()} #${i}, generated for benchmarks (${slugify(name)}).`,
        ...data,
      },
    });
  }
  return { entities, pools, nameOf, eventDate };
}
