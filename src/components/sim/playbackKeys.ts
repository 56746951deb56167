// Playback's keyboard map, kept apart from the DOM so it is tested as data. The simulation's root listens, so keys
// act only on the simulation that has focus and two embeds on one page never fight.

export type PlaybackCommand = 'toggle' | 'stepForward' | 'stepBack' | 'toStart' | 'toEnd' | 'faster' | 'slower';

const KEYS: Record<string, PlaybackCommand> = {
  ' ': 'toggle',
  ArrowRight: 'stepForward',
  ArrowLeft: 'stepBack',
  Home: 'toStart',
  End: 'toEnd',
  '+': 'faster',
  '=': 'faster',
  '-': 'slower',
  '_': 'slower',
};

/** Fields own every key (typing, sliders, menus); buttons and links own space, which presses them. */
const OWNS_ALL_KEYS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const OWNS_SPACE = new Set(['BUTTON', 'SUMMARY', 'A']);

export function commandForKey(key: string, target: { tagName: string; isContentEditable?: boolean }, hasModifier: boolean): PlaybackCommand | undefined {
  if (hasModifier || OWNS_ALL_KEYS.has(target.tagName) || target.isContentEditable) return undefined;
  if (key === ' ' && OWNS_SPACE.has(target.tagName)) return undefined;
  return KEYS[key];
}

/** The key handler of every simulation root: the key's command runs on its playback once there is something to play. */
export function handlePlaybackKey(event: KeyboardEvent, playback: Record<PlaybackCommand, () => void>, canPlay: boolean): void {
  const command = commandForKey(event.key, event.target as HTMLElement, event.ctrlKey || event.metaKey || event.altKey || event.shiftKey);
  if (!command || !canPlay) return;
  event.preventDefault();
  playback[command]();
}
