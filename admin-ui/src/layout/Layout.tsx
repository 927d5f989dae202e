import { useMemo, type ReactNode } from 'react';
import { createTheme, ThemeProvider, type Theme } from '@mui/material/styles';
import { enUS, zhCN } from '@mui/material/locale';
import { Layout as RaLayout, useLocaleState } from 'react-admin';
import { useDocumentLanguage } from '../i18n/useDocumentLanguage';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => {
    const [locale] = useLocaleState();
    useDocumentLanguage();
    // MUI's own texts (autocomplete "no options", close buttons …) follow the console language too.
    const withMuiLocale = useMemo(
        () => (outer: Theme) => createTheme(outer, locale === 'en' ? enUS : zhCN),
        [locale]
    );
    return (
        <ThemeProvider theme={withMuiLocale}>
            <RaLayout appBar={AppBar} menu={Menu}>{children}</RaLayout>
        </ThemeProvider>
    );
};
