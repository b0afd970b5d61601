// A venue's size as the page, the card and the dossier show it.
import { describe, expect, it } from 'vitest';
import { areaText, capacityText } from '../../../shared/domain/venueText';

describe('venue size text', () => {
  it('reads a room in ㎡ and people, and a venue without one as —', () => {
    expect([areaText(36), areaText(4.8), areaText(0)]).toEqual(['36 ㎡', '4.8 ㎡', '—']);
    expect([capacityText(30), capacityText(0)]).toEqual(['30 人', '—']);
  });
});
