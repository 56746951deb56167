// Syntax highlighting, loaded on first use: shiki's core with the JavaScript regex engine (no WASM), and
// each grammar fetched only when a sample in that language is shown. Both themes are rendered at once as
// CSS variables, so switching light/dark needs no re-highlighting.
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { CodeLang } from '../../lessons/types.ts';

const grammars: Record<CodeLang, () => Promise<unknown>> = {
  java: () => import('shiki/langs/java.mjs'),
  scala: () => import('shiki/langs/scala.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  sql: () => import('shiki/langs/sql.mjs'),
};

// axe wants 4.5:1: github-light's orange (parameters, e.g. Python keyword arguments) is 3.9:1 on white, and
// github-dark's comment grey is 3.4:1 on the dark code panel (#8b949e gives 5.3:1).
const CONTRAST = { 'github-light': { '#e36209': '#b04a00' }, 'github-dark': { '#6a737d': '#8b949e' } };

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** HTML for `code`; shiki escapes the code itself. */
export async function highlight(code: string, lang: CodeLang): Promise<string> {
  const shiki = await getHighlighter();
  if (!shiki.getLoadedLanguages().includes(lang)) await shiki.loadLanguage(grammars[lang]() as never);
  return shiki.codeToHtml(code, { lang, themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false, colorReplacements: CONTRAST });
}
