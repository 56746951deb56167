// Export to and import from a JSON file. A file is accepted only whole: it must be ours, of a version we
// read, unchanged since export (checksum), and valid; otherwise the message says which of these failed.
import { readProgressValue } from './migrate.ts';
import type { Progress } from './schema.ts';

const FORMAT = 'eventide-progress';

export function exportProgress(progress: Progress, exportedAt: Date): string {
  const file = { format: FORMAT, exportedAt: exportedAt.toISOString(), checksum: checksum(progress), progress };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; progress: Progress } | { ok: false; message: string };

export function importProgress(text: string, now: Date): ImportResult {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it cannot be Eventide progress. Nothing was changed.' };
  }
  if (typeof file !== 'object' || file === null || (file as { format?: unknown }).format !== FORMAT) {
    return { ok: false, message: 'This is not an Eventide progress file (it has no "format": "eventide-progress"). Nothing was changed.' };
  }
  const { progress, checksum: stated } = file as { progress?: unknown; checksum?: unknown };
  const read = readProgressValue(progress, now);
  if (!read.ok) {
    const why = read.reason === 'newer' ? read.message : `its progress is not valid: ${read.message}`;
    return { ok: false, message: `This file cannot be imported: ${why}. Nothing was changed.` };
  }
  if (stated !== checksum(progress)) {
    return { ok: false, message: 'This file was changed after it was exported (its checksum does not match), so it is refused. Nothing was changed.' };
  }
  return { ok: true, progress: read.progress };
}

/** FNV-1a over canonical JSON (sorted keys): catches edits and damage, not a security measure. */
export function checksum(value: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of canonicalJson(value)) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `fnv1a-${hash.toString(16).padStart(8, '0')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
