// 工作日计算器: N working days after a date, and the working days between two dates, computed by the
// API with the calendar in force (the same service every deadline uses), with its version and warnings.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { calendarDate } from '../fields/calendarDate';
import { calendarApi, missingYearOf, type WorkdayResult, type WorkdaysBetweenResult } from './calendarApi';
import { useCalendarText } from './calendarDates';

type ApiError = { message?: string; body?: { errors?: Record<string, string> } };

const Warnings = ({ warnings }: { warnings: string[] }) => {
    const translate = useTranslate();
    return (
        <>
            {warnings.map(warning => {
                const year = missingYearOf(warning);
                return (
                    <Alert key={warning} severity="warning" sx={{ mt: 1 }}>
                        {year ? translate('app.calendar.calculator.warning_year_missing', { year }) : warning}
                    </Alert>
                );
            })}
        </>
    );
};

/**
 * One calculation: inputs, a button, the answer, or the API's field errors next to the inputs (its
 * message above them when no field is named). `rerun` repeats the last successful calculation, so
 * that the answer shown follows a change of the calendar.
 */
const useCalculation = <T,>() => {
    const translate = useTranslate();
    const [result, setResult] = useState<T | null>(null);
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [message, setMessage] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const last = useRef<(() => Promise<T>) | null>(null);
    const run = async (call: () => Promise<T>, local: Record<string, string>) => {
        setErrors(local);
        setMessage(null);
        last.current = null;
        if (Object.keys(local).length) {
            setResult(null);
            return;
        }
        setBusy(true);
        try {
            setResult(await call());
            last.current = call;
        } catch (error) {
            const e = error as ApiError;
            const fieldErrors = e.body?.errors ?? {};
            setResult(null);
            setErrors(fieldErrors);
            if (!Object.keys(fieldErrors).length) {
                setMessage(translate(e.message ?? 'ra.notification.http_error', { _: e.message }));
            }
        } finally {
            setBusy(false);
        }
    };
    const rerun = () => {
        if (last.current) void run(last.current, {});
    };
    return { result, errors, message, busy, run, rerun };
};

type Calculation<T> = ReturnType<typeof useCalculation<T>>;

/** A date input of the calculator; a blank helper keeps the row's inputs aligned. */
const DateInput = ({
    label,
    value,
    onChange,
    error,
}: {
    label: string;
    value: string;
    onChange: (value: string) => void;
    error?: string;
}) => (
    <TextField
        type="date"
        size="small"
        label={label}
        value={value}
        onChange={event => onChange(event.target.value)}
        error={!!error}
        helperText={error ?? ' '}
        slotProps={{ inputLabel: { shrink: true } }}
    />
);

/**
 * One of the calculator's forms: its inputs and the button in a row, then the API's message or the
 * answer (`sentence`) with the calendar version it was computed with and its warnings.
 */
const CalculationForm = <T extends { calendarVersion: string; warnings: string[] },>({
    title,
    calculation,
    onSubmit,
    sentence,
    children,
}: {
    /** Already translated; also the form's accessible name. */
    title: string;
    calculation: Calculation<T>;
    onSubmit: (event: FormEvent) => void;
    sentence: (result: T) => string;
    children: ReactNode;
}) => {
    const translate = useTranslate();
    const { result, message, busy } = calculation;
    return (
        <Box component="form" noValidate onSubmit={onSubmit} aria-label={title}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
                {title}
            </Typography>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
                {children}
                <Button type="submit" variant="contained" disabled={busy} sx={{ mt: '2px' }}>
                    {translate('app.calendar.calculator.compute')}
                </Button>
            </Stack>
            {message ? <Alert severity="error" role="alert">{message}</Alert> : null}
            {result ? (
                <Box role="status" sx={{ mt: 1 }}>
                    <Typography variant="body1" sx={{ fontWeight: 600 }}>
                        {sentence(result)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.calendar.calculator.version', { version: result.calendarVersion })}
                    </Typography>
                    <Warnings warnings={result.warnings} />
                </Box>
            ) : null}
        </Box>
    );
};

export const WorkdayCalculator = ({ calendarVersion }: { calendarVersion: string | undefined }) => {
    const translate = useTranslate();
    const { dateLabel } = useCalendarText();
    const today = calendarDate();
    const [from, setFrom] = useState(today);
    const [days, setDays] = useState('5');
    const [betweenFrom, setBetweenFrom] = useState(today);
    const [betweenTo, setBetweenTo] = useState('');
    const add = useCalculation<WorkdayResult & { from: string; days: string }>();
    const between = useCalculation<WorkdaysBetweenResult & { from: string; to: string }>();
    const required = translate('ra.validation.required');

    // A change of the calendar (a day changed, a year imported) recomputes the answers shown.
    useEffect(() => {
        add.rerun();
        between.rerun();
    }, [calendarVersion]);

    const computeAdd = (event: FormEvent) => {
        event.preventDefault();
        const local: Record<string, string> = {};
        if (!from) local.from = required;
        if (!days) local.days = required;
        void add.run(async () => ({ ...(await calendarApi.addWorkdays(from, days)), from, days }), local);
    };
    const computeBetween = (event: FormEvent) => {
        event.preventDefault();
        const local: Record<string, string> = {};
        if (!betweenFrom) local.from = required;
        if (!betweenTo) local.to = required;
        void between.run(
            async () => ({ ...(await calendarApi.workdaysBetween(betweenFrom, betweenTo)), from: betweenFrom, to: betweenTo }),
            local
        );
    };
    return (
        <Card component="section" aria-labelledby="calendar-calculator-title">
            <CardContent>
                <Typography id="calendar-calculator-title" variant="h6" component="h2">
                    {translate('app.calendar.calculator.title')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                    {translate('app.calendar.calculator.intro')}
                </Typography>
                <Box
                    sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}
                >
                    <CalculationForm
                        title={translate('app.calendar.calculator.add_title')}
                        calculation={add}
                        onSubmit={computeAdd}
                        sentence={result =>
                            translate('app.calendar.calculator.add_result', {
                                from: dateLabel(result.from),
                                days: result.days,
                                date: dateLabel(result.date),
                            })
                        }
                    >
                        <DateInput
                            label={translate('app.calendar.calculator.from')}
                            value={from}
                            onChange={setFrom}
                            error={add.errors.from}
                        />
                        <TextField
                            size="small"
                            label={translate('app.calendar.calculator.days')}
                            value={days}
                            onChange={event => setDays(event.target.value.trim())}
                            error={!!add.errors.days}
                            helperText={add.errors.days ?? translate('app.calendar.calculator.days_helper')}
                            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                            sx={{ width: 160 }}
                        />
                    </CalculationForm>
                    <CalculationForm
                        title={translate('app.calendar.calculator.between_title')}
                        calculation={between}
                        onSubmit={computeBetween}
                        sentence={result =>
                            translate('app.calendar.calculator.between_result', {
                                from: dateLabel(result.from),
                                to: dateLabel(result.to),
                                count: result.workdays,
                            })
                        }
                    >
                        <DateInput
                            label={translate('app.calendar.calculator.from')}
                            value={betweenFrom}
                            onChange={setBetweenFrom}
                            error={between.errors.from}
                        />
                        <DateInput
                            label={translate('app.calendar.calculator.to')}
                            value={betweenTo}
                            onChange={setBetweenTo}
                            error={between.errors.to}
                        />
                    </CalculationForm>
                </Box>
            </CardContent>
        </Card>
    );
};
