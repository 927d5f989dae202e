import { Alert, Box, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { useRecordContext, useTranslate } from 'react-admin';
import { ApiImage } from '../fields/ApiImage';
import { API_URL } from '../providers/dataProvider';

/** The QR code the public scans (扫码亮证) and the address it encodes. */
export const CertificateQrCard = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Card component="section" aria-labelledby="certificate-qr-title" variant="outlined">
            <CardContent>
                <Typography id="certificate-qr-title" variant="h6" component="h2" gutterBottom>
                    {translate('app.certificates.qr_title')}
                </Typography>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
                    <ApiImage
                        url={`${API_URL}/certificates/${record.id}/qr.png`}
                        // A rotated token changes the code.
                        version={record.qrToken}
                        alt={translate('app.certificates.qr_alt', { number: record.number })}
                        failedText={translate('app.certificates.qr_failed')}
                        sx={{ width: 200, height: 200, flexShrink: 0 }}
                    />
                    <Box sx={{ minWidth: 0 }}>
                        <Typography variant="body2" color="text.secondary">
                            {translate('app.certificates.verify_url')}
                        </Typography>
                        <Typography variant="body2" sx={{ wordBreak: 'break-all', fontFamily: 'monospace', mb: 1 }}>
                            {record.verifyUrl}
                        </Typography>
                        <Link href={record.verifyUrl} target="_blank" rel="noopener" variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                            {translate('app.certificates.open_verify')}
                            <OpenInNewIcon fontSize="inherit" aria-hidden />
                        </Link>
                        {!record.valid ? (
                            <Alert severity="warning" sx={{ mt: 1 }}>
                                {translate('app.certificates.qr_inactive')}
                            </Alert>
                        ) : null}
                    </Box>
                </Stack>
            </CardContent>
        </Card>
    );
};
