import { useState, type MouseEvent } from 'react';
import { Button, Menu, MenuItem, Tooltip } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useLocaleState, useTranslate } from 'react-admin';
import { LOCALES } from '../i18n';

/**
 * Language menu. Its accessible name is bilingual in both languages ("切换语言 / Switch language"),
 * so that someone who cannot read the current language still finds it.
 */
export const LocaleSwitch = () => {
    const [locale, setLocale] = useLocaleState();
    const translate = useTranslate();
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const label = translate('app.locale.switch');
    const open = Boolean(anchor);
    const current = LOCALES.find(l => l.locale === locale) ?? LOCALES[0];

    const choose = (next: string) => () => {
        setAnchor(null);
        if (next !== locale) setLocale(next);
    };

    return (
        <>
            <Tooltip title={label}>
                <Button
                    color="inherit"
                    aria-label={label}
                    aria-haspopup="menu"
                    aria-controls={open ? 'locale-menu' : undefined}
                    aria-expanded={open ? 'true' : undefined}
                    startIcon={<TranslateIcon />}
                    endIcon={<ExpandMoreIcon fontSize="small" />}
                    onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
                    sx={{ textTransform: 'none', whiteSpace: 'nowrap' }}
                >
                    {current.name}
                </Button>
            </Tooltip>
            <Menu id="locale-menu" anchorEl={anchor} open={open} onClose={() => setAnchor(null)}>
                {LOCALES.map(({ locale: code, name }) => (
                    <MenuItem
                        key={code}
                        selected={code === locale}
                        onClick={choose(code)}
                        lang={code === 'en' ? 'en' : 'zh-CN'}
                    >
                        {name}
                    </MenuItem>
                ))}
            </Menu>
        </>
    );
};
