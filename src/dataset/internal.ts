/**
 * The loader's own bookkeeping names (batched.ts): a load's marker node, the label of the nodes
 * of a load in progress and its index, and the property that holds staged nodes' labels. They
 * hold nothing once a load is complete, but Neo4j keeps the tokens (and the index), so what the
 * API shows of a database's schema leaves them out, and with them the mark of the rule a seeded
 * database's corroboration counts follow (counts-upgrade.ts): an index on LOADING_LABEL named
 * COUNTS_MARK_PREFIX and the version.
 */
export const LOAD_LABEL = 'NewsgraphLoad';
export const LOADING_LABEL = 'NewsgraphLoading';
export const LOADING_INDEX = 'newsgraph_loading_id';
export const COUNTS_MARK_PREFIX = 'newsgraph_counts_v';
export const COUNTS_MARK_KEY = 'newsgraph_counts';
export const INTERNAL_LABELS: readonly string[] = [LOAD_LABEL, LOADING_LABEL];
export const INTERNAL_KEYS: readonly string[] = ['loading_labels', COUNTS_MARK_KEY];

export const isInternalLabel = (l: string): boolean => INTERNAL_LABELS.includes(l);
export const isInternalIndex = (name: string): boolean => name === LOADING_INDEX || name.startsWith(COUNTS_MARK_PREFIX);
