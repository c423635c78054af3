import { useMemo, useRef, type ReactNode } from 'react';
import { ICON_NAMES, type IconName } from '../../../shared/api/icons';
import type { LabelStyle, SizeRule } from '../../../shared/api/perspectives';
import { relationshipStyleOf } from '../../../shared/perspective';
import { shownPerspective, type StyleTarget } from '../../core/perspective/actions';
import { unlistedLabelStyle } from '../../app/perspective';
import { ICONS } from '../../render/icons';
import { useApp, useExplorer } from '../context';
import { Icon } from '../shell/Icon';
import { useMayEdit } from '../shell/useSession';
import { usePopoverEscape } from '../shell/usePopoverEscape';
import './perspective.css';

/** The other theme's colour for one picked in this theme: lighter on dark backgrounds, darker on light ones. */
function otherThemeColor(hex: string, toDark: boolean): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(toDark ? c + (255 - c) * 0.3 : c * 0.75);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** Property keys the loaded nodes of a label (or relationships of a type) have, sorted. */
function useKeys(target: StyleTarget): string[] {
  const graph = useApp((s) => s.history.present.state);
  return useMemo(() => {
    const keys = new Set<string>();
    if (target.kind === 'label') {
      for (const n of graph.nodes.values())
        if (n.labels.includes(target.name)) for (const k of Object.keys(n.properties)) keys.add(k);
    } else {
      for (const e of graph.edges.values())
        if (e.type === target.name) for (const k of Object.keys(e.properties)) keys.add(k);
    }
    return [...keys].sort();
  }, [graph, target]);
}

/**
 * The style panel (Neo4j Browser's, for this database's perspective): a label's caption
 * (a property, fallbacks or a `{template}`), colour, size rule and icon, or a relationship
 * type's caption and colour. Edits show at once; Save keeps them for this database (the app's
 * store, audited), Cancel drops them. Also reset, export and import of the whole perspective.
 */
export function StylePanel() {
  const panel = useApp((s) => s.perspective.panel);
  if (!panel) return null;
  return <Panel target={panel} />;
}

function Panel({ target }: { target: StyleTarget }) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  const p = useApp(shownPerspective);
  const st = useApp((s) => s.perspective);
  const keys = useKeys(target);
  const file = useRef<HTMLInputElement>(null);
  // Saving and resetting the stored style are an editor's; a viewer's edits last for this page only.
  const mayEdit = useMayEdit();
  // Esc closes the panel like its Close button (the selection stays); the focus goes back to the legend.
  const box = usePopoverEscape<HTMLDivElement>(true, () => explorer.closeStylePanel());
  if (!p) return null;
  const dirty = st.draft !== null;
  return (
    <div
      className="overlay style-panel"
      ref={box}
      role="dialog"
      aria-label={`Style of ${target.name}`}
      data-testid="style-panel"
    >
      <div className="style-head">
        <strong>
          {target.kind === 'label' ? 'Label' : 'Relationship'} <span className="mono">{target.name}</span>
        </strong>
        <button className="btn ghost icon small" onClick={() => explorer.closeStylePanel()} aria-label="Close">
          <Icon name="close" size={13} />
        </button>
      </div>
      {target.kind === 'label' ? (
        <LabelFields
          style={p.labels.find((l) => l.label === target.name) ?? unlistedLabelStyle(target.name)}
          keys={keys}
          theme={theme}
          onChange={(c) => explorer.editLabelStyle(target.name, c)}
        />
      ) : (
        <RelationshipFields type={target.name} keys={keys} theme={theme} />
      )}
      {st.error ? (
        <div className="error-box small" role="alert" data-testid="style-error">
          {st.error}
        </div>
      ) : null}
      <div className="row wrap style-actions">
        {mayEdit ? (
          <button
            className="btn primary small"
            disabled={!dirty || st.saving}
            onClick={() => void explorer.saveStyle()}
            data-testid="style-save"
            title="Keep this style for this database (editors)"
          >
            {st.saving ? 'Saving…' : 'Save'}
          </button>
        ) : null}
        <button
          className="btn small"
          disabled={!dirty}
          onClick={() => explorer.closeStylePanel()}
          data-testid="style-cancel"
        >
          Cancel
        </button>
        <span className="grow" />
        <ToolButton
          onClick={() => void explorer.exportPerspective()}
          testId="style-export"
          title="Download this perspective with its saved queries"
        >
          Export
        </ToolButton>
        <ToolButton
          onClick={() => file.current?.click()}
          testId="style-import"
          title="Use a perspective file for this database"
        >
          Import
        </ToolButton>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="style-import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void f.text().then((t) => explorer.importPerspective(t));
          }}
        />
        {mayEdit ? (
          <ToolButton
            onClick={() => void explorer.resetStyle()}
            testId="style-reset"
            title="Forget the saved style of this database"
          >
            Reset
          </ToolButton>
        ) : (
          <span className="small faint" data-testid="style-readonly">
            only editors save styles: these changes last until you reload
          </span>
        )}
      </div>
      <div className="small faint">
        {st.saved?.origin === 'file'
          ? `Perspective “${p.name}” (perspectives/${st.saved.file})`
          : st.saved?.origin === 'derived'
            ? `Derived from the database's schema`
            : `Saved by ${st.saved?.updatedBy ?? '?'}`}
      </div>
    </div>
  );
}

/** A caption: a select of known properties (with fallbacks kept), or any text (a template). */
function CaptionField({
  value,
  keys,
  extras = [],
  onChange,
}: {
  value: string;
  keys: string[];
  /** Choices before the properties: the value and what the list calls it. */
  extras?: { value: string; name: string }[];
  onChange(v: string): void;
}) {
  const options = [...extras.map((x) => x.value), ...keys];
  const known = options.includes(value);
  return (
    <div className="field">
      <label htmlFor="style-caption">Caption</label>
      <select
        id="style-caption"
        className="input"
        value={known ? value : '__custom'}
        onChange={(e) => e.target.value !== '__custom' && onChange(e.target.value)}
        data-testid="style-caption"
      >
        {options.map((k, i) => (
          <option key={k} value={k}>
            {extras[i]?.name ?? k}
          </option>
        ))}
        <option value="__custom">{known ? 'Template or fallbacks…' : value}</option>
      </select>
      <input
        className="input mono small"
        value={value}
        onChange={(e) => e.target.value.trim() && onChange(e.target.value)}
        placeholder="name|title or {name} ({born})"
        aria-label="Caption template"
        data-testid="style-caption-template"
      />
    </div>
  );
}

function LabelFields({
  style,
  keys,
  theme,
  onChange,
}: {
  style: LabelStyle;
  keys: string[];
  theme: 'light' | 'dark';
  onChange(c: Partial<LabelStyle>): void;
}) {
  const setSize = (size: SizeRule) => onChange({ size });
  return (
    <>
      <div className="field">
        <label htmlFor="style-display">Name in the legend</label>
        <input
          id="style-display"
          className="input"
          value={style.display}
          onChange={(e) => e.target.value.trim() && onChange({ display: e.target.value })}
          data-testid="style-display"
        />
      </div>
      <CaptionField value={style.caption} keys={keys} onChange={(caption) => onChange({ caption })} />
      <ColorField
        value={style.color[theme]}
        onChange={(hex) =>
          onChange({
            color:
              theme === 'light'
                ? { light: hex, dark: otherThemeColor(hex, true) }
                : { dark: hex, light: otherThemeColor(hex, false) },
          })
        }
      />
      <div className="field">
        <label htmlFor="style-size">Size</label>
        <div className="row">
          <select
            id="style-size"
            className="input"
            value={style.size.by}
            onChange={(e) => {
              const by = e.target.value;
              if (by === 'degree') setSize({ by: 'degree' });
              else if (by === 'fixed') setSize({ by: 'fixed', size: 10 });
              else setSize({ by: 'property', property: keys[0] ?? 'id', min: 4, max: 26 });
            }}
            data-testid="style-size"
          >
            <option value="degree">by relationships</option>
            <option value="fixed">fixed</option>
            <option value="property">by a property</option>
          </select>
          {style.size.by === 'fixed' ? (
            <input
              className="input"
              type="number"
              min={2}
              max={40}
              value={style.size.size}
              onChange={(e) => setSize({ by: 'fixed', size: Math.min(40, Math.max(2, Number(e.target.value) || 10)) })}
              data-testid="style-size-value"
              aria-label="Size in pixels"
            />
          ) : null}
          {style.size.by === 'property' ? (
            <select
              className="input"
              value={style.size.property}
              onChange={(e) => setSize({ by: 'property', property: e.target.value, min: 4, max: 26 })}
              data-testid="style-size-property"
              aria-label="Size property"
            >
              {keys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          ) : null}
        </div>
      </div>
      <div className="field">
        <span className="label">Icon</span>
        <div className="icon-grid" role="radiogroup" aria-label="Icon">
          {ICON_NAMES.map((name: IconName) => (
            <button
              key={name}
              role="radio"
              aria-checked={style.icon === name}
              className={`icon-choice${style.icon === name ? ' on' : ''}`}
              onClick={() => onChange({ icon: name })}
              title={name}
              data-testid={`style-icon-${name}`}
              style={{ background: style.color[theme] }}
            >
              <svg width={14} height={14} viewBox="0 0 24 24" aria-hidden>
                <path d={ICONS[name]} fillRule="evenodd" />
              </svg>
            </button>
          ))}
        </div>
      </div>
    </>
  );
}

function RelationshipFields({ type, keys, theme }: { type: string; keys: string[]; theme: 'light' | 'dark' }) {
  const explorer = useExplorer();
  const p = useApp(shownPerspective);
  const s = relationshipStyleOf(p, type);
  return (
    <>
      <CaptionField
        value={s.caption}
        keys={keys}
        extras={[
          { value: 'type', name: '(the type)' },
          { value: '', name: '(none: the type on hover)' },
        ]}
        onChange={(caption) => explorer.editRelationshipStyle(type, { caption })}
      />
      <ColorField
        value={s.color[theme]}
        onChange={(hex) =>
          explorer.editRelationshipStyle(type, {
            color:
              theme === 'light'
                ? { light: hex, dark: otherThemeColor(hex, true) }
                : { dark: hex, light: otherThemeColor(hex, false) },
          })
        }
      />
    </>
  );
}

/** A quiet button of the panel's bottom row (export, import, reset), its `title` saying what it does. */
function ToolButton({
  onClick,
  testId,
  title,
  children,
}: {
  onClick: () => void;
  testId: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <button className="btn ghost small" onClick={onClick} data-testid={testId} title={title}>
      {children}
    </button>
  );
}

function ColorField({ value, onChange }: { value: string; onChange(hex: string): void }) {
  return (
    <div className="field">
      <label htmlFor="style-color">Colour</label>
      <input
        id="style-color"
        className="color-input"
        type="color"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="style-color"
      />
    </div>
  );
}
