import type { AnalysisSummary } from '../../../domain/analysis.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { spreadLabels } from './geometry.ts';
import { groupColour, groupLetter } from './palette.ts';

const SIZE = 400;
const PADDING = 28;

/** Released positions lie in [-1, 1] on both axes (analysis/disclosure/map.ts). */
const toSvg = (x: number, y: number): [number, number] => [
  PADDING + ((x + 1) / 2) * (SIZE - 2 * PADDING),
  PADDING + ((1 - y) / 2) * (SIZE - 2 * PADDING),
];
const toSvgLength = (r: number) => (r / 2) * (SIZE - 2 * PADDING);

/**
 * The opinion map as released: each opinion group of at least k people as a shaded ellipse
 * (where its members sit, and how spread out they are), labelled with its letter and size;
 * statements at coarse positions, labelled with their number in the lists. No one's own point
 * is drawn: no one's is released.
 */
export function OpinionMap({
  summary,
  numbers,
}: {
  summary: AnalysisSummary;
  numbers: ReadonlyMap<string, number>;
}) {
  const { t } = useI18n();
  const { regions, statements, notShown } = summary.map;
  // Statements close together would hide each other's numbers: spread the labels, with a leader line.
  const anchors = statements.map((s) => toSvg(s.x, s.y));
  const labels = spreadLabels(anchors, 24, 20, SIZE);
  const description = t('map.description', {
    groups: regions
      .map((r) => t('map.group', { letter: groupLetter(r.group), count: r.size }))
      .join(', '),
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
        {regions.map((r) => {
          const [cx, cy] = toSvg(r.centre[0], r.centre[1]);
          const degrees = (-r.angle * 180) / Math.PI;
          const [rx, ry] = [
            Math.max(14, toSvgLength(r.radii[0])),
            Math.max(14, toSvgLength(r.radii[1])),
          ];
          // The label sits on the side away from the centre of the map, clear of the others.
          const outward = Math.sign(cx - SIZE / 2 || 1);
          const labelX = Math.min(SIZE - 8, Math.max(8, cx + outward * Math.min(rx, 60)));
          const labelY = Math.max(16, cy - Math.min(ry, 60) - 6);
          return (
            <g key={r.group} className="opinion-map__region">
              <ellipse
                cx={cx}
                cy={cy}
                rx={rx}
                ry={ry}
                transform={`rotate(${degrees} ${cx} ${cy})`}
                fill={groupColour(r.group)}
                fillOpacity={0.18}
                stroke={groupColour(r.group)}
                strokeWidth={2}
              />
              <text
                x={labelX}
                y={labelY}
                textAnchor={outward > 0 ? 'end' : 'start'}
                fontSize="13"
                fontWeight="bold"
                fill={groupColour(r.group)}
              >
                {t('map.group', { letter: groupLetter(r.group), count: r.size })}
              </text>
            </g>
          );
        })}
        {statements.map((s, i) => {
          const [ax, ay] = anchors[i];
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
        <ul className="legend">
          {regions.map((r) => (
            <li key={r.group}>
              <span
                className="legend__swatch"
                style={{ background: groupColour(r.group) }}
                aria-hidden="true"
              />
              {t('map.group', { letter: groupLetter(r.group), count: r.size })}
            </li>
          ))}
          <li>
            <span className="legend__statement" aria-hidden="true">
              1
            </span>
            {t('map.statementMarker')}
          </li>
        </ul>
        {notShown > 0 && (
          <p className="muted">{t('map.notShown', { count: notShown, k: summary.k })}</p>
        )}
        {summary.noOpinionStructure && <p className="muted">{t('map.noStructure')}</p>}
      </figcaption>
    </figure>
  );
}
