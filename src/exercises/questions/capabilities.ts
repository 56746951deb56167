// Questions answered from the course's capability matrix rather than from a run: which engines meet a requirement
// card. The matrix (src/lessons/engine-capabilities.json) cites a documentation page for every cell, so
// a conceptual answer is derived from sourced data, never typed into the exercise.
import matrix from '../../lessons/engine-capabilities.json';
import type { Option, QuestionRef, SetQuestion } from './catalog.ts';

interface Cell { has: boolean; note?: string; source: string }
interface Capability { id: string; label: string; engines: Record<string, Cell> }
interface Card { id: string; label: string; requires: string[] }

const capabilities = matrix.capabilities as Capability[];
const cards = matrix.cards as Card[];

function cardOf(ref: QuestionRef): Card {
  const card = cards.find((c) => c.id === ref.card);
  if (!card) throw new RangeError(`no requirement card "${ref.card}" (cards: ${cards.map((c) => c.id).join(', ')})`);
  return card;
}

/** The card's requirements this engine misses, each with the matrix's note. */
function missing(card: Card, engine: string): string[] {
  return card.requires.map((id) => capabilities.find((c) => c.id === id)!).filter((c) => !c.engines[engine]?.has)
    .map((c) => `${c.label}${c.engines[engine]?.note ? ` (${c.engines[engine].note})` : ''}`);
}

const enginesForCard: SetQuestion = {
  shape: 'set',
  summary: 'the engines that meet every requirement of a card, per the course capability matrix',
  needs: ['card'],
  options: (_view, ref) => {
    const card = cardOf(ref);
    return matrix.engines.map((engine): Option => {
      const gaps = missing(card, engine.id);
      const why = gaps.length === 0 ? `${engine.name} meets every requirement of the card` : `${engine.name} misses: ${gaps.join('; ')}`;
      return { id: engine.id, label: engine.name, why };
    });
  },
  answer: (_view, ref) => matrix.engines.filter((engine) => missing(cardOf(ref), engine.id).length === 0).map((engine) => engine.id),
};

export const capabilityQuestions = { 'engines-for-card': enginesForCard };
