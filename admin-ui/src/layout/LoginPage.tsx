import { Box, CardContent, Divider, Link, Typography } from '@mui/material';
import PublicIcon from '@mui/icons-material/Public';
import GavelIcon from '@mui/icons-material/Gavel';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { useDocumentLanguage } from '../i18n/useDocumentLanguage';
import { LocaleSwitch } from './LocaleSwitch';

export const LoginPage = () => {
    const translate = useTranslate();
    useDocumentLanguage();
    return (
        <Box sx={{ position: 'relative' }}>
            <Box sx={{ position: 'absolute', top: 12, right: 16, zIndex: 1, color: '#fff' }}>
                <LocaleSwitch />
            </Box>
            <Login
                avatarIcon={<GavelIcon />}
                sx={{
                    backgroundImage:
                        'radial-gradient(circle at 50% 14em, #2f5d9c 0%, #173f74 55%, #0f2c52 100%)',
                    '& .RaLogin-card': { minWidth: 340 },
                }}
            >
                <CardContent sx={{ pb: 0, textAlign: 'center' }}>
                    <Typography variant="h6" component="h1" sx={{ fontWeight: 600 }}>
                        {translate('app.name')}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.login.subtitle')}
                    </Typography>
                </CardContent>
                <LoginForm />
                <Divider />
                {/* The public portal is a separate app (no sign-in): a full page load, not a console route. */}
                <CardContent sx={{ textAlign: 'center', py: 1.5, '&:last-child': { pb: 1.5 } }}>
                    <Link
                        href="/public"
                        variant="body2"
                        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
                    >
                        <PublicIcon fontSize="small" aria-hidden />
                        {translate('app.login.public_portal')}
                    </Link>
                </CardContent>
            </Login>
        </Box>
    );
};
