import { useState } from 'react';
import {
    Alert,
    Box,
    Card,
    CardContent,
    CircularProgress,
    MenuItem,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { TONE_COLORS } from '../fields/StatusChip';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { DUE_STATE_TONES, OUTCOME_TONES, REVIEW_OUTCOMES, type DueState, type ReviewOutcome } from './reviewVocabulary';

interface ReviewStatistics {
    total: number;
    completed: number;
    onTimeRate: number | null;
    averageWorkdays: number | null;
    outcomes: Record<string, number>;
    open: Record<string, number>;
    calendarVersion: string;
}

const OPEN_STATES: DueState[] = ['on_time', 'due_soon', 'overdue', 'paused'];

const Figure = ({ label, value }: { label: string; value: string }) => (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 160 }}>
        <CardContent>
            <Typography variant="body2" color="text.secondary">
                {label}
            </Typography>
            <Typography variant="h4" component="p" aria-label={`${label}：${value}`}>
                {value}
            </Typography>
        </CardContent>
    </Card>
);

const Chart = ({
    title,
    id,
    data,
}: {
    title: string;
    id: string;
    data: Array<{ name: string; value: number; color: string }>;
}) => {
    const translate = useTranslate();
    const total = data.reduce((sum, d) => sum + d.value, 0);
    return (
        <Card variant="outlined" component="section" aria-labelledby={id} sx={{ flex: 1, minWidth: 300 }}>
            <CardContent>
                <Typography id={id} variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
                    {title}
                </Typography>
                {total === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.review_stats.no_data')}
                    </Typography>
                ) : (
                    <>
                        <Box sx={{ width: '100%', height: 260 }} aria-hidden>
                            <ResponsiveContainer>
                                <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
                                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                                    <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
                                    <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                                    <Tooltip />
                                    <Bar dataKey="value" name={translate('app.review_stats.count')}>
                                        {data.map(d => (
                                            <Cell key={d.name} fill={d.color} />
                                        ))}
                                    </Bar>
                                </BarChart>
                            </ResponsiveContainer>
                        </Box>
                        {/* The same figures as text, for screen readers and for copying. */}
                        <Box component="ul" sx={{ m: 0, pl: 2.5, columns: 2 }}>
                            {data.map(d => (
                                <Typography component="li" variant="body2" key={d.name}>
                                    {d.name}：{d.value}
                                </Typography>
                            ))}
                        </Box>
                    </>
                )}
            </CardContent>
        </Card>
    );
};

/**
 * 法制审核统计 of the agency (all agencies, or one, for the legal office): on-time rate, average working
 * days taken, the outcomes of every opinion issued, and the reviews still open by the state of their clock.
 */
export const ReviewStatisticsPage = () => {
    const translate = useTranslate();
    const me = useSessionUser();
    const countyWide = isCountyWide(me);
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const [from, setFrom] = useState('');
    const [to, setTo] = useState('');
    const [agencyId, setAgencyId] = useState('');
    const { data: agencies } = useGetList(
        'agencies',
        { filter: { kind: 'enforcement' }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
        { enabled: countyWide }
    );
    const query = { from: from || undefined, to: to || undefined, agencyId: agencyId || undefined };
    const { data, isPending, error } = useQuery({
        queryKey: ['reviews', 'statistics', query],
        queryFn: () => dataProvider.getDocument<ReviewStatistics>('reviews/statistics', query).then(r => r.data),
    });
    const percent = (rate: number | null | undefined) =>
        rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
    return (
        <Box sx={{ mt: 2 }}>
            <Title title={translate('app.review_stats.title')} />
            <Card sx={{ mb: 2 }}>
                <CardContent>
                    <Typography variant="h6" component="h1">
                        {translate('app.review_stats.title')}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                        {translate('app.review_stats.intro')}
                    </Typography>
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ '& .MuiTextField-root': { minWidth: 200 } }}>
                        {countyWide ? (
                            <TextField
                                select
                                label={translate('resources.cases.fields.agencyId')}
                                value={agencyId}
                                onChange={event => setAgencyId(event.target.value)}
                                sx={{ minWidth: 240 }}
                                size="small"
                            >
                                <MenuItem value="">{translate('app.review_stats.all_agencies')}</MenuItem>
                                {(agencies ?? []).map(agency => (
                                    <MenuItem key={agency.id} value={String(agency.id)}>
                                        {agency.name}
                                    </MenuItem>
                                ))}
                            </TextField>
                        ) : null}
                        <TextField
                            label={translate('app.review_stats.from')}
                            type="date"
                            size="small"
                            value={from}
                            onChange={event => setFrom(event.target.value)}
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                        <TextField
                            label={translate('app.review_stats.to')}
                            type="date"
                            size="small"
                            value={to}
                            onChange={event => setTo(event.target.value)}
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                    </Stack>
                </CardContent>
            </Card>
            {isPending ? (
                <CircularProgress aria-label={translate('ra.page.loading')} />
            ) : error || !data ? (
                <Alert severity="error">{translate((error as Error)?.message || 'ra.notification.http_error')}</Alert>
            ) : (
                <Stack spacing={2}>
                    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        <Figure label={translate('app.review_stats.total')} value={String(data.total)} />
                        <Figure label={translate('app.review_stats.completed')} value={String(data.completed)} />
                        <Figure label={translate('app.review_stats.on_time_rate')} value={percent(data.onTimeRate)} />
                        <Figure
                            label={translate('app.review_stats.average_workdays')}
                            value={data.averageWorkdays === null ? '—' : String(data.averageWorkdays)}
                        />
                    </Stack>
                    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                        <Chart
                            id="review-stats-outcomes"
                            title={translate('app.review_stats.outcomes')}
                            data={REVIEW_OUTCOMES.map(outcome => ({
                                name: translate(`app.review_outcomes.${outcome}`),
                                value: data.outcomes[outcome] ?? 0,
                                color: TONE_COLORS[OUTCOME_TONES[outcome as ReviewOutcome]],
                            }))}
                        />
                        <Chart
                            id="review-stats-open"
                            title={translate('app.review_stats.open')}
                            data={OPEN_STATES.map(state => ({
                                name: translate(`app.review_due_state.${state}`),
                                value: data.open[state] ?? 0,
                                color: TONE_COLORS[DUE_STATE_TONES[state]],
                            }))}
                        />
                    </Stack>
                    <Typography variant="caption" color="text.secondary">
                        {translate('app.review_stats.calendar', { version: data.calendarVersion })}
                    </Typography>
                </Stack>
            )}
        </Box>
    );
};
