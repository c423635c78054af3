import { nameKey } from './normalise';

/**
 * A person's verdict on whether a name (as written in an article) or a graph entity is the same
 * as another graph entity. The review engineer stores these; the linker only reads them, so a
 * rejected pair is never proposed again and an "unsure" pair keeps a flag.
 */
export interface Judgement {
  /** The name form as written ("Mikhail Podolyan"), compared normalised; or a graph entity id. */
  left: { form: string } | { entityId: string };
  /** The graph entity it was compared with. */
  right: { entityId: string };
  verdict: 'same' | 'not-same' | 'unsure';
  by?: string;
  at?: string;
  note?: string;
}

export type Verdict = Judgement['verdict'];

/** Index for lookups by (name key or entity id, entity id). Cost: linear to build, O(1) per lookup. */
export class JudgementIndex {
  private readonly map = new Map<string, Verdict>();
  constructor(judgements: Judgement[] = []) {
    // Later judgements override earlier ones for the same pair.
    for (const j of judgements) this.map.set(JudgementIndex.key(j.left, j.right.entityId), j.verdict);
  }
  private static key(left: Judgement['left'], right: string): string {
    return 'form' in left ? `form:${nameKey(left.form)}|${right}` : `id:${left.entityId}|${right}`;
  }
  /** The verdict on any of `forms` (or the candidate's own graph id) against `entityId`; not-same wins over the others. */
  verdict(forms: string[], entityId: string, ownId?: string): Verdict | undefined {
    const found = new Set<Verdict>();
    for (const f of forms) {
      const v = this.map.get(JudgementIndex.key({ form: f }, entityId));
      if (v) found.add(v);
    }
    if (ownId) {
      for (const [a, b] of [
        [ownId, entityId],
        [entityId, ownId],
      ] as const) {
        const v = this.map.get(JudgementIndex.key({ entityId: a }, b));
        if (v) found.add(v);
      }
    }
    if (found.has('not-same')) return 'not-same';
    if (found.has('unsure')) return 'unsure';
    return found.has('same') ? 'same' : undefined;
  }
}
