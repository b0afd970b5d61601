// Year-on-year totals as a plain SVG bar chart (no chart library): one group of bars per year, one bar per 考评 kind.
import { ASSESSMENT_KINDS } from '../../../../shared/domain/vocab';
import { formatScore } from '../../../../shared/standards';
import type { YearTotal } from '../../db/repositories/assessments';

const COLORS: Record<(typeof ASSESSMENT_KINDS)[number], string> = {
  自评: '#b71c1c',
  上级评定: '#1f5fa8',
  群众评议: '#d48806',
};
const BAR = 22;
const GAP = 6;
const GROUP_GAP = 28;
const HEIGHT = 160;
const TOP = 18;
// Drawn smaller than this part of its size, the numbers (11 px) would be too small to read: the chart scrolls in its
// card instead.
const SMALLEST = 0.8;

export function YearChart({ totals }: Readonly<{ totals: readonly YearTotal[] }>) {
  const years = [...new Set(totals.map((t) => t.year))].sort();
  const kinds = ASSESSMENT_KINDS.filter((k) => totals.some((t) => t.kind === k));
  const groupWidth = kinds.length * (BAR + GAP) - GAP;
  const width = Math.max(240, years.length * (groupWidth + GROUP_GAP) + GROUP_GAP);
  const description = totals.map((t) => `${t.year}年${t.kind} ${formatScore(t.total)} 分`).join('，');
  // As wide as its card, never wider than its own size (ten years of three kinds are 1,088 px): the page never scrolls
  // sideways for it.
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-label={`历年考评得分：${description}`}
          width="100%"
          viewBox={`0 0 ${width} ${HEIGHT + TOP + 24}`}
          style={{ display: 'block', height: 'auto', maxWidth: width, minWidth: Math.round(width * SMALLEST) }}
        >
          <line x1={0} x2={width} y1={TOP + HEIGHT} y2={TOP + HEIGHT} stroke="#bbb" />
          {years.map((year, yi) => {
            const x0 = GROUP_GAP + yi * (groupWidth + GROUP_GAP);
            return (
              <g key={year}>
                {kinds.map((kind, ki) => {
                  const t = totals.find((row) => row.year === year && row.kind === kind);
                  if (!t) return null;
                  const h = Math.round((HEIGHT * t.total) / (t.totalScore || 100));
                  const x = x0 + ki * (BAR + GAP);
                  return (
                    <g key={kind}>
                      <rect x={x} y={TOP + HEIGHT - h} width={BAR} height={h} fill={COLORS[kind]}>
                        <title>{`${year}年${kind}：${formatScore(t.total)} 分`}</title>
                      </rect>
                      <text x={x + BAR / 2} y={TOP + HEIGHT - h - 4} textAnchor="middle" fontSize={11}>
                        {formatScore(t.total)}
                      </text>
                    </g>
                  );
                })}
                <text x={x0 + groupWidth / 2} y={TOP + HEIGHT + 16} textAnchor="middle" fontSize={12}>
                  {year}年
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption style={{ display: 'flex', gap: 16, fontSize: 12 }}>
        {kinds.map((kind) => (
          <span key={kind}>
            <span
              style={{ display: 'inline-block', width: 10, height: 10, background: COLORS[kind], marginInlineEnd: 4 }}
            />
            {kind}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
