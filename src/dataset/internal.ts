/**
 * The loader's own bookkeeping names (batched.ts): a load's marker node, the label of the nodes
 * of a load in progress and its index, and the property that holds staged nodes' labels. They
 * hold nothing once a load is complete, but Neo4j keeps the tokens (and the index), so what the
 * API shows of a database's schema leaves them out.
 */
export const LOAD_LABEL = 'NewsgraphLoad';
export const LOADING_LABEL = 'NewsgraphLoading';
export const LOADING_INDEX = 'newsgraph_loading_id';
export const INTERNAL_LABELS: readonly string[] = [LOAD_LABEL, LOADING_LABEL];
export const INTERNAL_KEYS: readonly string[] = ['loading_labels'];

export const isInternalLabel = (l: string): boolean => INTERNAL_LABELS.includes(l);
