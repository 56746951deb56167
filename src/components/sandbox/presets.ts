// Ready-made sandbox scenarios, one JSON file each in ./presets (the same format lessons use), in file-name order.
import type { RawScenario } from '../sim/controls.ts';

const files = import.meta.glob<RawScenario>('./presets/*.json', { eager: true, import: 'default' });

export interface Preset { id: string; name: string; scenario: RawScenario }

export const PRESETS: Preset[] = Object.keys(files).sort().map((path) => ({
  id: path.replace(/^.*\/\d+-|\.json$/g, ''),
  name: String(files[path].name ?? path),
  scenario: files[path],
}));

export const DEFAULT_PRESET = PRESETS[0];
