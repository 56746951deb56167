import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../src/sim');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
// The CLI is the one Node entry point; it reads a file and writes stdout, and imports the simulator like anyone else.
const simulatorFiles = files(root).filter((f) => !f.endsWith('cli.ts'));

describe('src/sim purity', () => {
  it('imports nothing from svelte, d3, xstate or the DOM', () => {
    for (const file of files(root)) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.filter((i) => /^(svelte|d3|xstate)/.test(i)), file).toEqual([]);
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/(?<![.\w])(document|localStorage|navigator)\.\w|(?<![.\w])window\.(addEventListener|location|document|requestAnimationFrame)/);
    }
  });

  it('never reads the wall clock or Math.random, and never sleeps', () => {
    for (const file of files(root)) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now|setTimeout|setInterval/);
    }
  });

  it('keeps Node APIs out of the simulator proper (it runs in the browser)', () => {
    for (const file of simulatorFiles) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from 'node:/);
  });

  it('keeps every file under 16 KB', () => {
    for (const file of files(root)) expect(statSync(file).size, file).toBeLessThan(16_384);
  });
});
