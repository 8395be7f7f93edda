import { api } from '../../api/client.ts';
import { getOrNull, type ConclusionsView } from '../../api/outcomes.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Loading } from '../Loading.tsx';
import { Problem } from '../Problem.tsx';
import { History } from './OutcomeItemCard.tsx';
import { Markdown } from './Markdown.tsx';
import { VersionedEditor } from './VersionedEditor.tsx';

/** The agreed conclusions: the text, each delegation's endorsement of the current version, endorsing. */
export function ConclusionsPanel({
  roundId,
  canWrite,
  headOf,
}: {
  roundId: string;
  canWrite: boolean;
  headOf: string | null;
}) {
  const { t, dateTime } = useI18n();
  const data = useResource(
    () => getOrNull<ConclusionsView>(`/rounds/${roundId}/conclusions`),
    roundId,
  );
  const submit = useSubmit();
  if (data.loading && data.data === undefined) return <Loading />;
  if (data.data === undefined) return <Problem error={data.error} />;
  // Not drafted yet: an empty text at version 0, the base of the first draft.
  const c: ConclusionsView = data.data ?? {
    roundId,
    body: '',
    version: 0,
    frozenAt: null,
    endorsements: [],
    updatedAt: '',
  };
  const mine = headOf ? c.endorsements.find((e) => e.delegationId === headOf) : undefined;
  const endorse = () =>
    submit.run(async () => {
      await api.post(`/rounds/${roundId}/conclusions/endorsements`, { version: c.version });
      data.reload();
    });
  return (
    <section aria-labelledby="conclusions-heading">
      <h2 id="conclusions-heading">{t('outcomes.conclusions.title')}</h2>
      {c.frozenAt && (
        <p className="notice">{t('outcomes.conclusions.frozen', { time: dateTime(c.frozenAt) })}</p>
      )}
      {canWrite && !c.frozenAt ? (
        <VersionedEditor
          key={c.version}
          label={t('outcomes.conclusions.body')}
          text={c}
          save={(baseVersion, { body }) =>
            api.put(`/rounds/${roundId}/conclusions`, { baseVersion, body })
          }
          onSaved={data.reload}
        />
      ) : c.body ? (
        <Markdown source={c.body} />
      ) : (
        <p className="muted">{t('outcomes.conclusions.empty')}</p>
      )}
      <h3>{t('outcomes.conclusions.endorsements', { version: c.version })}</h3>
      <ul className="endorsements">
        {c.endorsements.map((e) => (
          <li key={e.delegationId}>
            <bdi>{e.delegation}</bdi>:{' '}
            <span className={`badge${e.endorsed ? ' badge--approved' : ''}`}>
              {e.endorsed ? t('outcomes.conclusions.endorsed') : t('outcomes.conclusions.notYet')}
            </span>
          </li>
        ))}
      </ul>
      {mine && !mine.endorsed && c.version > 0 && (
        <p className="actions">
          <button
            type="button"
            className="button--primary"
            onClick={endorse}
            disabled={submit.busy}
          >
            {t('outcomes.conclusions.endorse', { version: c.version })}
          </button>
        </p>
      )}
      <Problem error={submit.error} />
      {c.version > 0 && (
        <details className="disclosure">
          <summary>{t('outcomes.history.title')}</summary>
          <History path={`/rounds/${roundId}/conclusions/revisions`} version={c.version} />
        </details>
      )}
    </section>
  );
}
