// The supervisor imports a year's schedule as announced by the State Council General Office: pasted
// or uploaded JSON in the format of PUT /api/calendar/years/:year (schemas/calendar-year-import.json),
// checked, summarised, confirmed, then sent. The API replaces the year's holidays and adjusted workdays.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import {
    Alert,
    Box,
    Button,
    Dialog,
    DialogContent,
    DialogTitle,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { useNotify, useTranslate } from 'react-admin';
import importSchema from '../../../schemas/calendar-year-import.json';
import { DialogButtons } from '../dialogs/FormDialog';
import { calendarApi, type CalendarYear, type YearImport } from './calendarApi';

const REASON_MIN = importSchema.properties.reason.minLength;
const REASON_MAX = importSchema.properties.reason.maxLength;
const LISTS = ['holidays', 'workdays'] as const;

type Entry = { date: string; name?: string };
type Parsed = { holidays: Entry[]; workdays: Entry[]; reason?: string };

/** A template for the year: the shape the API expects, with one example of each list. */
export const importTemplate = (year: number) =>
    JSON.stringify(
        {
            holidays: [
                { date: `${year}-01-01`, name: '元旦' },
                { date: `${year}-10-01`, name: '国庆节' },
            ],
            workdays: [{ date: `${year}-10-10`, name: '国庆节' }],
        },
        null,
        2
    );

/**
 * Reads the text as the import body: `{ holidays: [...], workdays: [...], reason? }`, each entry a
 * `{ date, name? }` object or a plain date string. An optional `year` must be the selected year.
 * Returns a translation key (+ arguments) when the text does not have that shape; the dates
 * themselves are checked by the API.
 */
export const parseImport = (
    text: string,
    year: number
): { ok: true; value: Parsed } | { ok: false; key: string; args?: Record<string, unknown> } => {
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return { ok: false, key: 'app.calendar.import_dialog.bad_json', args: { error: (error as Error).message } };
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, key: 'app.calendar.import_dialog.bad_shape' };
    const object = json as Record<string, unknown>;
    for (const key of Object.keys(object)) {
        if (![...LISTS, 'reason', 'year'].includes(key)) return { ok: false, key: 'app.calendar.import_dialog.unknown_key', args: { key } };
    }
    if (object.year !== undefined && Number(object.year) !== year) {
        return { ok: false, key: 'app.calendar.import_dialog.wrong_year', args: { found: String(object.year), year } };
    }
    const value: Parsed = { holidays: [], workdays: [] };
    for (const list of LISTS) {
        const items = object[list] ?? [];
        if (!Array.isArray(items)) return { ok: false, key: 'app.calendar.import_dialog.bad_shape' };
        for (const [index, item] of items.entries()) {
            if (typeof item === 'string') value[list].push({ date: item });
            else if (item && typeof item === 'object' && typeof (item as Entry).date === 'string') value[list].push(item as Entry);
            else return { ok: false, key: 'app.calendar.import_dialog.bad_item', args: { list, index: index + 1 } };
        }
    }
    if (typeof object.reason === 'string') value.reason = object.reason;
    return { ok: true, value };
};

const EntryList = ({ title, entries }: { title: string; entries: Entry[] }) => {
    const translate = useTranslate();
    return (
        <Box>
            <Typography variant="subtitle2">{translate('app.calendar.list_title', { title, count: entries.length })}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
                {entries.length
                    ? entries
                          .map(e => (e.name ? `${e.date} ${e.name}` : e.date))
                          .join(translate('app.calendar.list_separator'))
                    : '—'}
            </Typography>
        </Box>
    );
};

export const ImportDialog = ({
    year,
    open,
    current,
    onClose,
    onImported,
}: {
    year: number;
    open: boolean;
    /** The year as the calendar has it now (what the import replaces). */
    current: CalendarYear | undefined;
    onClose: () => void;
    onImported: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const titleId = useId();
    const fileInput = useRef<HTMLInputElement>(null);
    const [text, setText] = useState('');
    const [reason, setReason] = useState('');
    const [errors, setErrors] = useState<{ text?: string; reason?: string }>({});
    const [message, setMessage] = useState<{ text: string; details: string[] } | null>(null);
    const [confirming, setConfirming] = useState<YearImport | null>(null);
    const [saving, setSaving] = useState(false);

    useEffect(() => {
        if (open) {
            setText('');
            setReason('');
            setErrors({});
            setMessage(null);
            setConfirming(null);
        }
    }, [open, year]);

    const load = (content: string) => {
        setErrors(e => ({ ...e, text: undefined }));
        const parsed = parseImport(content, year);
        // Shown indented when it is JSON at all; a file that names its basis fills the reason.
        setText(parsed.ok || !parsed.key.endsWith('bad_json') ? JSON.stringify(JSON.parse(content), null, 2) : content);
        if (parsed.ok && parsed.value.reason && !reason) setReason(parsed.value.reason);
    };

    const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (!file) return;
        try {
            load(await file.text());
        } catch {
            setErrors(e => ({ ...e, text: translate('app.calendar.import_dialog.file_failed') }));
        }
    };

    const check = () => {
        const found: typeof errors = {};
        const parsed = text.trim() ? parseImport(text, year) : null;
        if (!parsed) found.text = translate('ra.validation.required');
        else if (!parsed.ok) found.text = translate(parsed.key, parsed.args);
        const basis = reason.trim() || (parsed?.ok ? (parsed.value.reason ?? '').trim() : '');
        if (!basis) found.reason = translate('ra.validation.required');
        else if (basis.length < REASON_MIN) found.reason = translate('ra.validation.minLength', { min: REASON_MIN });
        else if (basis.length > REASON_MAX) found.reason = translate('ra.validation.maxLength', { max: REASON_MAX });
        setErrors(found);
        setMessage(null);
        if (Object.keys(found).length || !parsed?.ok) return;
        setConfirming({ holidays: parsed.value.holidays, workdays: parsed.value.workdays, reason: basis });
    };

    const submit = async () => {
        if (!confirming) return;
        setSaving(true);
        try {
            const result = await calendarApi.importYear(year, confirming);
            notify('app.calendar.import_dialog.imported', {
                type: 'success',
                messageArgs: { year, version: result.calendarVersion },
            });
            onImported();
        } catch (error) {
            const e = error as { message?: string; body?: { errors?: Record<string, string> } };
            const fieldErrors = e.body?.errors ?? {};
            const text = translate(e.message ?? 'ra.notification.http_error', { _: e.message });
            setMessage({
                text,
                details: Object.entries(fieldErrors).filter(([, detail]) => detail !== text).map(([field, detail]) => {
                    // "holidays.3.date" → "节假日第 4 项：…"; other fields (`days`, `reason`) by their message alone.
                    const match = /^(holidays|workdays)\.(\d+)/.exec(field);
                    if (!match) return detail;
                    return translate('app.calendar.import_dialog.item_error', {
                        list: translate(`app.calendar.import_dialog.${match[1]}_list`),
                        index: Number(match[2]) + 1,
                        message: detail,
                    });
                }),
            });
            if (fieldErrors.reason) setErrors({ reason: fieldErrors.reason });
            setConfirming(null);
        } finally {
            setSaving(false);
        }
    };

    const existingHolidays = current?.days.filter(d => d.kind === 'holiday').length ?? 0;
    const existingWorkdays = current?.days.filter(d => d.kind === 'workday').length ?? 0;

    return (
        <Dialog open={open} onClose={saving ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
            <DialogTitle id={titleId}>
                {translate(confirming ? 'app.calendar.import_dialog.confirm_title' : 'app.calendar.import_dialog.title', { year })}
            </DialogTitle>
            <DialogContent>
                {confirming ? (
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <Alert severity="warning">
                            {translate('app.calendar.import_dialog.confirm_text', {
                                year,
                                holidays: confirming.holidays.length,
                                workdays: confirming.workdays.length,
                            })}
                            {current?.known
                                ? ` ${translate('app.calendar.import_dialog.replaces_existing', {
                                      holidays: existingHolidays,
                                      workdays: existingWorkdays,
                                  })}`
                                : ''}
                        </Alert>
                        <EntryList title={translate('app.calendar.import_dialog.holidays_list')} entries={confirming.holidays} />
                        <EntryList title={translate('app.calendar.import_dialog.workdays_list')} entries={confirming.workdays} />
                        <Box>
                            <Typography variant="subtitle2">{translate('app.calendar.import_dialog.reason')}</Typography>
                            <Typography variant="body2" color="text.secondary">
                                {confirming.reason}
                            </Typography>
                        </Box>
                    </Stack>
                ) : (
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <Typography variant="body2">{translate('app.calendar.import_dialog.intro')}</Typography>
                        {message ? (
                            <Alert severity="error" role="alert">
                                {message.text}
                                {message.details.length ? (
                                    <Box component="ul" sx={{ m: 0, pl: 2 }}>
                                        {message.details.map(detail => (
                                            <li key={detail}>{detail}</li>
                                        ))}
                                    </Box>
                                ) : null}
                            </Alert>
                        ) : null}
                        <Stack direction="row" spacing={1}>
                            <Button
                                variant="outlined"
                                size="small"
                                startIcon={<UploadFileOutlinedIcon />}
                                onClick={() => fileInput.current?.click()}
                            >
                                {translate('app.calendar.import_dialog.file')}
                            </Button>
                            <input
                                ref={fileInput}
                                type="file"
                                accept=".json,application/json"
                                hidden
                                aria-label={translate('app.calendar.import_dialog.file')}
                                onChange={readFile}
                            />
                            <Button size="small" onClick={() => load(importTemplate(year))}>
                                {translate('app.calendar.import_dialog.template')}
                            </Button>
                        </Stack>
                        <TextField
                            label={translate('app.calendar.import_dialog.json')}
                            value={text}
                            onChange={event => {
                                setText(event.target.value);
                                setErrors(e => ({ ...e, text: undefined }));
                            }}
                            multiline
                            minRows={8}
                            maxRows={16}
                            required
                            error={!!errors.text}
                            helperText={errors.text ?? translate('app.calendar.import_dialog.json_helper')}
                            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
                            fullWidth
                        />
                        <TextField
                            label={translate('app.calendar.import_dialog.reason')}
                            value={reason}
                            onChange={event => {
                                setReason(event.target.value);
                                setErrors(e => ({ ...e, reason: undefined }));
                            }}
                            required
                            error={!!errors.reason}
                            helperText={errors.reason ?? translate('app.calendar.import_dialog.reason_helper')}
                            slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
                            fullWidth
                        />
                    </Stack>
                )}
            </DialogContent>
            {/* Keyed: the next step's button is another one, so that a repeated key press does not confirm. */}
            {confirming ? (
                <DialogButtons
                    key="confirm"
                    onCancel={onClose}
                    busy={saving}
                    submitLabel={translate('app.calendar.import_dialog.confirm')}
                    submitColor="warning"
                    onSubmit={submit}
                >
                    <Button onClick={() => setConfirming(null)} disabled={saving}>
                        {translate('app.calendar.import_dialog.back')}
                    </Button>
                </DialogButtons>
            ) : (
                <DialogButtons
                    key="check"
                    onCancel={onClose}
                    busy={saving}
                    submitLabel={translate('app.calendar.import_dialog.next')}
                    onSubmit={check}
                />
            )}
        </Dialog>
    );
};
