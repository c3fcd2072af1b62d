import { boundedEditDistance } from '../core/search/edit-distance.js';

/** The known name a mistyped one most likely meant (`lokup` → `lookup`), or undefined when none is close. */
export function nearestName(typed: string, known: readonly string[]): string | undefined {
  const wanted = typed.toLowerCase().replace(/^\//, '');
  if (wanted.length === 0) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = name.startsWith(wanted) && wanted.length >= 3 ? 0.5 : boundedEditDistance(wanted, name, 2);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
