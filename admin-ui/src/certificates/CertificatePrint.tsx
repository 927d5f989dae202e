import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Link, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router';
import { ApiImage } from '../fields/ApiImage';
import { API_URL } from '../providers/dataProvider';

// A6 landscape (148 × 105 mm), the size of a card that goes with the officer or on a notice board.
const PRINT_CSS = `
@page { size: 148mm 105mm; margin: 0; }
@media print {
  html, body { background: #fff !important; }
  .no-print { display: none !important; }
  .certificate-card { box-shadow: none !important; margin: 0 !important; border: none !important; }
}
`;

/**
 * Print view of a certificate (custom route /certificates/:id/print, without the console layout): the
 * officer's name, agency, certificate number, validity and the QR code the public scans (扫码亮证).
 */
export const CertificatePrint = () => {
    const { id = '' } = useParams();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data: certificate, isPending, error } = useGetOne('certificates', { id });
    const { data: agency } = useGetOne('agencies', { id: certificate?.agencyId }, { enabled: !!certificate?.agencyId });
    const { data: officer } = useGetOne('officers', { id: certificate?.officerId }, { enabled: !!certificate?.officerId });

    if (isPending) {
        return (
            <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
                <CircularProgress />
            </Box>
        );
    }
    if (error || !certificate) {
        return <Alert severity="error" sx={{ m: 2 }}>{translate('app.certificates.print_not_found')}</Alert>;
    }
    return (
        <Box sx={{ minHeight: '100vh', bgcolor: 'grey.200', py: 3, '@media print': { bgcolor: '#fff', py: 0 } }}>
            <style>{PRINT_CSS}</style>
            <Stack direction="row" spacing={1} className="no-print" sx={{ justifyContent: 'center', mb: 2 }}>
                <Button component={Link} to={`/certificates/${certificate.id}/show`} startIcon={<ArrowBackIcon />}>
                    {translate('app.certificates.print_back')}
                </Button>
                <Button variant="contained" startIcon={<PrintOutlinedIcon />} onClick={() => window.print()}>
                    {translate('app.certificates.print')}
                </Button>
            </Stack>
            {certificate.valid ? null : (
                <Alert severity="warning" className="no-print" sx={{ maxWidth: '148mm', mx: 'auto', mb: 2 }}>
                    {translate('app.certificates.print_invalid', {
                        state: translate(`app.certificate_state.${certificate.state}`, { _: certificate.state }),
                    })}
                </Alert>
            )}
            <Box
                component="article"
                className="certificate-card"
                aria-label={translate('app.certificates.print_card_title')}
                sx={{
                    width: '148mm',
                    height: '105mm',
                    mx: 'auto',
                    bgcolor: '#fff',
                    boxShadow: 3,
                    boxSizing: 'border-box',
                    border: '1px solid #c9d3e0',
                    display: 'flex',
                    flexDirection: 'column',
                    overflow: 'hidden',
                    printColorAdjust: 'exact',
                    WebkitPrintColorAdjust: 'exact',
                }}
            >
                <Box sx={{ bgcolor: '#1d4f91', color: '#fff', px: '6mm', py: '3mm' }}>
                    <Typography component="h1" sx={{ fontSize: '15pt', fontWeight: 700, letterSpacing: locale === 'zh' ? '0.3em' : 0 }}>
                        {translate('app.certificates.print_card_title')}
                    </Typography>
                    <Typography sx={{ fontSize: '9pt', opacity: 0.9 }}>{agency?.name ?? ''}</Typography>
                </Box>
                <Box sx={{ flex: 1, display: 'flex', gap: '5mm', px: '6mm', py: '4mm', alignItems: 'center' }}>
                    {officer?.hasPhoto ? (
                        <ApiImage
                            url={`${API_URL}/officers/${officer.id}/photo`}
                            alt={translate('app.officers.photo_alt', { name: officer.name })}
                            failedText=""
                            sx={{ width: '24mm', height: '32mm', objectFit: 'cover', border: '1px solid #c9d3e0', flexShrink: 0 }}
                        />
                    ) : null}
                    <Box component="dl" sx={{ flex: 1, m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: '3mm', rowGap: '1.5mm', fontSize: '10pt', alignContent: 'center' }}>
                        <Box component="dt" sx={{ color: '#555' }}>{translate('resources.officers.fields.name')}</Box>
                        <Box component="dd" sx={{ m: 0, fontSize: '14pt', fontWeight: 700 }}>{certificate.officerName}</Box>
                        <Box component="dt" sx={{ color: '#555' }}>{translate('resources.certificates.fields.agencyId')}</Box>
                        <Box component="dd" sx={{ m: 0 }}>{agency?.name ?? ''}</Box>
                        <Box component="dt" sx={{ color: '#555' }}>{translate('resources.certificates.fields.number')}</Box>
                        <Box component="dd" sx={{ m: 0, fontFamily: 'monospace', fontSize: '11pt' }}>{certificate.number}</Box>
                        <Box component="dt" sx={{ color: '#555' }}>{translate('app.certificates.print_validity')}</Box>
                        <Box component="dd" sx={{ m: 0 }}>
                            {certificate.issueDate} — {certificate.expiryDate}
                        </Box>
                        <Box component="dt" sx={{ color: '#555' }}>{translate('resources.certificates.fields.issuer')}</Box>
                        <Box component="dd" sx={{ m: 0 }}>{certificate.issuer}</Box>
                    </Box>
                    <Box sx={{ textAlign: 'center', flexShrink: 0 }}>
                        <ApiImage
                            url={`${API_URL}/certificates/${certificate.id}/qr.png`}
                            version={certificate.qrToken}
                            alt={translate('app.certificates.qr_alt', { number: certificate.number })}
                            failedText={translate('app.certificates.qr_failed')}
                            sx={{ width: '34mm', height: '34mm' }}
                        />
                        <Typography sx={{ fontSize: '7pt', color: '#555', width: '34mm' }}>
                            {translate('app.certificates.print_scan_hint')}
                        </Typography>
                    </Box>
                </Box>
                <Box sx={{ borderTop: '1px solid #c9d3e0', px: '6mm', py: '1.5mm', fontSize: '7.5pt', color: '#555' }}>
                    {translate('app.certificates.print_footer')}
                </Box>
            </Box>
        </Box>
    );
};
