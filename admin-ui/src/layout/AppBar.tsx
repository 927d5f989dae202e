import { Box, Typography } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import {
    AppBar as RaAppBar,
    LoadingIndicator,
    Logout,
    TitlePortal,
    UserMenu,
    useTranslate,
} from 'react-admin';
import { NotificationBell } from '../notifications';
import { LocaleSwitch } from './LocaleSwitch';

export const AppBar = () => {
    const translate = useTranslate();
    return (
        <RaAppBar
            toolbar={
                <>
                    <NotificationBell />
                    <LocaleSwitch />
                    <LoadingIndicator />
                </>
            }
            userMenu={
                <UserMenu>
                    <Logout />
                </UserMenu>
            }
        >
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, flex: 1 }}>
                <GavelIcon fontSize="small" aria-hidden />
                <Typography variant="h6" component="div" noWrap sx={{ fontWeight: 600, flexShrink: 0 }}>
                    {translate('app.name')}
                </Typography>
                <Box
                    aria-hidden
                    sx={{
                        display: { xs: 'none', md: 'block' },
                        opacity: 0.5,
                        mx: 1,
                        // Pages without a title (access denied, not found) get no dangling separator.
                        '&:has(+ #react-admin-title:empty)': { display: 'none' },
                    }}
                >
                    |
                </Box>
                <TitlePortal
                    variant="body1"
                    sx={{ display: { xs: 'none', md: 'block' }, minWidth: 0 }}
                />
            </Box>
        </RaAppBar>
    );
};
