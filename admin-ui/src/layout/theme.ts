import { defaultLightTheme, type RaThemeOptions } from 'react-admin';
import { fontFamily } from './fontFamily';

export const lightTheme: RaThemeOptions = {
    ...defaultLightTheme,
    palette: {
        ...defaultLightTheme.palette,
        primary: { main: '#1d4f91', contrastText: '#fff' },
        // react-admin's app bar uses `secondary`.
        secondary: { light: '#3c6db0', main: '#173f74', dark: '#0f2c52', contrastText: '#fff' },
        background: { default: '#f4f6f9' },
    },
    typography: { ...defaultLightTheme.typography, fontFamily },
    components: {
        ...defaultLightTheme.components,
        // Labels such as "导出 Excel" keep their case (Chinese has none; Latin words are written as meant).
        MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
    },
};
