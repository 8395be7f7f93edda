import type { Statement } from '../../../domain/statements.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * A statement's words, always as text (React escapes them: markup in a statement never runs),
 * with its translation into the other working language when there is one.
 */
export function StatementText({
  statement: s,
  large = false,
}: {
  statement: Statement;
  large?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className={large ? 'statement statement--large' : 'statement'}>
      <p className="statement__kind">{t(`statementKind.${s.kind}`)}</p>
      <p className="statement__text" dir="auto" lang={s.language}>
        {s.text}
      </p>
      {s.translation && (
        <p className="statement__translation" dir="auto">
          {s.translation}
        </p>
      )}
      {s.author && (
        <p className="muted">
          — <bdi>{s.author.name}</bdi>
        </p>
      )}
    </div>
  );
}
