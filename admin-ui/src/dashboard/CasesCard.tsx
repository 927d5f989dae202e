import { Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { Link, useGetList, useTranslate } from 'react-admin';
import { OPEN_STATUSES, UNDECIDED_STATUSES } from '../cases/caseVocabulary';
import type { SessionUser } from '../providers/session';

// Cases looked at for "due soon": the undecided, not yet overdue ones, oldest filing first (closest deadline).
const DUE_SOON_SAMPLE = 500;

const listLink = (filter: Record<string, unknown>) =>
    `/cases?${new URLSearchParams({ filter: JSON.stringify(filter), sort: 'filedOn', order: 'ASC' }).toString()}`;

const Figure = ({
    label,
    value,
    pending,
    tone,
    to,
}: {
    label: string;
    value: string;
    pending: boolean;
    tone?: 'error.main' | 'warning.dark';
    to?: string;
}) => (
    <Box sx={{ flex: 1, minWidth: 96 }}>
        <Typography variant="body2" color="text.secondary">
            {label}
        </Typography>
        {pending ? (
            <CircularProgress size={20} sx={{ mt: 1 }} />
        ) : to ? (
            <Typography
                component={Link}
                to={to}
                variant="h4"
                sx={{
                    color: tone ?? 'text.primary',
                    textDecoration: 'none',
                    '&:hover': { textDecoration: 'underline' },
                }}
                aria-label={`${label}：${value}`}
            >
                {value}
            </Typography>
        ) : (
            <Typography variant="h4" sx={{ color: tone ?? 'text.primary' }} aria-label={`${label}：${value}`}>
                {value}
            </Typography>
        )}
    </Box>
);

/**
 * 我的案件: open, overdue and due-soon cases, counted by the API (Content-Range totals). An officer sees the
 * cases assigned to them, a head of department those of the agency.
 */
export const CasesCard = ({ user }: { user: SessionUser }) => {
    const translate = useTranslate();
    const asOfficer = user.roles.includes('officer');
    const { data: own, isPending: ownPending } = useGetList(
        'officers',
        { filter: { userId: user.id, status: 'active' }, pagination: { page: 1, perPage: 1 } },
        { enabled: asOfficer }
    );
    const officerId = own?.[0]?.id;
    const ready = !asOfficer || (!ownPending && !!officerId);
    const scope = asOfficer ? { officerId } : {};
    const one = { page: 1, perPage: 1 };
    const { total: open, isPending: openPending } = useGetList(
        'cases',
        { filter: { ...scope, status: OPEN_STATUSES }, pagination: one },
        { enabled: ready }
    );
    const { total: overdue, isPending: overduePending } = useGetList(
        'cases',
        { filter: { ...scope, overdue: true }, pagination: one },
        { enabled: ready }
    );
    // The API computes the deadline state per case but has no filter for "due soon": count it on the undecided ones.
    const {
        data: undecided,
        total: undecidedTotal,
        isPending: undecidedPending,
    } = useGetList(
        'cases',
        {
            filter: { ...scope, status: UNDECIDED_STATUSES, overdue: false },
            sort: { field: 'filedOn', order: 'ASC' },
            pagination: { page: 1, perPage: DUE_SOON_SAMPLE },
        },
        { enabled: ready }
    );
    const dueSoon = (undecided ?? []).filter(c => c.deadlineState === 'due_soon').length;
    const dueSoonText = (undecidedTotal ?? 0) > DUE_SOON_SAMPLE ? `≥${dueSoon}` : String(dueSoon);

    return (
        <Card component="section" aria-labelledby="cases-card-title">
            <CardContent>
                <Typography id="cases-card-title" variant="h6" component="h2" gutterBottom>
                    {translate(asOfficer ? 'app.dashboard.my_cases_title' : 'app.dashboard.agency_cases_title')}
                </Typography>
                {asOfficer && !ownPending && !officerId ? (
                    <Typography variant="body2">{translate('app.dashboard.no_officer_record')}</Typography>
                ) : (
                    <>
                        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                            <Figure
                                label={translate('app.dashboard.open_cases')}
                                value={String(open ?? 0)}
                                pending={!ready || openPending}
                                to={listLink({ ...scope, status: OPEN_STATUSES })}
                            />
                            <Figure
                                label={translate('app.dashboard.overdue_cases')}
                                value={String(overdue ?? 0)}
                                pending={!ready || overduePending}
                                tone={overdue ? 'error.main' : undefined}
                                to={listLink({ ...scope, overdue: true })}
                            />
                            <Figure
                                label={translate('app.dashboard.due_soon_cases')}
                                value={dueSoonText}
                                pending={!ready || undecidedPending}
                                tone={dueSoon ? 'warning.dark' : undefined}
                            />
                        </Stack>
                        <Button component={Link} to="/cases" size="small" sx={{ mt: 1, ml: -1 }}>
                            {translate('app.dashboard.all_cases')}
                        </Button>
                    </>
                )}
            </CardContent>
        </Card>
    );
};
