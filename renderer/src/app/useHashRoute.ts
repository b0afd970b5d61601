// The current section from location.hash (#/branch…): hash routes need no server fallback on app:// or vite preview.
import { useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE, isRouteKey, type RouteKey } from './routeKeys';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** '#/branch' → 'branch'; anything unknown falls back to the 工作台. */
export function routeFromHash(hash: string): RouteKey {
  const key = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRouteKey(key) ? key : DEFAULT_ROUTE;
}

export function hrefOf(route: RouteKey): string {
  return `#/${route}`;
}

export function navigate(route: RouteKey): void {
  window.location.hash = hrefOf(route);
}

export function useHashRoute(): RouteKey {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}
