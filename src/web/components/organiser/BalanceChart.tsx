import type { BalanceBar, RoundBalance } from '../../api/types.ts';
import { useI18n, type I18n } from '../../i18n/I18nProvider.tsx';
import { backgroundLabel, genderLabel, roleLabel } from '../../i18n/labels.ts';

function Bars({
  title,
  bars,
  label,
}: {
  title: string;
  bars: BalanceBar[];
  label(bar: BalanceBar): string;
}) {
  const { number } = useI18n();
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <figure className="balance">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <ul className="bars">
        {bars.map((b) => (
          <li key={b.key} className="bars__row">
            <span className="bars__label">
              <bdi>{label(b)}</bdi>
            </span>
            <span className="bars__track" aria-hidden="true">
              <span className="bars__fill" style={{ inlineSize: `${(100 * b.count) / max}%` }} />
            </span>
            <span className="bars__value">{number(b.count)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

const delegationName = (i18n: I18n) => (b: BalanceBar) =>
  b.key === 'none' ? i18n.t('participation.noDelegation') : b.label;

/** Who is in the room at a glance: bars by delegation, background and gender (declined and withdrawn not counted). */
export function BalanceChart({ balance }: { balance: RoundBalance }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="balance-heading">
      <h2 id="balance-heading">{t('balance.title')}</h2>
      <p className="muted">{t('balance.counted', { count: balance.counted })}</p>
      <div className="balance-grid">
        <Bars
          title={t('balance.byDelegation')}
          bars={balance.byDelegation}
          label={delegationName(i18n)}
        />
        <Bars
          title={t('balance.byBackground')}
          bars={balance.byBackground}
          label={(b) => backgroundLabel(i18n, b.key)}
        />
        <Bars
          title={t('balance.byGender')}
          bars={balance.byGender}
          label={(b) => genderLabel(i18n, b.key)}
        />
        <Bars
          title={t('balance.byRole')}
          bars={balance.byRole}
          label={(b) => roleLabel(i18n, b.key)}
        />
      </div>
    </section>
  );
}
