// Where the dataflow view puts things: one column per operator and one box per subtask on a wide screen; one row
// per operator with its subtasks side by side when narrow (360 px), so labels stay at a legible size instead of
// shrinking with a viewBox. Channels run from a producer's edge to one input-buffer gauge on the consumer's edge.
import type { RuntimeGraph } from '../../sim/runtime/types.ts';

export const NARROW_BELOW_PX = 560;
const BOX_H = 72;
const HEADER_H = 34;
const GAUGE = 5;

export interface Box { task: number; x: number; y: number; w: number; h: number }
export interface Wire { channel: number; x1: number; y1: number; x2: number; y2: number }
/** One input buffer drawn as a small bar on the consumer's edge; `length` is the bar's full extent. */
export interface Gauge { channel: number; x: number; y: number; length: number; isVertical: boolean }
export interface Header { operator: number; x: number; y: number; anchor: 'middle' | 'start' }

export interface DataflowLayout {
  width: number;
  height: number;
  isNarrow: boolean;
  boxes: Box[];
  wires: Wire[];
  gauges: Gauge[];
  headers: Header[];
}

export function dataflowLayout(graph: RuntimeGraph, width: number): DataflowLayout {
  const isNarrow = width < NARROW_BELOW_PX;
  const boxes = isNarrow ? stacked(graph, width) : columns(graph, width);
  const headers = graph.operators.map((_, operator) => {
    const first = boxes.find((b) => graph.tasks[b.task].operator === operator)!;
    return isNarrow ? { operator, x: 8, y: first.y - 10, anchor: 'start' as const } : { operator, x: first.x + first.w / 2, y: 18, anchor: 'middle' as const };
  });
  const wires: Wire[] = [];
  const gauges: Gauge[] = [];
  const inputs = graph.tasks.map((task) => graph.channels.filter((c) => c.to === task.id));
  for (const channel of graph.channels) {
    const from = boxes[channel.from];
    const to = boxes[channel.to];
    const slot = inputs[channel.to].indexOf(channel);
    const count = inputs[channel.to].length;
    if (isNarrow) {
      // Gauges sit side by side along the consumer's top edge.
      const step = to.w / count;
      const x = to.x + step * (slot + 0.5);
      gauges.push({ channel: channel.id, x: x - Math.min(step - 2, 14) / 2, y: to.y - GAUGE - 1, length: Math.min(step - 2, 14), isVertical: false });
      wires.push({ channel: channel.id, x1: from.x + from.w / 2, y1: from.y + from.h, x2: x, y2: to.y - GAUGE - 1 });
    } else {
      const step = to.h / count;
      const y = to.y + step * (slot + 0.5);
      gauges.push({ channel: channel.id, x: to.x - GAUGE - 1, y: y - Math.min(step - 2, 14) / 2, length: Math.min(step - 2, 14), isVertical: true });
      wires.push({ channel: channel.id, x1: from.x + from.w, y1: from.y + from.h / 2, x2: to.x - GAUGE - 1, y2: y });
    }
  }
  const height = Math.max(...boxes.map((b) => b.y + b.h)) + 10;
  return { width, height, isNarrow, boxes, wires, gauges, headers };
}

function columns(graph: RuntimeGraph, width: number): Box[] {
  const count = graph.operators.length;
  const column = width / count;
  const w = Math.min(130, column - 46);
  const rows = Math.max(...graph.operators.map((o) => o.parallelism));
  const gap = 12;
  const tallest = rows * BOX_H + (rows - 1) * gap;
  return graph.tasks.map((task) => {
    const p = graph.operators[task.operator].parallelism;
    const top = HEADER_H + (tallest - (p * BOX_H + (p - 1) * gap)) / 2;
    return { task: task.id, x: column * task.operator + (column - w) / 2 + 12, y: top + task.subtask * (BOX_H + gap), w, h: BOX_H };
  });
}

function stacked(graph: RuntimeGraph, width: number): Box[] {
  const rowGap = 58;
  return graph.tasks.map((task) => {
    const p = graph.operators[task.operator].parallelism;
    const slot = (width - 16) / p;
    const w = Math.min(130, slot - 8);
    return { task: task.id, x: 8 + slot * task.subtask + (slot - w) / 2, y: HEADER_H + task.operator * (BOX_H + rowGap), w, h: BOX_H };
  });
}
