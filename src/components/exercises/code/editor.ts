// The CodeMirror 6 editor for CODE exercises, in its own module so the page loads it only when a code exercise is
// shown. Colours come from the site's tokens and light-dark(), so the editor follows the light or dark theme.
// Tab indents; Escape, then Tab, moves focus out of the editor (CodeMirror's tab-focus mode), as the widget says.
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascriptLanguage } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export interface CodeEditor {
  setText: (text: string) => void;
  setReadOnly: (isReadOnly: boolean) => void;
  destroy: () => void;
}

export interface EditorOptions {
  parent: HTMLElement;
  text: string;
  isReadOnly: boolean;
  /** Ids of the visible label and the help text, for the editable region's accessible name and description. */
  labelId: string;
  helpId: string;
  onchange: (text: string) => void;
}

// Contrast ≥ 4.5:1 on --surface in both themes.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: 'light-dark(#8a2a78, #f0a3e2)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'light-dark(#2d6a1f, #9bd98a)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'light-dark(#8a4b00, #f2c46b)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'light-dark(#545e6b, #a7b1bd)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'light-dark(#0a5a80, #8fd0f5)' },
  { tag: tags.definition(tags.variableName), color: 'light-dark(#0a6a75, #66cbd6)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: 'var(--radius)', fontSize: '0.95rem' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--surface-sunk)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'light-dark(rgb(10 106 117 / 0.07), rgb(102 203 214 / 0.09))' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'light-dark(#cfe6ea, #24505a)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
});

export function createCodeEditor(options: EditorOptions): CodeEditor {
  const editable = new Compartment();
  const readOnlyExtensions = (isReadOnly: boolean) => [EditorState.readOnly.of(isReadOnly), EditorView.editable.of(!isReadOnly)];
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        // What editing twenty lines needs; completion, search and linting would triple the download.
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), history(), drawSelection(), indentOnInput(),
        bracketMatching(), closeBrackets(), keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        javascriptLanguage,
        // Wrapped lines and no height cap: nothing scrolls inside the editor, so a read-only editor has no
        // scroll region that the keyboard cannot reach, and a phone shows whole lines.
        EditorView.lineWrapping,
        syntaxHighlighting(highlight),
        theme,
        editable.of(readOnlyExtensions(options.isReadOnly)),
        EditorView.contentAttributes.of({ 'aria-labelledby': options.labelId, 'aria-describedby': options.helpId }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onchange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setReadOnly: (isReadOnly) => view.dispatch({ effects: editable.reconfigure(readOnlyExtensions(isReadOnly)) }),
    destroy: () => view.destroy(),
  };
}
