import type { VoteValue } from '../../../domain/enums.ts';
import type { Statement } from '../../../domain/statements.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { VoteButtons } from './VoteButtons.tsx';

/** The statements already voted on, each with its current vote, to change while the session is open. */
export function MyVotesList({
  statements,
  votes,
  onVote,
  canChange,
}: {
  statements: Statement[];
  votes: ReadonlyMap<string, VoteValue>;
  onVote(statementId: string, value: VoteValue): void;
  canChange: boolean;
}) {
  const { t } = useI18n();
  const voted = statements.filter((s) => votes.has(s.id));
  if (voted.length === 0) return null;
  return (
    <details className="disclosure">
      <summary>{t('vote.myVotes', { count: voted.length })}</summary>
      <ul className="plain-list">
        {voted.map((s) => (
          <li key={s.id} className="card">
            <p className="statement__text" dir="auto">
              {s.text}
            </p>
            {canChange ? (
              <VoteButtons
                compact
                current={votes.get(s.id)}
                onVote={(v) => onVote(s.id, v)}
                label={t('vote.changeFor', { text: s.text.slice(0, 60) })}
              />
            ) : (
              <p>
                {t('vote.yourVote')}{' '}
                <strong>
                  {t(
                    votes.get(s.id) === 1
                      ? 'vote.agree'
                      : votes.get(s.id) === -1
                        ? 'vote.disagree'
                        : 'vote.pass',
                  )}
                </strong>
              </p>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
