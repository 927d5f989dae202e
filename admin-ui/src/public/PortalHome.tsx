import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import AccountBalanceOutlinedIcon from '@mui/icons-material/AccountBalanceOutlined';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Link as RouterLink } from 'react-router';
import { usePageTitle, usePortalTitle } from './PortalLayout';
import { fill, portalText } from './portalText';
import { listQuery, usePublicApi } from './publicApi';

const SECTIONS = [
    { to: '/agencies', title: portalText.home.agencies, text: portalText.home.agenciesText, Icon: AccountBalanceOutlinedIcon },
    { to: '/officers', title: portalText.home.officers, text: portalText.home.officersText, Icon: BadgeOutlinedIcon },
    { to: '/verify', title: portalText.home.verify, text: portalText.home.verifyText, Icon: QrCodeScannerIcon },
];

export const PortalHome = () => {
    usePageTitle(undefined);
    const title = usePortalTitle();
    const { total } = usePublicApi<unknown[]>(`agencies?${listQuery(1, 1)}`);
    return (
        <>
            <Box sx={{ textAlign: 'center', py: { xs: 2, sm: 4 } }}>
                <Typography variant="h4" component="h1" sx={{ fontWeight: 700, fontSize: { xs: '1.5rem', sm: '2.1rem' } }}>
                    {title}
                </Typography>
                <Typography color="text.secondary" sx={{ mt: 1 }}>
                    {portalText.tagline}
                </Typography>
                {total !== undefined ? (
                    <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                        {fill(portalText.home.announcedCount, { count: total })}
                    </Typography>
                ) : null}
            </Box>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' } }}>
                {SECTIONS.map(({ to, title: sectionTitle, text, Icon }) => (
                    <Card key={to} component="section" variant="outlined">
                        <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}>
                            <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
                                <Box
                                    sx={{ bgcolor: 'primary.main', color: '#fff', borderRadius: 2, p: 1.25, display: 'grid', placeItems: 'center', flexShrink: 0 }}
                                    aria-hidden
                                >
                                    <Icon />
                                </Box>
                                <Box sx={{ flex: 1 }}>
                                    <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
                                        {sectionTitle}
                                    </Typography>
                                    <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                                        {text}
                                    </Typography>
                                </Box>
                                <ChevronRightIcon color="action" aria-hidden sx={{ alignSelf: 'center' }} />
                            </CardContent>
                        </CardActionArea>
                    </Card>
                ))}
            </Box>
        </>
    );
};
