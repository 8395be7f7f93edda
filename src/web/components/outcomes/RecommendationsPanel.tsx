import { useState } from 'react';
import type { Page } from '../../../domain/common.ts';
import type { RecommendationStatus } from '../../../domain/outcomes.ts';
import type { Round, Session } from '../../../domain/rounds.ts';
import { api } from '../../api/client.ts';
import { RECOMMENDATION_STATUSES, type RecommendationView } from '../../api/outcomes.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SelectField, TextAreaField, TextField } from '../Field.tsx';
import { Loading } from '../Loading.tsx';
import { Problem } from '../Problem.tsx';
import { EvidenceLink } from './EvidenceLink.tsx';
import { Markdown } from './Markdown.tsx';

interface Props {
  round: Round;
  sessions: Session[];
  canWrite: boolean;
  canOrganise: boolean;
}

/** Recommendations with their stable R-codes, status timelines, status changes and carrying. */
export function RecommendationsPanel({ round, sessions, canWrite, canOrganise }: Props) {
  const { t } = useI18n();
  const list = useResource(
    () => api.get<{ items: RecommendationView[] }>(`/rounds/${round.id}/recommendations`),
    round.id,
  );
  // Later rounds of the series, where organisers may carry a recommendation (only they may list them).
  const rounds = useResource(
    () =>
      canOrganise
        ? api.get<Page<Round>>(`/series/${round.seriesId}/rounds?limit=200`)
        : Promise.resolve({ items: [] as Round[] }),
    `${round.seriesId}:${canOrganise}`,
  );
  const laterRounds = (rounds.data?.items ?? []).filter((r) => r.number > round.number);
  if (list.loading && !list.data) return <Loading />;
  if (!list.data) return <Problem error={list.error} />;
  return (
    <section aria-labelledby="recs-heading">
      <h2 id="recs-heading">{t('outcomes.recs.title')}</h2>
      {list.data.items.length === 0 && <p>{t('outcomes.recs.empty')}</p>}
      {list.data.items.map((r) => (
        <RecommendationCard
          key={`${r.id}:${r.history.length}:${r.carriedInto.length}`}
          rec={r}
          canWrite={canWrite}
          laterRounds={canOrganise ? laterRounds : []}
          onChanged={list.reload}
        />
      ))}
      {canWrite && (
        <details className="disclosure">
          <summary>{t('outcomes.recs.new')}</summary>
          <NewRecommendation roundId={round.id} sessions={sessions} onCreated={list.reload} />
        </details>
      )}
    </section>
  );
}

function RecommendationCard({
  rec,
  canWrite,
  laterRounds,
  onChanged,
}: {
  rec: RecommendationView;
  canWrite: boolean;
  laterRounds: Round[];
  onChanged(): void;
}) {
  const { t, date } = useI18n();
  const [status, setStatus] = useState<RecommendationStatus>(rec.status);
  const [on, setOn] = useState('');
  const [evidence, setEvidence] = useState('');
  const [url, setUrl] = useState('');
  const [carryTo, setCarryTo] = useState('');
  const submit = useSubmit();
  const carry = useSubmit();
  const change = (event: React.FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      // Empty fields are sent as they are, so the server names what is missing.
      const body: Record<string, unknown> = { status };
      if (on) body.on = on;
      if (evidence || url) body.evidence = { text: evidence, ...(url ? { url } : {}) };
      await api.post(`/recommendations/${rec.id}/status`, body);
      onChanged();
    });
  };
  const evidenceError = submit.fields['evidence.text'] ?? submit.fields.evidence;
  const carriedTo = new Set(rec.carriedInto.map((c) => c.roundId));
  const carryOptions = laterRounds.filter((r) => !carriedTo.has(r.id));
  return (
    <article className="card recommendation" aria-labelledby={`rec-${rec.id}`}>
      <h3 id={`rec-${rec.id}`}>
        <bdi>{rec.code}</bdi> <bdi>{rec.title}</bdi>
      </h3>
      <p>
        <span className="tag">{t(`outcomes.recs.status.${rec.status}`)}</span>
        {rec.carried && (
          <>
            {' '}
            <span className="tag">{t('outcomes.recs.carried', { number: rec.roundNumber })}</span>
          </>
        )}
        {rec.addressees.length > 0 && (
          <>
            {' '}
            · {t('outcomes.recs.to')} <bdi>{rec.addressees.join(', ')}</bdi>
          </>
        )}
      </p>
      {rec.body && <Markdown source={rec.body} />}
      <h4>{t('outcomes.recs.timeline')}</h4>
      <ol className="timeline">
        {rec.history.map((h) => (
          <li key={h.at}>
            <strong>{t(`outcomes.recs.status.${h.status}`)}</strong> · {date(h.on)}:{' '}
            <bdi>{h.evidence}</bdi>
            <EvidenceLink url={h.evidenceUrl} label={t('outcomes.recs.source')} />
          </li>
        ))}
      </ol>
      {rec.carriedInto.length > 0 && (
        <p className="muted">
          {t('outcomes.recs.carriedInto', {
            rounds: rec.carriedInto.map((c) => c.roundNumber).join(', '),
          })}
        </p>
      )}
      {canWrite && (
        <details className="disclosure">
          <summary>{t('outcomes.recs.change', { code: rec.code })}</summary>
          <form className="form" onSubmit={change} noValidate>
            <SelectField
              label={t('outcomes.recs.newStatus')}
              value={status}
              onChange={(e) => setStatus(e.target.value as RecommendationStatus)}
              options={RECOMMENDATION_STATUSES.map((s) => ({
                value: s,
                label: t(`outcomes.recs.status.${s}`),
              }))}
              error={submit.fields.status}
            />
            <TextField
              type="date"
              label={t('outcomes.recs.on')}
              value={on}
              onChange={(e) => setOn(e.target.value)}
              error={submit.fields.on}
            />
            <TextAreaField
              label={t('outcomes.recs.evidence')}
              value={evidence}
              rows={2}
              onChange={(e) => setEvidence(e.target.value)}
              error={evidenceError}
            />
            <TextField
              type="url"
              label={t('outcomes.recs.evidenceUrl')}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              error={submit.fields['evidence.url']}
            />
            <Problem
              error={submit.error}
              shownFields={['status', 'on', 'evidence', 'evidence.text', 'evidence.url']}
            />
            <p className="actions">
              <button type="submit" disabled={submit.busy}>
                {t('outcomes.recs.saveStatus')}
              </button>
            </p>
          </form>
        </details>
      )}
      {carryOptions.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void carry.run(async () => {
              await api.post(`/recommendations/${rec.id}/carry`, { roundId: carryTo });
              onChanged();
            });
          }}
        >
          <SelectField
            label={t('outcomes.recs.carryInto')}
            value={carryTo}
            onChange={(e) => setCarryTo(e.target.value)}
            options={[
              { value: '', label: '—' },
              ...carryOptions.map((r) => ({
                value: r.id,
                label: t('outcomes.recs.round', { number: r.number, city: r.city }),
              })),
            ]}
          />
          <button type="submit" disabled={!carryTo || carry.busy}>
            {t('outcomes.recs.carry')}
          </button>
          <Problem error={carry.error} />
        </form>
      )}
    </article>
  );
}

function NewRecommendation({
  roundId,
  sessions,
  onCreated,
}: {
  roundId: string;
  sessions: Session[];
  onCreated(): void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [originSessionId, setOrigin] = useState('');
  const [addressees, setAddressees] = useState('');
  const submit = useSubmit();
  const create = (event: React.FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      const names = addressees
        .split(/[,\n،]/)
        .map((s) => s.trim())
        .filter(Boolean);
      await api.post(`/rounds/${roundId}/recommendations`, {
        title,
        body,
        originSessionId: originSessionId || null,
        addressees: names,
      });
      setTitle('');
      setBody('');
      setAddressees('');
      onCreated();
    });
  };
  return (
    <form className="form" onSubmit={create}>
      <TextField
        label={t('outcomes.item.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={300}
        error={submit.fields.title}
      />
      <TextAreaField
        label={t('outcomes.item.body')}
        value={body}
        rows={3}
        onChange={(e) => setBody(e.target.value)}
        error={submit.fields.body}
      />
      <SelectField
        label={t('outcomes.recs.origin')}
        value={originSessionId}
        onChange={(e) => setOrigin(e.target.value)}
        options={[
          { value: '', label: '—' },
          ...sessions.map((s) => ({ value: s.id, label: s.title })),
        ]}
        error={submit.fields.originSessionId}
      />
      <TextField
        label={t('outcomes.recs.addressees')}
        hint={t('outcomes.recs.addresseesHint')}
        value={addressees}
        onChange={(e) => setAddressees(e.target.value)}
        error={submit.fields.addressees}
      />
      <Problem
        error={submit.error}
        shownFields={['title', 'body', 'originSessionId', 'addressees']}
      />
      <p className="actions">
        <button type="submit" className="button--primary" disabled={submit.busy}>
          {t('outcomes.recs.create')}
        </button>
      </p>
    </form>
  );
}
