/**
 * The package ships typings, but its package.json "exports" hides them from TypeScript's
 * bundler resolution; this declares the part we use.
 */
declare module '@neo4j-cypher/react-codemirror' {
  import type { ComponentType } from 'react';

  export interface CypherEditorSchema {
    labels?: string[];
    relationshipTypes?: string[];
    propertyKeys?: string[];
    parameters?: string[];
  }

  export interface CypherEditorProps {
    value?: string;
    onValueChanged?: (value: string) => void;
    schema?: CypherEditorSchema;
    theme?: 'light' | 'dark' | 'auto';
    autofocus?: boolean;
    lineWrapping?: boolean;
    lineNumbers?: boolean;
    placeholder?: string;
    className?: string;
    onEditorCreated?: (editor: unknown) => void;
    autocomplete?: boolean;
    /** Tooltips (the completion list) positioned absolutely in the editor (the default) or fixed. */
    tooltipAbsolute?: boolean;
    /** CodeMirror extensions added after the package's own. */
    postExtensions?: unknown[];
  }

  export const CypherEditor: ComponentType<CypherEditorProps>;
}
