import { useState, type FormEvent, type ReactNode } from 'react';
import { Avatar, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import PersonIcon from '@mui/icons-material/Person';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { usePageTitle } from './PortalLayout';
import { LoadError, Loading, PageHeading } from './PortalStates';
import { fill, portalText } from './portalText';
import { usePublicApi } from './publicApi';

interface CertificateCheckResult {
    valid: boolean;
    state: string;
    certificateNumber: string;
    issuer?: string;
    expiryDate?: string;
    officerName: string;
    post?: string;
    agencyName: string;
    hasPhoto: boolean;
    checkedAt: string;
}

const t = portalText.verify;
const pad = (n: number) => String(n).padStart(2, '0');
const formatCheckedAt = (iso: string) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

// Same pattern as schemas/token-params.json.
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** A token from what the user pasted: the whole check address or the code itself. */
export const tokenFrom = (text: string): string | null => {
    const trimmed = text.trim();
    const candidate = /\/verify\/([^/?#\s]+)/.exec(trimmed)?.[1] ?? trimmed;
    return TOKEN.test(candidate) ? candidate : null;
};

const Row = ({ label, value, strong }: { label: string; value?: string; strong?: boolean }) =>
    value ? (
        <>
            <Typography component="dt" color="text.secondary" sx={{ fontSize: '0.95rem' }}>
                {label}
            </Typography>
            <Typography component="dd" sx={{ m: 0, fontSize: strong ? '1.15rem' : '1rem', fontWeight: strong ? 700 : 400, wordBreak: 'break-all' }}>
                {value}
            </Typography>
        </>
    ) : null;

const ResultBanner = ({ tone, icon, title, text }: { tone: 'valid' | 'invalid' | 'unknown'; icon: ReactNode; title: string; text: string }) => {
    const colors = { valid: '#1b5e20', invalid: '#b71c1c', unknown: '#455a64' }[tone];
    return (
        <Box role="status" sx={{ bgcolor: colors, color: '#fff', borderRadius: 2, px: 2.5, py: 3, textAlign: 'center' }}>
            <Box sx={{ '& svg': { fontSize: 64 } }} aria-hidden>
                {icon}
            </Box>
            <Typography
                component="h1"
                sx={{
                    // The "not found" sentence is long: smaller than the one-word verdicts.
                    fontSize: tone === 'unknown' ? { xs: '1.35rem', sm: '1.6rem' } : { xs: '1.9rem', sm: '2.2rem' },
                    fontWeight: 800,
                    letterSpacing: tone === 'unknown' ? 0 : '0.08em',
                    mt: 0.5,
                }}
            >
                {title}
            </Typography>
            <Typography sx={{ mt: 1, fontSize: '1rem', opacity: 0.95 }}>{text}</Typography>
        </Box>
    );
};

/**
 * 扫码亮证: the page a certificate's QR code opens. Checked in real time (no caching): a revoked or
 * expired certificate shows as invalid at once.
 */
export const CertificateCheck = () => {
    const { token = '' } = useParams();
    usePageTitle(t.title);
    const { data, loading, error, reload } = usePublicApi<CertificateCheckResult>(`certificates/${encodeURIComponent(token)}`);

    if (error && error.status !== 404 && error.status !== 400) return <LoadError error={error} onRetry={reload} />;
    if (error) {
        return (
            <Box sx={{ maxWidth: 560, mx: 'auto' }}>
                <ResultBanner tone="unknown" icon={<HelpOutlineIcon />} title={t.notFound} text={t.notFoundText} />
                <Box sx={{ textAlign: 'center', mt: 2 }}>
                    <Button component={RouterLink} to="/verify">
                        {t.checkAnother}
                    </Button>
                </Box>
            </Box>
        );
    }
    if (!data) return <Loading />;

    const reason = portalText.invalidReasons[data.state] ?? data.state;
    return (
        <Box sx={{ maxWidth: 560, mx: 'auto', opacity: loading ? 0.6 : 1 }}>
            {data.valid ? (
                <ResultBanner tone="valid" icon={<CheckCircleIcon />} title={t.valid} text={t.validText} />
            ) : (
                <ResultBanner tone="invalid" icon={<CancelIcon />} title={t.invalid} text={fill(t.reason, { reason })} />
            )}
            <Card variant="outlined" sx={{ mt: 2 }}>
                <CardContent>
                    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
                        {data.hasPhoto ? (
                            <Box
                                component="img"
                                src={`/api/public/certificates/${encodeURIComponent(token)}/photo`}
                                alt={fill(t.photoAlt, { name: data.officerName })}
                                sx={{ width: 96, height: 128, objectFit: 'cover', borderRadius: 1, border: 1, borderColor: 'divider', flexShrink: 0 }}
                            />
                        ) : (
                            <Avatar sx={{ width: 72, height: 72, bgcolor: 'grey.300' }} aria-hidden>
                                <PersonIcon sx={{ fontSize: 44 }} />
                            </Avatar>
                        )}
                        <Box sx={{ minWidth: 0 }}>
                            <Typography component="p" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
                                {data.officerName}
                            </Typography>
                            {data.post ? <Typography color="text.secondary">{data.post}</Typography> : null}
                        </Box>
                    </Stack>
                    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1 }}>
                        <Row label={t.agency} value={data.agencyName} strong />
                        <Row label={t.number} value={data.certificateNumber} strong />
                        <Row label={t.expiryDate} value={data.expiryDate} />
                        <Row label={t.issuer} value={data.issuer} />
                        <Row label={t.checkedAt} value={formatCheckedAt(data.checkedAt)} />
                    </Box>
                </CardContent>
            </Card>
            <Stack direction="row" spacing={1} sx={{ justifyContent: 'center', mt: 2 }}>
                <Button startIcon={<RefreshIcon />} onClick={reload} disabled={loading}>
                    {t.recheck}
                </Button>
                <Button component={RouterLink} to="/verify">
                    {t.checkAnother}
                </Button>
            </Stack>
        </Box>
    );
};

/** 证件核验 without a code: how to check, and a field for a pasted address or code. */
export const VerifyEntry = () => {
    usePageTitle(t.title);
    const navigate = useNavigate();
    const [text, setText] = useState('');
    const [invalid, setInvalid] = useState(false);
    const submit = (event: FormEvent) => {
        event.preventDefault();
        const token = tokenFrom(text);
        if (!token) {
            setInvalid(true);
            return;
        }
        navigate(`/verify/${token}`);
    };
    return (
        <Box sx={{ maxWidth: 560, mx: 'auto' }}>
            <PageHeading>{t.title}</PageHeading>
            <Typography sx={{ mb: 2 }}>{t.intro}</Typography>
            <Stack component="form" onSubmit={submit} direction={{ xs: 'column', sm: 'row' }} spacing={1} noValidate>
                <TextField
                    label={t.input}
                    value={text}
                    onChange={event => {
                        setText(event.target.value);
                        setInvalid(false);
                    }}
                    error={invalid}
                    helperText={invalid ? t.inputInvalid : undefined}
                    fullWidth
                    size="small"
                    sx={{ bgcolor: '#fff' }}
                />
                <Button type="submit" variant="contained" sx={{ flexShrink: 0, height: 40 }}>
                    {t.submit}
                </Button>
            </Stack>
        </Box>
    );
};
