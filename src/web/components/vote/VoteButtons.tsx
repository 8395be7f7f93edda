import type { VoteValue } from '../../../domain/enums.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const CHOICES: Array<{
  value: VoteValue;
  key: 'vote.agree' | 'vote.disagree' | 'vote.pass';
  className: string;
}> = [
  { value: 1, key: 'vote.agree', className: 'vote--agree' },
  { value: -1, key: 'vote.disagree', className: 'vote--disagree' },
  { value: 0, key: 'vote.pass', className: 'vote--pass' },
];

/** Agree, disagree, pass: large targets for thumbs on a phone; the current choice is pressed. */
export function VoteButtons({
  current,
  onVote,
  compact = false,
  label,
}: {
  current?: VoteValue;
  onVote(value: VoteValue): void;
  compact?: boolean;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <div
      className={compact ? 'vote-buttons vote-buttons--compact' : 'vote-buttons'}
      role="group"
      aria-label={label}
    >
      {CHOICES.map((c) => (
        <button
          key={c.value}
          type="button"
          className={`vote ${c.className}`}
          aria-pressed={current === c.value}
          onClick={() => onVote(c.value)}
        >
          {t(c.key)}
        </button>
      ))}
    </div>
  );
}
