import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * A failed request explained at the top of a form or page. Field errors are shown next to
 * their fields; this shows the rest (and a network failure in the reader's language).
 */
export function Problem({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  if (!(error instanceof ApiError))
    return (
      <p className="problem" role="alert">
        {t('error.unexpected')}
      </p>
    );
  if (error.isNetwork)
    return (
      <p className="problem" role="alert">
        {t('error.network')}
      </p>
    );
  const others = Object.entries(error.fieldErrors).filter(
    ([field]) => !shownFields.includes(field),
  );
  return (
    <div className="problem" role="alert">
      <p>
        <bdi>{error.detail ?? error.title}</bdi>
      </p>
      {others.length > 0 && (
        <ul>
          {others.map(([field, message]) => (
            <li key={field}>
              <bdi>
                {field}: {message}
              </bdi>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
