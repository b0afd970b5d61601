// The 历年考评得分 chart fits its card: ten years of all three kinds drew a 1,088 px picture that pushed a 1024 px
// window's page sideways. It is drawn to its card's width (never wider than its natural size, so a year or two stay
// as they were), and only when even a smaller drawing would make its numbers too small to read does the chart scroll
// inside its card — never the page.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ASSESSMENT_KINDS } from '../../../shared/domain/vocab';
import type { YearTotal } from '../../../renderer/src/db/repositories/assessments';
import { YearChart } from '../../../renderer/src/features/standards/YearChart';

afterEach(cleanup);

const decade = (kinds: readonly YearTotal['kind'][]): YearTotal[] =>
  Array.from({ length: 10 }, (_, i) => String(2016 + i)).flatMap((year) =>
    kinds.map((kind) => ({ year, kind, total: 80, totalScore: 100 })),
  );

describe('YearChart', () => {
  it('scales to its card: a viewBox, the card’s width at most, and never more than its own size', () => {
    render(<YearChart totals={decade(ASSESSMENT_KINDS)} />);
    const svg = screen.getByRole('img', { name: /^历年考评得分：2016年自评 80 分/ });
    const [x, y, w, h] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
    expect([x, y]).toEqual([0, 0]);
    expect(w).toBeGreaterThan(1000);
    expect(h).toBeGreaterThan(0);
    // No width in pixels: the card's width, up to the drawing's own.
    expect(svg.getAttribute('width')).toBe('100%');
    expect(svg.style.maxWidth).toBe(`${w}px`);
    expect(svg.style.height).toBe('auto');
    // Smaller than that its numbers could not be read: the chart scrolls in its card instead.
    expect(Number.parseFloat(svg.style.minWidth)).toBeLessThan(w!);
    expect(svg.parentElement?.style.overflowX).toBe('auto');
  });

  it('a single year keeps its size', () => {
    render(<YearChart totals={[{ year: '2025', kind: '自评', total: 67, totalScore: 100 }]} />);
    const svg = screen.getByRole('img', { name: '历年考评得分：2025年自评 67 分' });
    expect(svg.style.maxWidth).toBe(`${(svg.getAttribute('viewBox') ?? '').split(' ')[2]}px`);
  });
});
