import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { loadAllMessages } from './catalogs.ts';
import type { MessageKey } from './en.ts';
import {
  DIRECTION,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatNumber,
  formatPercent,
  hasMessage,
  isLang,
  LOCALE,
  translate,
  type Lang,
  type Params,
} from './translate.ts';

const STORAGE_KEY = 'parley.lang';

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  locale: string;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
  date(isoDate: string): string;
  dateRange(from: string, to: string): string;
  /** An instant with its zone label: in `zone` (a round's venue) if given, else the reader's. */
  dateTime(iso: string, zone?: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(fraction: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage disabled: fall through to the browser's preference
  }
  return navigator.language.toLowerCase().startsWith('ur') ? 'ur' : 'en';
}

/** Holds the chosen language, remembers it, and sets <html lang dir> so the whole page mirrors. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = LOCALE[lang] === 'ur-PK' ? 'ur' : 'en';
    document.documentElement.dir = DIRECTION[lang];
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  }, []);
  // Bumped when the rest of the catalogue arrives, for a page that used a key not yet loaded.
  const [catalogue, setCatalogue] = useState(0);
  const value = useMemo<I18n>(
    () => ({
      lang,
      dir: DIRECTION[lang],
      locale: LOCALE[lang],
      setLang,
      t: (key, params) => {
        if (!hasMessage(lang, key))
          loadAllMessages().then(
            () => setCatalogue((n) => n + 1),
            () => {},
          );
        return translate(lang, key, params);
      },
      date: (d) => formatDate(lang, d),
      dateRange: (a, b) => formatDateRange(lang, a, b),
      dateTime: (d, zone) => formatDateTime(lang, d, zone),
      number: (v, o) => formatNumber(lang, v, o),
      percent: (f) => formatPercent(lang, f),
    }),
    // catalogue: a new value (so every page re-renders) when the rest of the words arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang, setLang, catalogue],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
