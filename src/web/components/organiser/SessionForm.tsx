import { useState, type FormEvent } from 'react';
import { ATTRIBUTION_RULES, SESSION_KINDS, type AttributionRule } from '../../../domain/enums.ts';
import type { Session } from '../../../domain/rounds.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SelectField, TextField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';
import { RuleExplainer } from '../RuleExplainer.tsx';
import { wallTimeInZone } from '../../../domain/time.ts';

const SHOWN = ['kind', 'position', 'title', 'startsAt', 'endsAt', 'attributionRule'];

/**
 * <input type="datetime-local"> speaks wall time: the organiser types the venue's clock, whatever
 * their own browser's zone, and the API reads it in the round's zone.
 */
const toLocal = (iso: string | null, zone: string) => (iso ? wallTimeInZone(iso, zone) : '');

/** Adds a session to a round's agenda, or edits one; the chosen rule is explained as it is picked. */
export function SessionForm({
  roundId,
  timeZone,
  session,
  nextPosition,
  onSaved,
}: {
  roundId: string;
  /** The round's venue zone, in which the times are typed. */
  timeZone: string;
  session: Session | null;
  nextPosition: number;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [v, setV] = useState({
    title: session?.title ?? '',
    kind: session?.kind ?? 'working',
    position: String(session?.position ?? nextPosition),
    startsAt: toLocal(session?.startsAt ?? null, timeZone),
    endsAt: toLocal(session?.endsAt ?? null, timeZone),
    attributionRule: session?.attributionRule ?? ('chatham_house' as AttributionRule),
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [key]: e.target.value });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...v,
      position: Number(v.position),
      startsAt: v.startsAt || null,
      endsAt: v.endsAt || null,
    };
    const saved = await submit.run(() =>
      session
        ? api.patch(`/sessions/${session.id}`, body)
        : api.post(`/rounds/${roundId}/sessions`, body),
    );
    if (saved) onSaved();
  };
  const f = submit.fields;
  return (
    <form onSubmit={save} noValidate className="form">
      <Problem error={submit.error} shownFields={SHOWN} />
      <TextField
        label={t('session.title')}
        required
        value={v.title}
        onChange={set('title')}
        error={f.title}
      />
      <p className="muted">{t('session.timesIn', { zone: timeZone })}</p>
      <div className="form--grid">
        <SelectField
          label={t('session.kind')}
          value={v.kind}
          onChange={set('kind')}
          error={f.kind}
          options={SESSION_KINDS.map((k) => ({ value: k, label: t(`sessionKind.${k}`) }))}
        />
        <TextField
          label={t('session.position')}
          type="number"
          min={0}
          value={v.position}
          onChange={set('position')}
          error={f.position}
        />
        <TextField
          label={t('session.startsAt')}
          type="datetime-local"
          value={v.startsAt}
          onChange={set('startsAt')}
          error={f.startsAt}
        />
        <TextField
          label={t('session.endsAt')}
          type="datetime-local"
          value={v.endsAt}
          onChange={set('endsAt')}
          error={f.endsAt}
        />
      </div>
      <SelectField
        label={t('session.rule')}
        value={v.attributionRule}
        onChange={set('attributionRule')}
        error={f.attributionRule}
        options={ATTRIBUTION_RULES.map((r) => ({ value: r, label: t(`rule.${r}.name`) }))}
      />
      <RuleExplainer rule={v.attributionRule} />
      <button type="submit" className="button--primary" disabled={submit.busy}>
        {session ? t('common.save') : t('session.create')}
      </button>
    </form>
  );
}
