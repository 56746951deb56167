// The join lanes' marks as a handful of SVG paths (one per side and state) instead of an element per record, so
// a frame with thousands of records and pairs costs a few string joins rather than thousands of DOM updates.
import type { JoinFrame, JoinModel } from './joinModel.ts';

export interface LanePaths {
  /** Per side: filled marks (held), hollow marks in the side's colour (never stored), muted hollow marks (removed or late). */
  held: [string, string];
  passed: [string, string];
  gone: [string, string];
  /** Crosses over records dropped as late; lines between joined pairs; diamonds where an outer result has null. */
  crosses: string;
  pairs: string;
  nulls: string;
}

const R = 5;
const round = (value: number) => Math.round(value * 10) / 10;

/** A circle (left) or a square (right) of radius r at (x, y), as path commands. */
export function markPath(side: 0 | 1, x: number, y: number, r = R): string {
  return side === 0
    ? `M${round(x - r)},${round(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`
    : `M${round(x - r)},${round(y - r)}h${2 * r}v${2 * r}h${-2 * r}z`;
}

export function lanePaths(model: JoinModel, frame: JoinFrame, x: (ts: number) => number, laneY: readonly [number, number]): LanePaths {
  const held: [string[], string[]] = [[], []];
  const passed: [string[], string[]] = [[], []];
  const gone: [string[], string[]] = [[], []];
  const crosses: string[] = [];
  for (let i = 0; i < frame.arrived; i++) {
    const row = model.records[i];
    const status = frame.status[i];
    const px = x(row.ts);
    const py = laneY[row.side];
    const mark = markPath(row.side, px, py);
    if (status === 'held') held[row.side].push(mark);
    else if (status === 'passed') passed[row.side].push(mark);
    else gone[row.side].push(mark);
    if (status === 'late') crosses.push(`M${round(px - 7)},${py - 7}l14,14m-14,0l14,-14`);
  }
  const pairs: string[] = [];
  const nulls: string[] = [];
  for (let i = 0; i < frame.results; i++) {
    const { left, right, isOuter } = model.results[i];
    if (!isOuter) {
      pairs.push(`M${round(x(model.records[left].ts))},${laneY[0]}L${round(x(model.records[right].ts))},${laneY[1]}`);
    } else {
      const present = model.records[left >= 0 ? left : right];
      nulls.push(`M${round(x(present.ts))},${laneY[1 - present.side] - 7}l7,7l-7,7l-7,-7z`);
    }
  }
  const join = (parts: [string[], string[]]): [string, string] => [parts[0].join(''), parts[1].join('')];
  return { held: join(held), passed: join(passed), gone: join(gone), crosses: crosses.join(''), pairs: pairs.join(''), nulls: nulls.join('') };
}

/** The arrived record drawn nearest to (px, py), within `slop` pixels across; −1 when none is that close. */
export function recordNear(model: JoinModel, frame: JoinFrame, x: (ts: number) => number, laneY: readonly [number, number], px: number, py: number, slop = 8): number {
  const side = Math.abs(py - laneY[0]) <= Math.abs(py - laneY[1]) ? 0 : 1;
  let best = -1;
  let bestDistance = slop;
  for (let i = 0; i < frame.arrived; i++) {
    if (model.records[i].side !== side) continue;
    const distance = Math.abs(x(model.records[i].ts) - px);
    if (distance <= bestDistance) [best, bestDistance] = [i, distance];
  }
  return best;
}
