/**
 * One node per name: an accept that creates an event or a plain entity (person, organization,
 * place, weapon) checks, in its transaction, that the graph has no node of that label whose name
 * or alias is the same by the name key (../../shared/event-name.ts: case, apostrophes, punctuation
 * and spacing aside). The check alone would not do: two reviewers accepting "Sean OʼHara" and
 * "Sean OHara" at once would each read no such person and each write one (the ids differ, so no
 * constraint stops the second). So the accept first locks each name key it creates under
 * (`lockNames`), and a second accept of the same key waits for the first to end, then sees what it
 * committed.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'neo4j-driver';
import type { Candidate } from '../batch';
import type { Decision, EntityDecision, EventDecision } from './decision';
import { ReviewBlocked } from './errors';
import { eventNameKey, eventNamePattern } from './event-name';

/** A name an accept creates a node under, with the node's label. */
export interface CreatedName {
  label: string;
  name: string;
}

/** The labels whose names are locked and checked; only these reach Cypher text. */
const NAMED_LABELS = new Set(['Event', 'Person', 'Organization', 'Place', 'Weapon']);

function namedLabel(label: string): string {
  if (!NAMED_LABELS.has(label)) throw new Error(`not a label names are checked for: ${label}`);
  return label;
}

/**
 * The name and label a decision creates a node under, if any: an event candidate's `create` (an
 * extracted event, or one a reviewer named for a claim) or an entity candidate's. Pure.
 */
export function createdName(c: Candidate, d: Decision): CreatedName | null {
  if (c.kind === 'event') {
    const e = d as EventDecision;
    return e.action === 'create' ? { label: 'Event', name: e.name } : null;
  }
  if (c.kind !== 'entity') return null;
  const e = d as EntityDecision;
  return e.action === 'create' ? { label: e.label, name: e.name } : null;
}

/**
 * The id a name's lock stands on. No slug (./values.ts) or seed id has a colon, so no node of ours
 * has it; the key is hashed so that a long name cannot outgrow an index entry.
 */
export function nameLockId(label: string, name: string): string {
  const key = createHash('sha256').update(eventNameKey(name)).digest('hex').slice(0, 32);
  return `newsgraph:name-lock:${namedLabel(label)}:${key}`;
}

/**
 * Takes the locks of these names, in a fixed order (so two accepts each creating several names
 * cannot wait for each other), before the accept writes anything else (so it cannot deadlock with
 * the locks its writes take).
 *
 * Each lock is the `entity_id` constraint's index entry of the name's lock id (every accept
 * requires that constraint): MERGE takes it exclusively and the node is deleted in the same
 * statement, so none is ever committed — nothing to hide from counts, schema, search or exports; no
 * property is set on it either, since a property's name would stay in the database's list of keys
 * — while the entry stays locked until this transaction ends; another MERGE of it waits for that,
 * then reads what was committed (READ COMMITTED). Cost: one round trip; accepts creating one name
 * run one after the other, others (other names, links, reads, edits) do not wait.
 */
export async function lockNames(tx: Pick<Transaction, 'run'>, names: readonly CreatedName[]): Promise<void> {
  const ids = [...new Set(names.map((n) => nameLockId(n.label, n.name)))].sort();
  if (!ids.length) return;
  await tx.run(
    `UNWIND $ids AS id
     MERGE (l:Entity {id: id})
     WITH l WHERE size(keys(l)) = 1 DELETE l`,
    { ids },
  );
}

/**
 * The graph's node of this label whose name or an alias is this name by the name key, if any.
 * Cypher cannot fold punctuation by pattern, so each name is matched against the key's own regular
 * expression (./event-name.ts). Cost: one scan of the label with a string test per name — no index
 * answers "equal up to punctuation"; a stored key would need every writer, the seed's too, to keep it.
 */
export async function graphNodeNamed(
  tx: Pick<Transaction, 'run'>,
  label: string,
  name: string,
): Promise<{ id: string; name: string } | null> {
  const pattern = eventNamePattern(eventNameKey(name));
  if (!pattern) return null;
  const r = await tx.run(
    `MATCH (e:Entity:${namedLabel(label)}) WHERE e.id IS NOT NULL
       AND any(n IN [e.name] + coalesce(e.aliases, []) WHERE n IS NOT NULL AND normalize(n, NFKC) =~ $pattern)
     RETURN e.id AS id, e.name AS name LIMIT 1`,
    { pattern },
  );
  const rec = r.records[0];
  return rec ? { id: String(rec.get('id')), name: String(rec.get('name') ?? rec.get('id')) } : null;
}

/**
 * The refusal for an entity the graph gained since its candidate's options were drawn up: the
 * existing one's id is what to link to instead. Worded as an event's refusal is (./new-event.ts).
 */
export function graphEntityRefusal(label: string, existing: { id: string; name: string }): ReviewBlocked {
  const what = label === 'Organization' ? 'an organization' : `a ${label.toLowerCase()}`;
  return new ReviewBlocked(
    `${what.charAt(0).toUpperCase()}${what.slice(1)} named "${existing.name}" is in the graph already (${existing.id}). If this is that ${label.toLowerCase()}, link it to ${existing.id} instead of creating it; if it is another, give the new one a name that tells them apart.`,
    { reason: 'ENTITY_EXISTS', existing: { ref: existing.id, name: existing.name } },
  );
}
