// The public publicity portal (行政执法公示, 扫码亮证): no sign-in, Chinese, phone-first, served by the same
// app at /public/…, but a separate React tree from the staff console (no react-admin, no session).
import { CssBaseline } from '@mui/material';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';
import { BrowserRouter, Link as RouterLink, Route, Routes } from 'react-router';
import { Box, Button, Typography } from '@mui/material';
import { fontFamily } from '../layout/fontFamily';
import { AgencyDetail } from './AgencyDetail';
import { AgencyDirectory } from './AgencyDirectory';
import { CertificateCheck, VerifyEntry } from './CertificateCheck';
import { OfficerDirectory } from './OfficerDirectory';
import { PortalHome } from './PortalHome';
import { PortalLayout, usePageTitle } from './PortalLayout';
import { portalText } from './portalText';

export const PORTAL_BASE = '/public';

const theme = createTheme(
    {
        palette: {
            primary: { main: '#1d4f91', dark: '#173f74', contrastText: '#fff' },
            background: { default: '#f4f6f9' },
        },
        typography: { fontFamily },
        shape: { borderRadius: 8 },
    },
    zhCN
);

const NotFound = () => {
    usePageTitle(portalText.common.notFound);
    return (
        <Box sx={{ textAlign: 'center', py: 6 }}>
            <Typography variant="h5" component="h1" gutterBottom>
                {portalText.common.notFound}
            </Typography>
            <Button component={RouterLink} to="/" variant="contained">
                {portalText.common.backHome}
            </Button>
        </Box>
    );
};

export const PublicPortal = () => (
    <ThemeProvider theme={theme}>
        <CssBaseline />
        <BrowserRouter basename={PORTAL_BASE}>
            <PortalLayout>
                <Routes>
                    <Route path="/" element={<PortalHome />} />
                    <Route path="/agencies" element={<AgencyDirectory />} />
                    <Route path="/agencies/:id" element={<AgencyDetail />} />
                    <Route path="/officers" element={<OfficerDirectory />} />
                    <Route path="/verify" element={<VerifyEntry />} />
                    <Route path="/verify/:token" element={<CertificateCheck />} />
                    <Route path="*" element={<NotFound />} />
                </Routes>
            </PortalLayout>
        </BrowserRouter>
    </ThemeProvider>
);
