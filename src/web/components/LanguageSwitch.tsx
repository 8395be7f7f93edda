import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGS } from '../i18n/translate.ts';

/** Each language named in itself, so a reader finds theirs whatever the current language. */
const NATIVE_NAMES = { en: 'English', ur: 'اردو' } as const;

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {NATIVE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
