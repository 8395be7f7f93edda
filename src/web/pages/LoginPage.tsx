import { useState, type FormEvent } from 'react';
import type { Me } from '../../domain/accounts.ts';
import { api, ApiError } from '../api/client.ts';
import { useMe } from '../app/MeProvider.tsx';
import { navigate, useSearchParams } from '../app/router.ts';
import { TextField } from '../components/Field.tsx';
import { Problem } from '../components/Problem.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Only paths inside the app are followed after signing in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { setMe } = useMe();
  const next = safeNext(useSearchParams().get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setMe(await api.post<Me>('/auth/login', { email, password }));
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const fields = error instanceof ApiError ? error.fieldErrors : {};

  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} noValidate>
        <Problem error={error} shownFields={['email', 'password']} />
        <TextField
          label={t('login.email')}
          type="email"
          autoComplete="username"
          dir="ltr"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          dir="ltr"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="button--primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </section>
  );
}
