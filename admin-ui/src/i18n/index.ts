import polyglotI18nProvider from 'ra-i18n-polyglot';
import { store } from '../providers/store';
import { zh } from './zh';
import { en } from './en';

export type ConsoleLocale = 'zh' | 'en';

export const DEFAULT_LOCALE: ConsoleLocale = 'zh';

export const LOCALES: { locale: ConsoleLocale; name: string }[] = [
    { locale: 'zh', name: '简体中文' },
    { locale: 'en', name: 'English' },
];

// Value of the Accept-Language header the server uses to localise its error messages.
export const ACCEPT_LANGUAGE: Record<ConsoleLocale, string> = {
    zh: 'zh-CN',
    en: 'en',
};

const isConsoleLocale = (value: unknown): value is ConsoleLocale =>
    value === 'zh' || value === 'en';

// Chinese unless the user has chosen English before (react-admin keeps the choice in its store).
const initialLocale = (): ConsoleLocale => {
    const stored = store.getItem<string>('locale');
    if (isConsoleLocale(stored)) return stored;
    return DEFAULT_LOCALE;
};

export const i18nProvider = polyglotI18nProvider(
    locale => (locale === 'en' ? en : zh),
    initialLocale(),
    LOCALES
);

export const currentLocale = (): ConsoleLocale => {
    const locale = i18nProvider.getLocale();
    return isConsoleLocale(locale) ? locale : DEFAULT_LOCALE;
};
