/**
 * The detail panel's "Merge a duplicate": for editors, on an entity this app loaded. The editor
 * finds the duplicate with the explorer's search (same kind only), sees what it is, gives a
 * reason and confirms; the server moves its relationships here and deletes it (node-merge.ts).
 */
import { useState } from 'react';
import type { GraphNode } from '../../../shared/graph';
import { describeError } from '../../api/client';
import { ApiError } from '../../api/errors';
import { mergeDuplicate } from '../../app/node-edit';
import { useExplorer } from '../context';
import { EditDialog, EditDialogOpener, ReasonField } from '../shell/EditDialog';
import { useMayEdit } from '../shell/useSession';
import { useEntitySearch } from '../search/useEntitySearch';
import { isEditable, versionOf } from './entity-edit';

export function MergeEntity({ node }: { node: GraphNode }) {
  const mayEdit = useMayEdit();
  if (!mayEdit || !isEditable(node)) return null;
  return (
    <EditDialogOpener
      testId="merge-entity"
      title="Another entity in the graph is this one under another spelling: merge it into this one"
      label="Merge a duplicate…"
      dialog={(onClose) => <MergeEntityDialog node={node} onClose={onClose} />}
    />
  );
}

/** The labels that say what kind of entity it is (only the same kind merges). */
const kinds = (labels: readonly string[]) => labels.filter((l) => l !== 'Entity');

interface Chosen {
  id: string;
  caption: string;
  description: string | null;
  version: number;
  degree: number;
}

function MergeEntityDialog({ node, onClose }: { node: GraphNode; onClose: () => void }) {
  const explorer = useExplorer();
  const name = String(node.properties.name ?? node.caption);
  const [version, setVersion] = useState(() => versionOf(node.properties));
  const [q, setQ] = useState('');
  const want = kinds(node.labels).sort().join(':');
  // Only another node of exactly the same kind merges (the server refuses the rest).
  const search = useEntitySearch(
    q,
    kinds(node.labels),
    (h) => h.node.id !== node.id && kinds(h.node.labels).sort().join(':') === want,
  );
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Reads the duplicate whole: its version (the merge is checked against it) and what it is. */
  const choose = async (id: string) => {
    setError(null);
    try {
      const d = await explorer.api.node(id);
      setChosen({
        id: d.node.id,
        caption: d.node.caption,
        description: typeof d.node.properties.description === 'string' ? d.node.properties.description : null,
        version: versionOf(d.node.properties),
        degree: d.degree.total,
      });
    } catch (e) {
      setError(describeError(e));
    }
  };

  const submit = async () => {
    if (!chosen) return setError('Pick the duplicate first.');
    if (!reason.trim()) return setError('Give a reason: why these are the same entity (kept in the audit trail).');
    setBusy(true);
    try {
      await mergeDuplicate(
        explorer,
        node.id,
        {
          duplicate: chosen.id,
          version,
          duplicateVersion: chosen.version,
          reason: reason.trim(),
        },
        chosen.caption,
      );
      onClose();
    } catch (err) {
      setBusy(false);
      setError(describeError(err));
      if (err instanceof ApiError && err.status === 409) {
        // Someone changed one of the two: read both again, so a second click merges what is there now.
        const mine = await explorer.api.node(node.id).catch(() => null);
        if (mine) setVersion(versionOf(mine.node.properties));
        await choose(chosen.id);
        setError(`${err.message} Both were read again: check them and merge again.`);
      }
    }
  };

  return (
    <EditDialog
      name="merge-entity"
      title={`Merge a duplicate into ${name}`}
      onClose={onClose}
      onSubmit={submit}
      error={error ?? search.error}
      confirm={{
        label: busy ? 'Merging…' : chosen ? `Merge ${chosen.caption} into ${name}` : 'Merge',
        testId: 'merge-entity-confirm',
        disabled: busy || !chosen,
      }}
    >
      <p className="small muted">
        The duplicate&apos;s relationships, with their evidence, move to {name}; its name and aliases become aliases of{' '}
        {name}; then it is deleted. The audit trail keeps it whole, with your name and reason.
      </p>
      <div className="field">
        <label htmlFor="merge-entity-q">Duplicate ({kinds(node.labels).join(', ')})</label>
        <input
          id="merge-entity-q"
          className="input"
          type="search"
          value={q}
          placeholder="search by name or alias"
          onChange={(e) => setQ(e.target.value)}
          data-testid="merge-entity-q"
        />
        {search.hits.map((h) => (
          <button
            type="button"
            key={h.node.id}
            className={`btn small ghost${chosen?.id === h.node.id ? ' active' : ''}`}
            style={{ display: 'block', marginTop: 4 }}
            onClick={() => void choose(h.node.id)}
            data-testid="merge-entity-hit"
          >
            {h.node.caption}
          </button>
        ))}
      </div>
      {chosen ? (
        <div className="field" data-testid="merge-entity-chosen">
          <strong>{chosen.caption}</strong> will be deleted, its {chosen.degree} relationship
          {chosen.degree === 1 ? '' : 's'} moved to {name}.
          {chosen.description ? <div className="help">{chosen.description}</div> : null}
        </div>
      ) : null}
      <ReasonField
        name="merge-entity"
        value={reason}
        onChange={(v) => {
          setReason(v);
          setError(null);
        }}
        help="Why they are the same (your source): kept in the audit trail."
      />
    </EditDialog>
  );
}
