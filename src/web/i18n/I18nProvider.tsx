import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { MessageKey } from './en.ts';
import {
  DIRECTION,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatNumber,
  formatPercent,
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
  const value = useMemo<I18n>(
    () => ({
      lang,
      dir: DIRECTION[lang],
      locale: LOCALE[lang],
      setLang,
      t: (key, params) => translate(lang, key, params),
      date: (d) => formatDate(lang, d),
      dateRange: (a, b) => formatDateRange(lang, a, b),
      dateTime: (d, zone) => formatDateTime(lang, d, zone),
      number: (v, o) => formatNumber(lang, v, o),
      percent: (f) => formatPercent(lang, f),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
