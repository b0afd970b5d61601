// Where inside 活动阵地 the user is, from the hash (#/venues, #/venues/new, #/venues/<id>, #/venues/<id>/edit),
// so that a reload or the back button returns to the same venue.
import { useSyncExternalStore } from 'react';

export type VenueRoute =
  { view: 'list' } | { view: 'new' } | { view: 'venue'; id: string } | { view: 'edit'; id: string };

export function venueRouteFromHash(hash: string): VenueRoute {
  const [section, first, second] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (section !== 'venues' || !first) return { view: 'list' };
  if (first === 'new') return { view: 'new' };
  const id = decodeURIComponent(first);
  return second === 'edit' ? { view: 'edit', id } : { view: 'venue', id };
}

export function venueHref(route: VenueRoute): string {
  switch (route.view) {
    case 'list':
      return '#/venues';
    case 'new':
      return '#/venues/new';
    case 'venue':
      return `#/venues/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `#/venues/${encodeURIComponent(route.id)}/edit`;
  }
}

export function goToVenues(route: VenueRoute): void {
  window.location.hash = venueHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useVenueRoute(): VenueRoute {
  // The hash string is the stable snapshot; parsing it each render is cheap.
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return venueRouteFromHash(hash);
}
