import { useEffect, useRef, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import { offlineData } from '../offline/offlineData.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Link } from '../components/Link.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useMe } from './MeProvider.tsx';
import { navigate, usePath } from './router.ts';

/** The frame of every page: skip link, header (navigation, account, language), main. */
export function Layout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  const { me, refresh } = useMe();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After an in-app navigation, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [path]);

  const signOut = async () => {
    await api.post('/auth/logout');
    // Nothing of this person stays in the browser for the next one: kept data, queued votes.
    await offlineData.signedOut().catch(() => {});
    await refresh();
    navigate('/');
  };
  const organises = Boolean(
    me?.user?.isAdmin || me?.seriesRoles.some((r) => r.role === 'organiser'),
  );

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <Link to="/" aria-current={path === '/' ? 'page' : undefined}>
                {t('nav.home')}
              </Link>
            </li>
            {organises && (
              <li>
                <Link to="/series" aria-current={path.startsWith('/series') ? 'page' : undefined}>
                  {t('nav.organise')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="site-header__account">
          {me?.user ? (
            <>
              <span className="who">
                <bdi>{me.user.displayName}</bdi>
              </span>
              <button type="button" className="button--quiet" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link to="/login">{t('nav.signIn')}</Link>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={main} className={wide ? 'main main--wide' : 'main'}>
        {children}
      </main>
    </>
  );
}
