// Restart strategies (Flink restart-strategy.type): how long to wait before restart number `attempt` (1, 2, …),
// or undefined when the strategy gives up and the job fails for good.
import type { RestartStrategy } from './types.ts';

export function restartDelayMs(strategy: RestartStrategy, attempt: number): number | undefined {
  switch (strategy.type) {
    case 'none': return undefined;
    case 'fixed-delay': return attempt <= strategy.attempts ? strategy.delayMs : undefined;
    case 'exponential-delay':
      if (attempt > strategy.attempts) return undefined;
      return Math.min(strategy.maxMs, Math.round(strategy.initialMs * strategy.multiplier ** (attempt - 1)));
  }
}
