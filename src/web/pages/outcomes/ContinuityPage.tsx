import { api } from '../../api/client.ts';
import type { ContinuityView } from '../../api/outcomes.ts';
import { useResource } from '../../api/useResource.ts';
import { GROUP_COLOURS } from '../../components/charts/palette.ts';
import { Loading } from '../../components/Loading.tsx';
import { Problem } from '../../components/Problem.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import './outcomes.css';

const KINDS = ['new', 'carried', 'closed'] as const;
const KIND_COLOURS = { new: '#0b5cad', carried: '#8a4b00', closed: '#1a7f37' };

/** A series followed across rounds: recommendations new, carried and closed, and how agreement moved on questions asked again. */
export default function ContinuityPage({ seriesId }: { seriesId: string }) {
  const { t } = useI18n();
  const data = useResource(
    () => api.get<ContinuityView>(`/series/${seriesId}/continuity`),
    seriesId,
  );
  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <Problem error={data.error} />;
  const c = data.data;
  return (
    <section>
      <h1>{t('continuity.title')}</h1>
      <h2>{t('continuity.recs')}</h2>
      {c.rounds.length === 0 ? (
        <p>{t('continuity.noRounds')}</p>
      ) : (
        <RoundsChart rounds={c.rounds} />
      )}
      <details className="disclosure">
        <summary>{t('continuity.numbers')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('continuity.round')}</th>
              {KINDS.map((k) => (
                <th key={k} scope="col">
                  {t(`continuity.kind.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.rounds.map((r) => (
              <tr key={r.roundId}>
                <th scope="row">{r.number}</th>
                {KINDS.map((k) => (
                  <td key={k}>
                    <bdi>{r.recommendations[k].join(', ') || '—'}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h2>{t('continuity.askedAgain')}</h2>
      {c.askedAgain.length === 0 && <p>{t('continuity.noneAskedAgain')}</p>}
      <div className="slopes">
        {c.askedAgain.map((thread, i) => (
          <SlopeChart key={i} points={thread.points} />
        ))}
      </div>
    </section>
  );
}

function RoundsChart({ rounds }: { rounds: ContinuityView['rounds'] }) {
  const { t, number } = useI18n();
  const max = Math.max(1, ...rounds.flatMap((r) => KINDS.map((k) => r.recommendations[k].length)));
  const group = 3 * 22 + 24;
  const width = 40 + rounds.length * group;
  const height = 180;
  const y = (n: number) => 20 + (1 - n / max) * 120;
  const summary = rounds
    .map((r) =>
      t('continuity.roundSummary', {
        number: r.number,
        new: r.recommendations.new.length,
        carried: r.recommendations.carried.length,
        closed: r.recommendations.closed.length,
      }),
    )
    .join('; ');
  return (
    <figure>
      <svg
        className="continuity-chart"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={summary}
      >
        <line x1={30} x2={width} y1={140} y2={140} stroke="#4a5360" />
        {rounds.map((r, i) => (
          <g key={r.roundId} transform={`translate(${40 + i * group},0)`}>
            {KINDS.map((k, j) => {
              const n = r.recommendations[k].length;
              return (
                <g key={k}>
                  <rect x={j * 22} y={y(n)} width={18} height={140 - y(n)} fill={KIND_COLOURS[k]} />
                  <text x={j * 22 + 9} y={y(n) - 4} textAnchor="middle">
                    {number(n)}
                  </text>
                </g>
              );
            })}
            <text x={33} y={160} textAnchor="middle">
              {t('round.heading', { number: r.number })}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        {KINDS.map((k) => (
          <span key={k}>
            <span aria-hidden="true" style={{ color: KIND_COLOURS[k] }}>
              ■
            </span>{' '}
            {t(`continuity.kind.${k}`)}{' '}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** One statement asked in several rounds: a line per delegation from its agree share in one round to the next. */
function SlopeChart({ points }: { points: ContinuityView['askedAgain'][number]['points'] }) {
  const { t, percent } = useI18n();
  const delegations = [
    ...new Map(
      points.flatMap((p) => p.delegations.map((d) => [d.delegationId, d.name] as const)),
    ).entries(),
  ];
  const width = 380;
  const height = 200;
  const x = (i: number) =>
    50 + (points.length <= 1 ? 0 : (i * (width - 190)) / (points.length - 1));
  const y = (share: number) => 20 + (1 - share) * 150;
  const shareOf = (i: number, id: string) => {
    const d = points[i].delegations.find((x) => x.delegationId === id);
    return d ? d.agreeShare : null;
  };
  const lines = delegations.map(([id, name], k) => ({
    id,
    name,
    colour: GROUP_COLOURS[k % GROUP_COLOURS.length],
    known: points
      .map((_, i) => [i, shareOf(i, id)] as const)
      .filter(([, s]) => s !== null) as Array<readonly [number, number]>,
  }));
  // End-of-line labels, pushed apart where two delegations end at (nearly) the same share.
  const labels = lines
    .filter((l) => l.known.length > 0)
    .map((l) => ({
      id: l.id,
      x: x(l.known.at(-1)![0]),
      y: y(l.known.at(-1)![1]),
      text: `${l.name} ${percent(l.known.at(-1)![1])}`,
    }))
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < labels.length; i++) labels[i].y = Math.max(labels[i].y, labels[i - 1].y + 14);
  const description = delegations
    .map(
      ([id, name]) =>
        `${name}: ${points.map((p, i) => `${t('round.heading', { number: p.roundNumber })} ${shareOf(i, id) === null ? '—' : percent(shareOf(i, id)!)}`).join(' → ')}`,
    )
    .join('; ');
  return (
    <figure className="card">
      <figcaption>
        <bdi>{points.at(-1)?.text}</bdi>
      </figcaption>
      <svg
        className="slope-chart"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={`${t('continuity.slopeLabel')}: ${description}`}
      >
        <line x1={40} x2={40} y1={20} y2={170} stroke="#4a5360" />
        <text x={36} y={24} textAnchor="end">
          100%
        </text>
        <text x={36} y={174} textAnchor="end">
          0%
        </text>
        {points.map((p, i) => (
          <text key={p.statementId} x={x(i)} y={192} textAnchor="middle">
            {t('round.heading', { number: p.roundNumber })}
          </text>
        ))}
        {lines.map((line) => (
          <g key={line.id}>
            <polyline
              fill="none"
              stroke={line.colour}
              strokeWidth={2.5}
              points={line.known.map(([i, s]) => `${x(i)},${y(s)}`).join(' ')}
            />
            {line.known.map(([i, s]) => (
              <circle key={i} cx={x(i)} cy={y(s)} r={4} fill={line.colour} />
            ))}
          </g>
        ))}
        {labels.map((l) => (
          <text key={l.id} x={l.x + 8} y={l.y + 4}>
            {l.text}
          </text>
        ))}
      </svg>
    </figure>
  );
}
