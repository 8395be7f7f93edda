import type { AnalysisSummary } from '../../../domain/analysis.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { convexHull, fitScale, spreadLabels, stackPoints, type Point } from './geometry.ts';
import { groupColour, groupLetter } from './palette.ts';

const SIZE = 400;

/**
 * The opinion map: each dot a participant (never named), placed near those who voted alike and
 * coloured by opinion group; each group outlined; statements placed where a lone agreer would sit,
 * labelled with their number in the lists.
 */
export function OpinionMap({
  summary,
  numbers,
}: {
  summary: AnalysisSummary;
  numbers: ReadonlyMap<string, number>;
}) {
  const { t } = useI18n();
  const all: Point[] = [
    ...summary.points.map((p) => [p.x, p.y] as Point),
    ...summary.statements.map((s) => [s.x, s.y] as Point),
  ];
  const scale = fitScale(all, SIZE);
  const groups = [...new Set(summary.points.map((p) => p.group))].sort((a, b) => a - b);
  // Statements close together would hide each other's numbers: spread the labels, with a leader line.
  const labels = spreadLabels(
    summary.statements.map((s) => scale([s.x, s.y])),
    24,
    20,
    SIZE,
  );
  const description = t('map.description', {
    participants: summary.points.length,
    groups: groups.length,
  });

  return (
    <figure className="opinion-map">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={description}
        className="opinion-map__svg"
      >
        <rect x="0" y="0" width={SIZE} height={SIZE} fill="#fff" stroke="#c9d0d8" />
        {groups.map((g) => {
          const hull = convexHull(
            summary.points.filter((p) => p.group === g).map((p) => scale([p.x, p.y])),
          );
          const style = {
            fill: groupColour(g),
            fillOpacity: 0.08,
            stroke: groupColour(g),
            strokeWidth: 2,
          };
          if (hull.length >= 3)
            return (
              <polygon
                key={`hull-${g}`}
                points={hull.map((p) => p.join(',')).join(' ')}
                strokeLinejoin="round"
                {...style}
              />
            );
          // One place (or two): outline it with a rounded shape instead of a polygon.
          const [a, b = a] = hull;
          const r = 18 + Math.hypot(b[0] - a[0], b[1] - a[1]) / 2;
          return (
            <ellipse
              key={`hull-${g}`}
              cx={(a[0] + b[0]) / 2}
              cy={(a[1] + b[1]) / 2}
              rx={r}
              ry={Math.min(r, 22)}
              {...style}
            />
          );
        })}
        {stackPoints(summary.points).map((p, i) => {
          const [x, y] = scale([p.x, p.y]);
          return (
            <g key={i} className="opinion-map__participant">
              <circle
                cx={x}
                cy={y}
                r={5 + 2 * Math.sqrt(p.count - 1)}
                fill={groupColour(p.group)}
                stroke="#fff"
                strokeWidth="1"
              />
              {p.count > 1 && (
                <text x={x + 10} y={y - 8} fontSize="11" fill="#1b1f24">
                  ×{p.count}
                </text>
              )}
            </g>
          );
        })}
        {summary.statements.map((s, i) => {
          const [ax, ay] = scale([s.x, s.y]);
          const [x, y] = labels[i];
          return (
            <g key={s.statementId} className="opinion-map__statement">
              {(x !== ax || y !== ay) && (
                <line x1={ax} y1={ay} x2={x} y2={y} stroke="#1b1f24" strokeWidth="1" />
              )}
              <rect x={x - 11} y={y - 9} width="22" height="18" rx="3" fill="#1b1f24" />
              <text x={x} y={y + 4} textAnchor="middle" fontSize="12" fill="#fff">
                {numbers.get(s.statementId) ?? '?'}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <p className="muted">{description}</p>
        <ul className="legend">
          {summary.groups.map((g) => (
            <li key={g.id}>
              <span
                className="legend__swatch"
                style={{ background: groupColour(g.id) }}
                aria-hidden="true"
              />
              {t('map.group', { letter: groupLetter(g.id), count: g.size })}
            </li>
          ))}
          <li>
            <span className="legend__statement" aria-hidden="true">
              1
            </span>
            {t('map.statementMarker')}
          </li>
        </ul>
        {summary.noOpinionStructure && <p className="muted">{t('map.noStructure')}</p>}
      </figcaption>
    </figure>
  );
}
