// 执法人员清理核查 (DOMAIN.md §2): accounts with no lawful basis, officers whose certificates lapsed, and
// certificates about to expire, from GET /api/reports/cleanup.
import { useState, type ReactNode } from 'react';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    CircularProgress,
    Link as MuiLink,
    MenuItem,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useEnforcementAgencyChoices } from '../agencies/EnforcementAgencyInput';
import { CERTIFICATE_STATE_TONES, type CertificateState } from '../certificates/certificateStates';
import { formatDateTime } from '../fields/DateTimeField';
import { StatusChip } from '../fields/StatusChip';
import { API_URL, type ConsoleDataProvider } from '../providers/dataProvider';
import { downloadFile } from '../providers/fileTransfer';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';

interface CleanupReport {
    generatedAt: string;
    today: string;
    expiryWarningDays: number;
    accountsWithoutBasis: Array<{ userId: string; username: string; displayName: string; agencyName: string; reason: string }>;
    officersWithoutValidCertificate: Array<{
        officerId: string;
        name: string;
        agencyName: string;
        certificates: Array<{ id: string; number: string; state: CertificateState; expiryDate: string }>;
    }>;
    certificatesExpiringSoon: Array<{
        certificateId: string;
        number: string;
        officerId: string;
        officerName: string;
        agencyName: string;
        expiryDate: string;
        daysLeft: number;
    }>;
}

// Same range as schemas/cleanup-query.json.
const MIN_DAYS = 1;
const MAX_DAYS = 365;
const DEFAULT_DAYS = 30;

const validDays = (text: string): number | null => {
    if (!/^\d{1,3}$/.test(text)) return null;
    const n = Number(text);
    return n >= MIN_DAYS && n <= MAX_DAYS ? n : null;
};

const ReportSection = ({
    id,
    title,
    hint,
    count,
    headers,
    children,
}: {
    id: string;
    title: string;
    hint: string;
    count: number;
    headers: string[];
    children: ReactNode;
}) => {
    const translate = useTranslate();
    return (
        <Card component="section" aria-labelledby={id}>
            <CardContent>
                <Typography id={id} variant="h6" component="h2">
                    {translate('app.reports.section_count', { title, count })}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {hint}
                </Typography>
                {count === 0 ? (
                    <Typography variant="body2">{translate('app.reports.empty')}</Typography>
                ) : (
                    <TableContainer>
                        <Table size="small" aria-labelledby={id}>
                            <TableHead>
                                <TableRow>
                                    {headers.map(header => (
                                        <TableCell key={header}>{header}</TableCell>
                                    ))}
                                </TableRow>
                            </TableHead>
                            <TableBody>{children}</TableBody>
                        </Table>
                    </TableContainer>
                )}
            </CardContent>
        </Card>
    );
};

const RecordLink = ({ to, children }: { to: string; children: ReactNode }) => (
    <MuiLink component={Link} to={to}>
        {children}
    </MuiLink>
);

export const CleanupReportPage = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const me = useSessionUser();
    const countyWide = isCountyWide(me);
    const { canAccess, isPending: checkingAccess } = useCanAccess({ resource: 'reports', action: 'list' });
    const agencies = useEnforcementAgencyChoices(countyWide);
    const [daysText, setDaysText] = useState(String(DEFAULT_DAYS));
    const [days, setDays] = useState(DEFAULT_DAYS);
    const [agencyId, setAgencyId] = useState('');
    const [exporting, setExporting] = useState(false);
    const query = { days: String(days), agencyId: agencyId || undefined };

    const { data: report, isPending, error } = useQuery({
        queryKey: ['reports/cleanup', query],
        queryFn: () => dataProvider.getDocument<CleanupReport>('reports/cleanup', query).then(r => r.data),
        enabled: !!canAccess,
    });

    if (checkingAccess) return <CircularProgress sx={{ m: 4 }} />;
    if (!canAccess) return <Alert severity="warning" sx={{ mt: 2 }}>{translate('ra.message.access_denied')}</Alert>;

    const exportExcel = async () => {
        setExporting(true);
        try {
            const params = new URLSearchParams({ days: String(days), ...(agencyId ? { agencyId } : {}) });
            await downloadFile(`${API_URL}/reports/cleanup.xlsx?${params}`, 'cleanup.xlsx');
        } catch (e) {
            notify((e as Error).message || 'app.error.file_failed', { type: 'error' });
        } finally {
            setExporting(false);
        }
    };

    const daysInvalid = validDays(daysText) === null;

    return (
        <Box sx={{ mt: 2, mb: 4 }}>
            <Title title="app.reports.cleanup_title" />
            <Stack spacing={2}>
                <Card>
                    <CardContent>
                        <Typography variant="h5" component="h1" gutterBottom>
                            {translate('app.reports.cleanup_title')}
                        </Typography>
                        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                            {translate('app.reports.cleanup_intro')}
                        </Typography>
                        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
                            <TextField
                                label={translate('app.reports.days')}
                                type="number"
                                size="small"
                                value={daysText}
                                onChange={event => {
                                    setDaysText(event.target.value);
                                    const n = validDays(event.target.value);
                                    if (n !== null) setDays(n);
                                }}
                                error={daysInvalid}
                                helperText={translate('app.reports.days_helper')}
                                slotProps={{ htmlInput: { min: MIN_DAYS, max: MAX_DAYS } }}
                                sx={{ width: 180 }}
                            />
                            {countyWide ? (
                                <TextField
                                    select
                                    size="small"
                                    label={translate('app.reports.agency')}
                                    value={agencyId}
                                    onChange={event => setAgencyId(event.target.value)}
                                    sx={{ width: { xs: '100%', sm: 300 } }}
                                    slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                                >
                                    <MenuItem value="">{translate('app.reports.all_agencies')}</MenuItem>
                                    {agencies.map(agency => (
                                        <MenuItem key={agency.id} value={agency.id}>
                                            {agency.name}
                                        </MenuItem>
                                    ))}
                                </TextField>
                            ) : null}
                            <Button
                                variant="outlined"
                                startIcon={exporting ? <CircularProgress size={16} /> : <FileDownloadOutlinedIcon />}
                                onClick={exportExcel}
                                disabled={exporting}
                                sx={{ height: 40, whiteSpace: 'nowrap', flexShrink: 0, alignSelf: { xs: 'flex-start', sm: 'auto' } }}
                            >
                                {translate('app.reports.export')}
                            </Button>
                        </Stack>
                        {report ? (
                            <Typography variant="caption" color="text.secondary">
                                {translate('app.reports.generated_at', { at: formatDateTime(report.generatedAt) })}
                            </Typography>
                        ) : null}
                    </CardContent>
                </Card>
                {error ? (
                    <Alert severity="error">{(error as Error).message}</Alert>
                ) : isPending || !report ? (
                    <CircularProgress sx={{ alignSelf: 'center' }} />
                ) : (
                    <>
                        <ReportSection
                            id="cleanup-accounts"
                            title={translate('app.reports.accounts_title')}
                            hint={translate('app.reports.accounts_hint')}
                            count={report.accountsWithoutBasis.length}
                            headers={[
                                translate('app.reports.username'),
                                translate('app.reports.display_name'),
                                translate('app.reports.agency_name'),
                                translate('app.reports.reason'),
                            ]}
                        >
                            {report.accountsWithoutBasis.map(account => (
                                <TableRow key={account.userId}>
                                    <TableCell>
                                        <RecordLink to={`/users/${account.userId}/show`}>{account.username}</RecordLink>
                                    </TableCell>
                                    <TableCell>{account.displayName}</TableCell>
                                    <TableCell>{account.agencyName}</TableCell>
                                    <TableCell>{translate(`app.reports.reasons.${account.reason}`, { _: account.reason })}</TableCell>
                                </TableRow>
                            ))}
                        </ReportSection>
                        <ReportSection
                            id="cleanup-officers"
                            title={translate('app.reports.officers_title')}
                            hint={translate('app.reports.officers_hint')}
                            count={report.officersWithoutValidCertificate.length}
                            headers={[
                                translate('app.reports.officer_name'),
                                translate('app.reports.agency_name'),
                                translate('app.reports.certificates'),
                            ]}
                        >
                            {report.officersWithoutValidCertificate.map(officer => (
                                <TableRow key={officer.officerId}>
                                    <TableCell>
                                        <RecordLink to={`/officers/${officer.officerId}/show`}>{officer.name}</RecordLink>
                                    </TableCell>
                                    <TableCell>{officer.agencyName}</TableCell>
                                    <TableCell>
                                        {officer.certificates.length === 0 ? (
                                            translate('app.reports.no_certificate')
                                        ) : (
                                            <Stack spacing={0.5}>
                                                {officer.certificates.map(certificate => (
                                                    <Stack key={certificate.id} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                                                        <RecordLink to={`/certificates/${certificate.id}/show`}>{certificate.number}</RecordLink>
                                                        <StatusChip
                                                            label={translate(`app.certificate_state.${certificate.state}`, { _: certificate.state })}
                                                            tone={CERTIFICATE_STATE_TONES[certificate.state] ?? 'grey'}
                                                        />
                                                        <Typography variant="caption" color="text.secondary">
                                                            {translate('app.reports.valid_until', { date: certificate.expiryDate })}
                                                        </Typography>
                                                    </Stack>
                                                ))}
                                            </Stack>
                                        )}
                                    </TableCell>
                                </TableRow>
                            ))}
                        </ReportSection>
                        <ReportSection
                            id="cleanup-expiring"
                            title={translate('app.reports.expiring_title', { days: report.expiryWarningDays })}
                            hint={translate('app.reports.expiring_hint')}
                            count={report.certificatesExpiringSoon.length}
                            headers={[
                                translate('app.reports.number'),
                                translate('app.reports.officer_name'),
                                translate('app.reports.agency_name'),
                                translate('app.reports.expiry_date'),
                                translate('app.reports.days_left'),
                            ]}
                        >
                            {report.certificatesExpiringSoon.map(certificate => (
                                <TableRow key={certificate.certificateId}>
                                    <TableCell>
                                        <RecordLink to={`/certificates/${certificate.certificateId}/show`}>{certificate.number}</RecordLink>
                                    </TableCell>
                                    <TableCell>{certificate.officerName}</TableCell>
                                    <TableCell>{certificate.agencyName}</TableCell>
                                    <TableCell>{certificate.expiryDate}</TableCell>
                                    <TableCell>
                                        <StatusChip
                                            label={translate('app.reports.days_left_value', { smart_count: certificate.daysLeft })}
                                            tone={certificate.daysLeft <= 7 ? 'red' : 'orange'}
                                        />
                                    </TableCell>
                                </TableRow>
                            ))}
                        </ReportSection>
                    </>
                )}
            </Stack>
        </Box>
    );
};
