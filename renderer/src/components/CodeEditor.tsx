import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { html } from '@codemirror/lang-html';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  codeFolding,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  syntaxHighlighting,
} from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  hoverTooltip,
  keymap,
  lineNumbers,
  placeholder as placeholderExt,
} from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { useEffect, useRef } from 'react';
import { variableAt } from '../../../main/shared/variableInfo';
import { useDescribeVariable, type VarDescription } from './variableHint';
import './code.css';

export type CodeLanguage = 'json' | 'html' | 'text';

export interface CodeEditorProps {
  value: string;
  onChange?(value: string): void;
  language?: CodeLanguage;
  readOnly?: boolean;
  /** Accessible name of the editor. */
  label: string;
  placeholder?: string;
  /** Line numbers + folding gutter. */
  gutters?: boolean;
  wrap?: boolean;
  className?: string;
}

/** Colours come from the theme tokens (--syn-*), so light/dark follow <html data-theme>. */
const tandemHighlight = HighlightStyle.define([
  { tag: t.propertyName, color: 'var(--syn-key)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syn-string)' },
  { tag: [t.number, t.integer, t.float], color: 'var(--syn-number)' },
  { tag: [t.bool, t.null, t.atom, t.keyword], color: 'var(--syn-keyword)' },
  { tag: [t.tagName, t.angleBracket], color: 'var(--syn-tag)' },
  { tag: t.attributeName, color: 'var(--syn-key)' },
  { tag: [t.comment, t.meta], color: 'var(--text-faint)', fontStyle: 'italic' },
  { tag: [t.punctuation, t.separator, t.bracket], color: 'var(--text-muted)' },
  { tag: t.invalid, color: 'var(--danger)' },
]);

const selectionTheme = EditorView.theme({
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    background: 'color-mix(in srgb, var(--focus) 25%, transparent)',
  },
});

// Ctrl/Cmd+Enter belongs to the app (Send), not to the editor.
const editorKeys = defaultKeymap.filter((k) => k.key !== 'Mod-Enter');

type Describe = ((name: string) => VarDescription) | null;

/** Hovering a {{variable}} shows its value for the active profile and where it is defined. */
function variableTooltips(describe: { current: Describe }): Extension {
  return hoverTooltip((view, pos) => {
    const line = view.state.doc.lineAt(pos);
    const ref = variableAt(line.text, pos - line.from);
    const d = ref && describe.current?.(ref.name);
    if (!ref || !d) return null;
    return {
      pos: line.from + ref.start,
      end: line.from + ref.end,
      above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = `ui-var-hint${d.defined ? '' : ' ui-var-hint-unknown'}`;
        dom.setAttribute('role', 'status');
        dom.textContent = d.text;
        return { dom };
      },
    };
  });
}

function extensions(
  p: CodeEditorProps,
  onChange: (v: string) => void,
  describe: { current: Describe },
): Extension[] {
  const ext: Extension[] = [
    drawSelection(),
    bracketMatching(),
    syntaxHighlighting(tandemHighlight),
    selectionTheme,
    search({ top: true }),
    highlightSelectionMatches(),
    keymap.of([...editorKeys, ...searchKeymap, ...foldKeymap]),
    EditorView.contentAttributes.of({ 'aria-label': p.label }),
    EditorState.readOnly.of(Boolean(p.readOnly)),
    EditorView.editable.of(!p.readOnly),
  ];
  if (p.language === 'json') ext.push(json());
  if (p.language === 'html') ext.push(html());
  if (p.gutters) ext.push(lineNumbers(), codeFolding(), foldGutter());
  if (p.wrap) ext.push(EditorView.lineWrapping);
  if (!p.readOnly) ext.push(variableTooltips(describe));
  if (p.placeholder) ext.push(placeholderExt(p.placeholder));
  if (!p.readOnly) {
    ext.push(history(), keymap.of([...historyKeymap, indentWithTab]), highlightActiveLine());
    ext.push(
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
    );
  }
  return ext;
}

/** A CodeMirror 6 editor/viewer. Large documents stay responsive: CodeMirror only draws visible lines. */
export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  /** The text the editor holds, so prop updates that match it are not re-applied. */
  const current = useRef(props.value);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const describe = useRef<Describe>(null);
  describe.current = useDescribeVariable();

  const { language, readOnly, gutters, wrap, placeholder, label } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is rebuilt only when its configuration changes; value changes are dispatched below
  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: current.current,
        extensions: extensions(
          { ...props, language, readOnly, gutters, wrap, placeholder, label },
          (text) => {
            current.current = text;
            onChange.current?.(text);
          },
          describe,
        ),
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [language, readOnly, gutters, wrap, placeholder, label]);

  useEffect(() => {
    const v = view.current;
    if (!v || props.value === current.current) return;
    current.current = props.value;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
  }, [props.value]);

  return <div ref={host} className={`code-editor${props.className ? ` ${props.className}` : ''}`} />;
}
