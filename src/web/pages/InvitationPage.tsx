import { useState, type FormEvent } from 'react';
import type { InvitationStatus, Me } from '../../domain/accounts.ts';
import { api, ApiError, query } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { useMe } from '../app/MeProvider.tsx';
import { navigate } from '../app/router.ts';
import { TextField } from '../components/Field.tsx';
import { InvitationGrant } from '../components/InvitationGrant.tsx';
import { Loading } from '../components/Loading.tsx';
import { Problem } from '../components/Problem.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Opening an invitation link: what it grants, then a name and password (or the existing account's password). */
export function InvitationPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { setMe } = useMe();
  const status = useResource(
    () => api.get<InvitationStatus>(`/invitations/status${query({ token })}`),
    token,
  );
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/invitations/accept', { token, displayName, password });
      setMe(me);
      const roundId = me.participations[0]?.roundId;
      navigate(roundId ? `/rounds/${roundId}` : '/', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (status.loading) return <Loading />;
  if (status.error || !status.data)
    return (
      <section>
        <h1>{t('invite.title')}</h1>
        <Problem error={status.error} />
      </section>
    );
  const s = status.data;
  const fields = error instanceof ApiError ? error.fieldErrors : {};

  return (
    <section className="narrow">
      <h1>{t('invite.title')}</h1>
      {s.state !== 'valid' ? (
        <p className="problem" role="alert">
          {t(`invite.state.${s.state}`)}
        </p>
      ) : (
        <>
          {s.grant && <InvitationGrant grant={s.grant} />}
          <form onSubmit={accept} noValidate>
            <Problem error={error} shownFields={['displayName', 'password']} />
            <p>
              {t('invite.forEmail')} <bdi dir="ltr">{s.email}</bdi>
            </p>
            {s.accountExists ? (
              <p>{t('invite.existingAccount')}</p>
            ) : (
              <TextField
                label={t('invite.displayName')}
                autoComplete="name"
                required
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
                error={fields.displayName}
              />
            )}
            <TextField
              label={s.accountExists ? t('invite.password.existing') : t('invite.password.new')}
              hint={s.accountExists ? undefined : t('invite.password.hint')}
              type="password"
              dir="ltr"
              required
              autoComplete={s.accountExists ? 'current-password' : 'new-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fields.password}
            />
            <button type="submit" className="button--primary" disabled={busy}>
              {t('invite.accept')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
