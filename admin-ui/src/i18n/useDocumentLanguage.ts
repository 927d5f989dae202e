import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

// Keeps <html lang> and the browser tab title in the console language (screen readers, fonts, tabs).
export const useDocumentLanguage = (): void => {
    const [locale] = useLocaleState();
    const translate = useTranslate();
    useEffect(() => {
        document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
        document.title = translate('app.name');
    }, [locale, translate]);
};
