// 工作日历 (DOMAIN.md §8): the year's holidays and adjusted workdays as a month grid, the legal
// office's changes, and a working-day calculator. Everyone signed in reads it; the supervisor
// (calendar:write) changes single days and imports a year's schedule, each change audited and versioned.
import { useMemo, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    CircularProgress,
    IconButton,
    MenuItem,
    Stack,
    TextField,
    Tooltip,
    Typography,
} from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useCanAccess, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router';
import { calendarApi, calendarKeys, type CalendarChange, type CalendarDay } from './calendarApi';
import { ChangesHistory } from './ChangesHistory';
import { DayDialog } from './DayDialog';
import { ImportDialog } from './ImportDialog';
import { RecomputeCard } from './RecomputeCard';
import { WorkdayCalculator } from './WorkdayCalculator';
import { isChangedDay, Legend, YearGrid } from './YearGrid';

// The years GET/PUT /api/calendar/years/:year accept (schemas/year-params.json).
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const yearFromParam = (value: string | null): number | null => {
    const year = Number(value);
    return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
};

/** The latest change of each date of the year, unless it returned the day to the announced schedule. */
const changesOfYear = (changes: CalendarChange[] | undefined, year: number): Map<string, CalendarChange> => {
    const latest = new Map<string, CalendarChange>();
    for (const change of changes ?? []) {
        if (!change.date.startsWith(`${year}-`)) continue;
        const seen = latest.get(change.date);
        if (!seen || seen.version < change.version) latest.set(change.date, change);
    }
    for (const [date, change] of latest) if (change.kind === 'default') latest.delete(date);
    return latest;
};

export const CalendarPage = () => {
    const translate = useTranslate();
    const queryClient = useQueryClient();
    const { canAccess: canWrite } = useCanAccess({ resource: 'calendar', action: 'write' });
    const [params, setParams] = useSearchParams();
    const thisYear = new Date().getFullYear();
    const year = yearFromParam(params.get('year')) ?? thisYear;
    const setYear = (next: number) => setParams({ year: String(next) }, { replace: true });

    const years = useQuery({ queryKey: calendarKeys.years, queryFn: calendarApi.years });
    const schedule = useQuery({ queryKey: calendarKeys.year(year), queryFn: () => calendarApi.year(year) });
    const changes = useQuery({ queryKey: calendarKeys.changes, queryFn: calendarApi.changes });

    const [selected, setSelected] = useState<string | null>(null);
    const [dayOpen, setDayOpen] = useState(false);
    const [importOpen, setImportOpen] = useState(false);

    const specials = useMemo(
        () => new Map<string, CalendarDay>((schedule.data?.days ?? []).map(day => [day.date, day])),
        [schedule.data]
    );
    const changedDays = useMemo(() => changesOfYear(changes.data, year), [changes.data, year]);

    const refresh = () => queryClient.invalidateQueries({ queryKey: calendarKeys.all });

    const knownYears = years.data?.years ?? [];
    const yearChoices = [...new Set([...knownYears, thisYear - 1, thisYear, thisYear + 1, year])]
        .filter(y => y >= MIN_YEAR && y <= MAX_YEAR)
        .sort((a, b) => b - a);
    const yearKnown = (y: number) => knownYears.includes(y);

    const holidays = schedule.data?.days.filter(d => d.kind === 'holiday').length ?? 0;
    const workdays = schedule.data?.days.filter(d => d.kind === 'workday').length ?? 0;
    const changedCount = [...changedDays.values()].filter(change => isChangedDay(specials.get(change.date), change)).length;

    return (
        <Box sx={{ mt: 2, mb: 4 }}>
            <Title title="app.calendar.title" />
            <Stack spacing={2}>
                <Card component="section" aria-labelledby="calendar-title">
                    <CardContent>
                        <Typography id="calendar-title" variant="h5" component="h1" gutterBottom>
                            {translate('app.calendar.title')}
                        </Typography>
                        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                            {translate('app.calendar.intro')}
                        </Typography>
                        <Stack
                            direction={{ xs: 'column', sm: 'row' }}
                            spacing={2}
                            sx={{ alignItems: { sm: 'center' }, mb: 2 }}
                        >
                            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                                <Tooltip title={translate('app.calendar.previous_year')}>
                                    <span>
                                        <IconButton
                                            aria-label={translate('app.calendar.previous_year')}
                                            onClick={() => setYear(year - 1)}
                                            disabled={year <= MIN_YEAR}
                                        >
                                            <ChevronLeftIcon />
                                        </IconButton>
                                    </span>
                                </Tooltip>
                                <TextField
                                    select
                                    size="small"
                                    label={translate('app.calendar.year')}
                                    value={year}
                                    onChange={event => setYear(Number(event.target.value))}
                                    sx={{ width: 200 }}
                                >
                                    {yearChoices.map(y => (
                                        <MenuItem key={y} value={y}>
                                            {yearKnown(y) || !years.data
                                                ? translate('app.calendar.year_option', { year: y })
                                                : translate('app.calendar.year_option_missing', { year: y })}
                                        </MenuItem>
                                    ))}
                                </TextField>
                                <Tooltip title={translate('app.calendar.next_year')}>
                                    <span>
                                        <IconButton
                                            aria-label={translate('app.calendar.next_year')}
                                            onClick={() => setYear(year + 1)}
                                            disabled={year >= MAX_YEAR}
                                        >
                                            <ChevronRightIcon />
                                        </IconButton>
                                    </span>
                                </Tooltip>
                            </Stack>
                            {schedule.data ? (
                                <Box sx={{ flex: 1 }}>
                                    {schedule.data.known ? (
                                        <Typography variant="body2">
                                            {translate('app.calendar.summary', {
                                                holidays,
                                                workdays,
                                                changed: changedCount,
                                            })}
                                        </Typography>
                                    ) : null}
                                    <Typography variant="body2" color="text.secondary">
                                        {translate('app.calendar.version', { version: schedule.data.calendarVersion })}
                                    </Typography>
                                </Box>
                            ) : (
                                <Box sx={{ flex: 1 }} />
                            )}
                            {canWrite ? (
                                <Button
                                    variant="outlined"
                                    startIcon={<UploadFileOutlinedIcon />}
                                    onClick={() => setImportOpen(true)}
                                >
                                    {translate('app.calendar.import')}
                                </Button>
                            ) : null}
                        </Stack>
                        {schedule.data && !schedule.data.known ? (
                            <Alert
                                severity="warning"
                                sx={{ mb: 2 }}
                                action={
                                    canWrite ? (
                                        <Button color="inherit" size="small" onClick={() => setImportOpen(true)}>
                                            {translate('app.calendar.import')}
                                        </Button>
                                    ) : undefined
                                }
                            >
                                {translate('app.calendar.missing_year', { year })}
                                {canWrite ? '' : translate('app.calendar.missing_year_read_only')}
                            </Alert>
                        ) : null}
                        {canWrite === false ? (
                            <Alert severity="info" sx={{ mb: 2 }}>
                                {translate('app.calendar.read_only')}
                            </Alert>
                        ) : canWrite ? (
                            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                                {translate('app.calendar.click_hint')}
                            </Typography>
                        ) : null}
                        <Box sx={{ mb: 2 }}>
                            <Legend />
                        </Box>
                        {schedule.error ? (
                            <Alert severity="error" role="alert">
                                {translate((schedule.error as Error).message || 'ra.notification.http_error', {
                                    _: (schedule.error as Error).message,
                                })}
                            </Alert>
                        ) : schedule.isPending ? (
                            <CircularProgress sx={{ m: 4 }} />
                        ) : (
                            <YearGrid
                                year={year}
                                specials={specials}
                                changes={changedDays}
                                canEdit={!!canWrite}
                                onSelect={date => {
                                    setSelected(date);
                                    setDayOpen(true);
                                }}
                            />
                        )}
                    </CardContent>
                </Card>
                <WorkdayCalculator calendarVersion={years.data?.calendarVersion} />
                {canWrite ? <RecomputeCard /> : null}
                <ChangesHistory changes={changes.data} packageVersion={years.data?.packageVersion} />
            </Stack>
            {canWrite && selected ? (
                <DayDialog
                    date={selected}
                    open={dayOpen}
                    special={specials.get(selected)}
                    change={changedDays.get(selected)}
                    calendarVersion={schedule.data?.calendarVersion ?? ''}
                    onClose={() => setDayOpen(false)}
                    onSaved={() => {
                        setDayOpen(false);
                        void refresh();
                    }}
                />
            ) : null}
            {canWrite ? (
                <ImportDialog
                    year={year}
                    open={importOpen}
                    current={schedule.data}
                    onClose={() => setImportOpen(false)}
                    onImported={() => {
                        setImportOpen(false);
                        void refresh();
                    }}
                />
            ) : null}
        </Box>
    );
};
