// Every page has a hash route (deep links, back/forward, any sub-path) and is loaded on first visit.
import { wrap } from 'svelte-spa-router/wrap';
import type { RouteDefinition } from 'svelte-spa-router';

export const routes: RouteDefinition = {
  '/': wrap({ asyncComponent: () => import('./pages/HomePage.svelte') }),
  '/path/:pathId': wrap({ asyncComponent: () => import('./pages/PathPage.svelte') }),
  '/path/:pathId/placement': wrap({ asyncComponent: () => import('./placement/PlacementPage.svelte') }),
  '/path/:pathId/lesson/:lessonId': wrap({ asyncComponent: () => import('./pages/LessonPage.svelte') }),
  '/lesson/:lessonId': wrap({ asyncComponent: () => import('./pages/LessonPage.svelte') }),
  '/sandbox': wrap({ asyncComponent: () => import('./pages/SandboxPage.svelte') }),
  '/glossary/:termId?': wrap({ asyncComponent: () => import('./pages/GlossaryPage.svelte') }),
  '/progress': wrap({ asyncComponent: () => import('./pages/ProgressPage.svelte') }),
  '/settings': wrap({ asyncComponent: () => import('./pages/SettingsPage.svelte') }),
  '*': wrap({ asyncComponent: () => import('./pages/NotFoundPage.svelte') }),
};
