/**
 * The editor's completion: core/query/completion.ts in CodeMirror's autocompletion, on typing
 * and on Ctrl+Space (the editor package's own completion only opens after `.`, `:` or `[` and
 * knows no functions or per-label properties). `schema()` is read per request.
 */
import { autocompletion, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import { completeCypher, type CompletionKind, type CompletionSchema } from '../../core/query/completion';

// The kind names the icon (`cm-completionIcon-<kind>`, drawn in drawer.css): CodeMirror's own icons
// are emoji and mathematical letters that fonts without them show as empty boxes.
const TYPES: Record<CompletionKind, string> = {
  keyword: 'keyword',
  function: 'function',
  label: 'label',
  relationshipType: 'relationship',
  property: 'property',
  variable: 'variable',
  parameter: 'parameter',
};

export function cypherCompletion(schema: () => CompletionSchema): Extension {
  return autocompletion({
    activateOnTyping: true,
    override: [
      (ctx: CompletionContext) => {
        const text = ctx.state.doc.toString();
        const res = completeCypher(text, ctx.pos, schema(), ctx.explicit);
        if (!res) return null;
        return {
          from: res.from,
          options: res.options.map((o): Completion => ({
            label: o.label,
            type: TYPES[o.kind],
            ...(o.detail ? { detail: o.detail } : {}),
            ...(o.apply ? { apply: o.apply } : {}),
          })),
          validFor: /^[A-Za-z0-9_]*$/,
        };
      },
    ],
  });
}
