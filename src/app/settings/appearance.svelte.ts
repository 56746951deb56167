// Theme and motion as the page applies them: the learner's setting wins; "system" follows the OS.
// Components that animate read `motion.reduced` and `motion.speed` instead of checking media queries.
import { MediaQuery } from 'svelte/reactivity';
import { progress } from '../progress/progress.svelte.ts';
import type { Settings } from '../progress/schema.ts';

const systemReducesMotion = new MediaQuery('(prefers-reduced-motion: reduce)');

export function isMotionReduced(setting: Settings['motion'], systemReduces: boolean): boolean {
  return setting === 'reduce' || (setting === 'system' && systemReduces);
}

export const motion = {
  get reduced(): boolean {
    return isMotionReduced(progress.settings.motion, systemReducesMotion.current);
  },
  get speed(): number {
    return progress.settings.speed;
  },
};

/** `data-theme` selects the CSS colour scheme; without it the system scheme applies. */
export function applyAppearance(root: HTMLElement, settings: Settings, reduced: boolean): void {
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
  root.classList.toggle('reduce-motion', reduced);
}
