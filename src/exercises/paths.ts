// Dotted paths into scenario JSON (`pipeline.watermark.delay`): how variants and PARAM controls name a field.

export function getPath(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const INDEX = /^\d+$/;

/**
 * Sets a field, creating objects on the way; a number indexes an array (`pipeline.runtime.bolts.0.serviceMs`).
 * The scenario parser then checks the result.
 */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = root;
  for (const [i, part] of parts.slice(0, -1).entries()) {
    const next = node[part];
    const keepsArray = Array.isArray(next) && INDEX.test(parts[i + 1]);
    if (typeof next !== 'object' || next === null || (Array.isArray(next) && !keepsArray)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}
