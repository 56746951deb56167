// Which window type fits which use case, answered from data rather than a run: each use case states what it needs
// and each window type what it gives (questions/data/window-requirements.json, with the documentation for each
// type). A type fits a use case when it gives every need; the grid has one row per use case.
import data from './data/window-requirements.json';
import type { Option, SetQuestion } from './catalog.ts';
import { cellId, gridFeedback } from './grid.ts';

interface WindowType { id: string; name: string; gives: string[] }
interface UseCase { id: string; name: string; detail: string; needs: string[] }

const windowTypes = data.windowTypes as WindowType[];
const useCases = data.useCases as UseCase[];
const propertyLabel = (id: string) => data.properties.find((p) => p.id === id)!.label;

const lacks = (type: WindowType, useCase: UseCase) => useCase.needs.filter((need) => !type.gives.includes(need));

function cells(): { option: Option; fits: boolean }[] {
  return useCases.flatMap((useCase) => windowTypes.map((type) => {
    const missing = lacks(type, useCase);
    const why = missing.length === 0
      ? `${type.name} windows give all ${useCase.name} needs`
      : `${type.name} windows do not give ${missing.map(propertyLabel).join(', nor ')}`;
    const option: Option = { id: cellId(useCase.id, type.id), label: `${useCase.name}: ${type.name}`, why, cell: { row: useCase.name, column: type.name, rowDetail: useCase.detail } };
    return { option, fits: missing.length === 0 };
  }));
}

const windowTypesForUseCases: SetQuestion = {
  shape: 'set',
  summary: 'the window types that give everything each use case needs, as a grid of use cases × window types',
  needs: [],
  options: () => cells().map((c) => c.option),
  answer: () => cells().filter((c) => c.fits).map((c) => c.option.id),
  feedback: (options, answer, expected) => gridFeedback(options, answer, expected, 'use cases'),
};

export const windowTypeQuestions = { 'window-types-for-use-cases': windowTypesForUseCases };
