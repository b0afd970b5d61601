// The section keys used in the URL hash (#/branch); kept apart from the pages so navigation helpers import no UI.
export const ROUTE_KEYS = [
  'home',
  'overview',
  'branch',
  'venues',
  'records',
  'responsibility',
  'standards',
  'learning',
  'dossier',
  'security',
] as const;
export type RouteKey = (typeof ROUTE_KEYS)[number];
export const DEFAULT_ROUTE: RouteKey = 'home';

export function isRouteKey(value: string): value is RouteKey {
  return (ROUTE_KEYS as readonly string[]).includes(value);
}
