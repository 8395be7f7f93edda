import { Suspense } from 'react';
import { Loading } from '../components/Loading.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { Layout } from './Layout.tsx';
import { MeProvider } from './MeProvider.tsx';
import { matchPath, usePath } from './router.ts';
import { ROUTES } from './routes.tsx';

function CurrentPage() {
  const path = usePath();
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) {
      return (
        <Layout wide={route.wide}>
          {/* key: a new page (or the same page for another id) starts with fresh state */}
          <Suspense fallback={<Loading />} key={path}>
            {route.render(params)}
          </Suspense>
        </Layout>
      );
    }
  }
  return (
    <Layout>
      <NotFoundPage />
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <MeProvider>
        <CurrentPage />
      </MeProvider>
    </I18nProvider>
  );
}
