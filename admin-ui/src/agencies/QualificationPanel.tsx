import {
    Box,
    Card,
    CardContent,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../fields/DateTimeField';
import { StatusChip } from '../fields/StatusChip';
import { QUALIFICATION_TONES, type QualificationStatus } from './enforcementSubject';
import { QualificationActions } from './QualificationActions';

interface QualificationEvent {
    action: string;
    from: string;
    to: string;
    at: string;
    byName?: string;
    basis?: string;
    reason?: string;
    publicationDate?: string;
    announcementRef?: string;
}

export const QualificationStatusChip = ({ status }: { status: string | undefined }) => {
    const translate = useTranslate();
    if (!status) return null;
    return (
        <StatusChip
            label={translate(`app.qualification_status.${status}`, { _: status })}
            tone={QUALIFICATION_TONES[status as QualificationStatus] ?? 'grey'}
        />
    );
};

export const MayEnforceChip = ({ value }: { value: boolean | undefined }) => {
    const translate = useTranslate();
    if (value === undefined) return null;
    return (
        <StatusChip
            label={translate(value ? 'app.qualification.may_enforce' : 'app.qualification.may_not_enforce')}
            tone={value ? 'green' : 'grey'}
        />
    );
};

// A definition list row; nothing is shown for an empty value.
const Detail = ({ label, value }: { label: string; value?: string | null }) =>
    value ? (
        <>
            <Typography component="dt" variant="body2" color="text.secondary">
                {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
                {value}
            </Typography>
        </>
    ) : null;

const eventDetails = (event: QualificationEvent, translate: (key: string, options?: object) => string): string =>
    (
        [
            ['app.qualification.basis', event.basis],
            ['app.qualification.publication_date', event.publicationDate],
            ['app.qualification.announcement_ref', event.announcementRef],
            ['app.qualification.reason', event.reason],
        ] as const
    )
        .filter(([, value]) => !!value)
        .map(([label, value]) => translate('app.qualification.detail_line', { label: translate(label), value }))
        .join('\n');

export const QualificationHistory = ({ history }: { history: QualificationEvent[] }) => {
    const translate = useTranslate();
    // Newest first: the current state is explained by the top row.
    const rows = [...history].reverse();
    return (
        <Box component="section" aria-labelledby="qualification-history-title">
            <Typography id="qualification-history-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
                {translate('app.qualification.history_title')}
            </Typography>
            {rows.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('app.qualification.history_empty')}
                </Typography>
            ) : (
                <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
                    <Table size="small" aria-labelledby="qualification-history-title">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('app.qualification.history_at')}</TableCell>
                                <TableCell>{translate('app.qualification.history_action')}</TableCell>
                                <TableCell>{translate('app.qualification.history_transition')}</TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.qualification.history_by')}</TableCell>
                                <TableCell>{translate('app.qualification.history_details')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map((event, index) => (
                                <TableRow key={`${event.at}-${index}`}>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</TableCell>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                        {translate(`app.qualification_actions.${event.action}`, { _: event.action })}
                                    </TableCell>
                                    <TableCell>
                                        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'nowrap' }}>
                                            <QualificationStatusChip status={event.from} />
                                            <span aria-label={translate('app.qualification.to')}>→</span>
                                            <QualificationStatusChip status={event.to} />
                                        </Stack>
                                    </TableCell>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{event.byName ?? '—'}</TableCell>
                                    <TableCell sx={{ whiteSpace: 'pre-wrap', minWidth: 200 }}>
                                        {eventDetails(event, translate) || '—'}
                                    </TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </TableContainer>
            )}
        </Box>
    );
};

/** 执法主体资格: status, whether the agency may enforce, the decisions so far, and the supervisor's actions. */
export const QualificationPanel = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record || record.kind !== 'enforcement') return null;
    const q = record.qualification ?? {};
    return (
        <Card component="section" aria-labelledby="qualification-title">
            <CardContent>
                <Stack
                    direction={{ xs: 'column', sm: 'row' }}
                    spacing={1}
                    sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}
                >
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                        <Typography id="qualification-title" variant="h6" component="h2">
                            {translate('app.qualification.title')}
                        </Typography>
                        <QualificationStatusChip status={q.status} />
                        <MayEnforceChip value={record.mayEnforce} />
                    </Stack>
                    <QualificationActions />
                </Stack>
                <Box
                    component="dl"
                    sx={{ m: 0, mb: 2, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '10em 1fr' }, columnGap: 2, rowGap: 1 }}
                >
                    <Detail label={translate('app.qualification.basis')} value={q.confirmationBasis} />
                    <Detail label={translate('app.qualification.confirmed_at')} value={formatDateTime(q.confirmedAt)} />
                    <Detail label={translate('app.qualification.publication_date')} value={q.publicationDate} />
                    <Detail label={translate('app.qualification.announcement_ref')} value={q.announcementRef} />
                    <Detail label={translate('app.qualification.reason')} value={q.reason} />
                </Box>
                <QualificationHistory history={q.history ?? []} />
            </CardContent>
        </Card>
    );
};
