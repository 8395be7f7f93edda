import { useState, type FormEvent } from 'react';
import type { Round } from '../../../domain/rounds.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';
import { runtimeZone } from '../../../domain/time.ts';

/** Every zone the browser knows, for the venue zone's suggestions. */
const timeZoneNames = (): string[] =>
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

const SHOWN = [
  'number',
  'city',
  'country',
  'venue',
  'timeZone',
  'startsOn',
  'endsOn',
  'umbrellaTheme',
];

/** Adds a round to a series, or edits one. */
export function RoundForm({
  seriesId,
  round,
  nextNumber,
  onSaved,
}: {
  seriesId: string;
  round: Round | null;
  nextNumber: number;
  onSaved(round: Round): void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [v, setV] = useState({
    number: String(round?.number ?? nextNumber),
    city: round?.city ?? '',
    country: round?.country ?? '',
    venue: round?.venue ?? '',
    // A new round starts from the organiser's own zone; they change it to the venue's.
    timeZone: round?.timeZone ?? runtimeZone(),
    startsOn: round?.startsOn ?? '',
    endsOn: round?.endsOn ?? '',
    umbrellaTheme: round?.umbrellaTheme ?? '',
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [key]: e.target.value });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = { ...v, number: Number(v.number) };
    const saved = await submit.run(() =>
      round
        ? api.patch<Round>(`/rounds/${round.id}`, body)
        : api.post<Round>(`/series/${seriesId}/rounds`, body),
    );
    if (saved) onSaved(saved);
  };
  const f = submit.fields;
  return (
    <form onSubmit={save} noValidate className="form form--grid">
      <Problem error={submit.error} shownFields={SHOWN} />
      <TextField
        label={t('round.number')}
        type="number"
        min={1}
        inputMode="numeric"
        value={v.number}
        onChange={set('number')}
        error={f.number}
      />
      <TextField
        label={t('round.city')}
        required
        value={v.city}
        onChange={set('city')}
        error={f.city}
      />
      <TextField
        label={t('round.country')}
        required
        value={v.country}
        onChange={set('country')}
        error={f.country}
      />
      <TextField label={t('round.venue')} value={v.venue} onChange={set('venue')} error={f.venue} />
      <TextField
        label={t('round.timeZone')}
        required
        dir="ltr"
        list="time-zones"
        value={v.timeZone}
        onChange={set('timeZone')}
        error={f.timeZone}
        hint={t('round.timeZoneHint')}
      />
      <datalist id="time-zones">
        {timeZoneNames().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextField
        label={t('round.startsOn')}
        type="date"
        required
        value={v.startsOn}
        onChange={set('startsOn')}
        error={f.startsOn}
      />
      <TextField
        label={t('round.endsOn')}
        type="date"
        required
        value={v.endsOn}
        onChange={set('endsOn')}
        error={f.endsOn}
      />
      <TextField
        label={t('round.theme')}
        value={v.umbrellaTheme}
        onChange={set('umbrellaTheme')}
        error={f.umbrellaTheme}
      />
      <div>
        <button type="submit" className="button--primary" disabled={submit.busy}>
          {round ? t('common.save') : t('round.create')}
        </button>
      </div>
    </form>
  );
}
