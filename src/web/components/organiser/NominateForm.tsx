import { useState, type FormEvent } from 'react';
import {
  BACKGROUNDS,
  CAPACITIES,
  GENDERS,
  PARTICIPATION_ROLES,
  type ParticipationRole,
} from '../../../domain/enums.ts';
import type { Delegation } from '../../../domain/series.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { backgroundLabel, genderLabel, roleLabel } from '../../i18n/labels.ts';
import { SelectField, TextField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';

const EMPTY = {
  fullName: '',
  honorific: '',
  affiliation: '',
  background: 'other',
  gender: 'undisclosed',
  delegationId: '',
  role: 'delegate',
  capacity: 'personal',
};
const SHOWN = [
  'person.fullName',
  'person.honorific',
  'person.affiliation',
  'person.background',
  'person.gender',
  'delegationId',
  'role',
  'capacity',
];

/**
 * Adds a new person to the round (organisers) or nominates one (a delegation's focal point: only
 * their delegations, only delegation roles, and no "no delegation").
 */
export function NominateForm({
  roundId,
  delegations,
  onAdded,
  roles = PARTICIPATION_ROLES,
  forDelegation = false,
  submitLabel,
}: {
  roundId: string;
  delegations: Delegation[];
  onAdded(): void;
  roles?: readonly ParticipationRole[];
  forDelegation?: boolean;
  submitLabel?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const submit = useSubmit();
  const initial = forDelegation ? { ...EMPTY, delegationId: delegations[0]?.id ?? '' } : EMPTY;
  const [v, setV] = useState(initial);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [key]: e.target.value });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { fullName, honorific, affiliation, background, gender, delegationId, role, capacity } =
      v;
    const body = {
      person: { fullName, honorific, affiliation, background, gender },
      delegationId: delegationId || null,
      role,
      capacity,
    };
    if (await submit.run(() => api.post(`/rounds/${roundId}/participations`, body))) {
      setV(initial);
      onAdded();
    }
  };
  const f = submit.fields;
  return (
    <form onSubmit={save} noValidate className="form form--grid">
      <Problem error={submit.error} shownFields={SHOWN} />
      <TextField
        label={t('person.fullName')}
        required
        value={v.fullName}
        onChange={set('fullName')}
        error={f['person.fullName']}
      />
      <TextField
        label={t('person.honorific')}
        value={v.honorific}
        onChange={set('honorific')}
        error={f['person.honorific']}
      />
      <TextField
        label={t('person.affiliation')}
        value={v.affiliation}
        onChange={set('affiliation')}
        error={f['person.affiliation']}
      />
      <SelectField
        label={t('participation.delegation')}
        value={v.delegationId}
        onChange={set('delegationId')}
        error={f.delegationId}
        options={[
          ...(forDelegation ? [] : [{ value: '', label: t('participation.noDelegation') }]),
          ...delegations.map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <SelectField
        label={t('participation.role')}
        value={v.role}
        onChange={set('role')}
        error={f.role}
        options={roles.map((r) => ({ value: r, label: roleLabel(i18n, r) }))}
      />
      <SelectField
        label={t('participation.capacity')}
        value={v.capacity}
        onChange={set('capacity')}
        error={f.capacity}
        options={CAPACITIES.map((c) => ({ value: c, label: t(`capacity.${c}`) }))}
      />
      <SelectField
        label={t('person.background')}
        value={v.background}
        onChange={set('background')}
        error={f['person.background']}
        options={BACKGROUNDS.map((b) => ({ value: b, label: backgroundLabel(i18n, b) }))}
      />
      <SelectField
        label={t('person.gender')}
        value={v.gender}
        onChange={set('gender')}
        error={f['person.gender']}
        options={GENDERS.map((g) => ({ value: g, label: genderLabel(i18n, g) }))}
      />
      <div>
        <button type="submit" className="button--primary" disabled={submit.busy}>
          {submitLabel ?? t('participants.add')}
        </button>
      </div>
    </form>
  );
}
