import { useEffect, type ReactNode } from 'react';
import { AppBar, Box, Button, Container, Stack, Toolbar, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Link as RouterLink, NavLink } from 'react-router';
import { fill, portalText } from './portalText';
import { listQuery, usePublicApi } from './publicApi';

interface AgencySummary {
    county?: string;
}

/**
 * The county's name comes from the published agencies (the platform is deployed per county), so the
 * portal says "青山县行政执法公示平台" without configuration.
 */
export const usePortalTitle = (): string => {
    const { data } = usePublicApi<AgencySummary[]>(`agencies?${listQuery(1, 1)}`);
    const county = data?.[0]?.county;
    return county ? fill(portalText.countyTitle, { county }) : portalText.title;
};

const NAV = [
    { to: '/agencies', label: portalText.nav.agencies },
    { to: '/officers', label: portalText.nav.officers },
    { to: '/verify', label: portalText.nav.verify },
];

/** Sets the browser tab title: "<page> - <portal>". */
export const usePageTitle = (page: string | undefined) => {
    const portal = usePortalTitle();
    useEffect(() => {
        document.title = page ? `${page} - ${portal}` : portal;
    }, [page, portal]);
};

export const PortalLayout = ({ children }: { children: ReactNode }) => {
    const title = usePortalTitle();
    return (
        <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
            <AppBar position="static" elevation={0} sx={{ bgcolor: 'primary.dark' }}>
                <Container maxWidth="lg" disableGutters>
                    <Toolbar sx={{ gap: 1, minHeight: { xs: 56 } }}>
                        <AccountBalanceIcon aria-hidden />
                        <Typography
                            component={RouterLink}
                            to="/"
                            variant="h6"
                            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 700, fontSize: { xs: '1.05rem', sm: '1.25rem' }, lineHeight: 1.3 }}
                        >
                            {title}
                        </Typography>
                    </Toolbar>
                </Container>
                <Box component="nav" aria-label="主导航" sx={{ bgcolor: 'primary.main' }}>
                    <Container maxWidth="lg">
                        <Stack direction="row" sx={{ overflowX: 'auto' }}>
                            {NAV.map(item => (
                                <Button
                                    key={item.to}
                                    component={NavLink}
                                    to={item.to}
                                    sx={{
                                        color: '#fff',
                                        borderRadius: 0,
                                        px: { xs: 1.5, sm: 2.5 },
                                        py: 1.25,
                                        flexShrink: 0,
                                        fontSize: '0.95rem',
                                        borderBottom: '3px solid transparent',
                                        '&.active': { borderBottomColor: '#ffd54f', fontWeight: 700 },
                                    }}
                                >
                                    {item.label}
                                </Button>
                            ))}
                        </Stack>
                    </Container>
                </Box>
            </AppBar>
            <Container component="main" maxWidth="lg" sx={{ flex: 1, py: { xs: 2, sm: 3 }, px: { xs: 1.5, sm: 3 } }}>
                {children}
            </Container>
            <Box component="footer" sx={{ bgcolor: '#e8edf3', py: 2, mt: 2 }}>
                <Container maxWidth="lg">
                    <Typography variant="caption" color="text.secondary" component="p">
                        {portalText.common.footer}
                    </Typography>
                </Container>
            </Box>
        </Box>
    );
};
