import { useState, type FormEvent } from 'react';
import type { Delegation } from '../../../domain/series.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';

function DelegationRow({ delegation, onChanged }: { delegation: Delegation; onChanged(): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [name, setName] = useState(delegation.name);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit.run(() => api.patch(`/delegations/${delegation.id}`, { name }))) onChanged();
  };
  const remove = async () => {
    if (!window.confirm(t('delegations.confirmRemove', { name: delegation.name }))) return;
    await submit.run(() => api.delete(`/delegations/${delegation.id}`));
    onChanged();
  };
  return (
    <li>
      <form onSubmit={rename} className="inline-form" noValidate>
        <TextField
          label={t('delegations.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={submit.fields.name}
        />
        <button type="submit" disabled={submit.busy || name === delegation.name}>
          {t('delegations.rename')}
        </button>
        <button type="button" className="button--danger" onClick={remove} disabled={submit.busy}>
          {t('common.remove')}
        </button>
      </form>
      <Problem error={submit.error} shownFields={['name']} />
    </li>
  );
}

/** A series' sides: rename, remove, add. */
export function DelegationsEditor({
  seriesId,
  delegations,
  onChanged,
}: {
  seriesId: string;
  delegations: Delegation[];
  onChanged(): void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [name, setName] = useState('');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit.run(() => api.post(`/series/${seriesId}/delegations`, { name }))) {
      setName('');
      onChanged();
    }
  };
  return (
    <section aria-labelledby="delegations-heading">
      <h2 id="delegations-heading">{t('series.delegations')}</h2>
      <ul className="plain-list">
        {delegations.map((d) => (
          <DelegationRow key={`${d.id}:${d.name}`} delegation={d} onChanged={onChanged} />
        ))}
      </ul>
      <form onSubmit={add} className="inline-form" noValidate>
        <TextField
          label={t('delegations.newName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={submit.fields.name}
        />
        <button type="submit" disabled={submit.busy}>
          {t('series.addDelegation')}
        </button>
      </form>
      <Problem error={submit.error} shownFields={['name']} />
    </section>
  );
}
