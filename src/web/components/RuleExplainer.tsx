import type { AttributionRule } from '../../domain/enums.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A session's attribution rule named and explained in plain words, before anyone contributes. */
export function RuleExplainer({
  rule,
  compact = false,
}: {
  rule: AttributionRule;
  compact?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className={`rule rule--${rule}`}>
      <p className="rule__name">
        <strong>{t(`rule.${rule}.name`)}</strong>
      </p>
      {!compact && <p className="rule__explain">{t(`rule.${rule}.explain`)}</p>}
    </div>
  );
}
