/**
 * An office of a region ("governor of Belgorod", "Belgorod governor") names the region, not the
 * city of the same name: when the graph has a region called "<name> region|oblast|province", the
 * relationship points there, with a note saying which one for the reviewer.
 */
import type { EntityRef } from '../batch';
import { nameKey } from '../link/normalise';
import { typeOfLabels, type Gazetteer } from './gazetteer';
import type { GazetteerEntry } from './types';

/** Relationship types whose target is a region when the place is named by its bare name. */
const REGION_OFFICES = new Set(['GOVERNOR_OF']);
const REGION_WORDS = ['region', 'oblast', 'province', 'krai'];

const namesOf = (e: GazetteerEntry) => [e.name, ...e.aliases];
const isRegion = (e: GazetteerEntry) =>
  e.kind === 'region' || namesOf(e).some((n) => REGION_WORDS.some((w) => nameKey(n).endsWith(` ${w}`)));

/** The region a bare place name stands for, when the graph has one of that name. Cost: linear in the gazetteer. */
export function regionNamed(bare: string[], gz: Gazetteer): GazetteerEntry | undefined {
  const wanted = new Set(bare.flatMap((b) => REGION_WORDS.map((w) => nameKey(`${b} ${w}`))));
  return gz.entries.find(
    (e) => typeOfLabels(e.labels) === 'PLACE' && isRegion(e) && namesOf(e).some((n) => wanted.has(nameKey(n))),
  );
}

/**
 * The target of an office relationship moved to the region of its name ("Belgorod" → Belgorod
 * region), with the note for the reviewer; unchanged (no note) when the target is already a region
 * or the graph has none of that name.
 */
export function officeTarget(type: string, to: EntityRef, gz: Gazetteer): { to: EntityRef; note?: string } {
  if (!REGION_OFFICES.has(type) || REGION_WORDS.some((w) => nameKey(to.text).includes(w))) return { to };
  const linked = to.entityId ? gz.byId.get(to.entityId) : undefined;
  if (linked && (typeOfLabels(linked.labels) !== 'PLACE' || isRegion(linked))) return { to };
  const region = regionNamed([to.text, ...(linked ? namesOf(linked) : [])], gz);
  if (!region) return { to };
  const was = linked ? `, not the ${linked.kind ?? 'place'} ${linked.name} (${linked.id})` : '';
  return {
    to: { ...to, entityId: region.id, suggested: false },
    note: `${to.text} → ${region.name} (${region.kind ?? 'region'}, ${region.id})${was}`,
  };
}
