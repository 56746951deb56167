// Front matter is a YAML block between two `---` lines at the very top of a Markdown file.
import { parse as parseYaml } from 'yaml';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export type FrontMatterResult = { ok: true; data: unknown; body: string } | { ok: false; error: string };

export function splitFrontMatter(text: string): FrontMatterResult {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { ok: false, error: 'front matter is missing (the file must start with a --- block)' };
  const parsed = parseYamlText(match[1]);
  if (!parsed.ok) return { ok: false, error: `front matter is not valid YAML: ${parsed.error}` };
  return { ok: true, data: parsed.data ?? {}, body: text.slice(match[0].length) };
}

export function parseYamlText(text: string): { ok: true; data: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, data: parseYaml(text) };
  } catch (error) {
    // yaml's messages carry the line and column, e.g. "… at line 3, column 7".
    return { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}
