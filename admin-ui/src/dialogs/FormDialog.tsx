import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import {
    Alert,
    Button,
    CircularProgress,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    FormControl,
    FormControlLabel,
    FormHelperText,
    FormLabel,
    MenuItem,
    Radio,
    RadioGroup,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { fieldErrors, isStale, refusalMessage, StaleNotice } from './refusals';

export interface DialogField {
    name: string;
    /** Translation key of the label. */
    label: string;
    type?: 'text' | 'date' | 'number' | 'select' | 'radio';
    multiline?: boolean;
    /** Rows of a multiline input (3 by default). */
    minRows?: number;
    required?: boolean;
    minLength?: number;
    maxLength?: number;
    /** Bounds of a number or date input, as the browser checks them. */
    min?: number | string;
    max?: number | string;
    step?: number;
    /** Translation key. */
    helperText?: string;
    /** Arguments of the helper text's translation. */
    helperArgs?: Record<string, unknown>;
    /** For selects and radio buttons; names are shown as they are. */
    choices?: Array<{ id: string; name: string }>;
    /** Radio buttons side by side. */
    row?: boolean;
    disabled?: boolean;
    defaultValue?: string;
}

export type DialogValues = Record<string, string>;

type Color = 'primary' | 'warning' | 'error' | 'success';

/** What a dialog's own content gets: the errors to show next to its inputs. */
export interface DialogBody {
    errors: Record<string, string>;
    /** Sets (or with no message clears) the error of one input, e.g. a file refused as it is chosen. */
    setError: (name: string, message?: string) => void;
    saving: boolean;
}

/** What is wrong with a field's value by its own rules (required, lengths, as the API's schema checks them). */
export const fieldProblem = (
    f: DialogField,
    value: string,
    translate: (key: string, options?: object) => string
): string | undefined => {
    const text = value.trim();
    if (!text) return f.required ? translate('ra.validation.required') : undefined;
    if (f.minLength && text.length < f.minLength) return translate('ra.validation.minLength', { min: f.minLength });
    if (f.maxLength && text.length > f.maxLength) return translate('ra.validation.maxLength', { max: f.maxLength });
    return undefined;
};

/**
 * One input of a dialog: a text, date, number or select field, or a group of radio buttons, with its
 * error (or else its helper text) below it.
 */
export const DialogFieldInput = ({
    field: f,
    value,
    onChange,
    error,
    autoFocus,
}: {
    field: DialogField;
    value: string;
    onChange: (value: string) => void;
    error?: string;
    autoFocus?: boolean;
}) => {
    const translate = useTranslate();
    const labelId = useId();
    if (f.type === 'radio') {
        return (
            <FormControl error={!!error} required={f.required}>
                <FormLabel id={labelId}>{translate(f.label)}</FormLabel>
                <RadioGroup
                    row={f.row}
                    name={f.name}
                    aria-labelledby={labelId}
                    value={value}
                    onChange={event => onChange(event.target.value)}
                >
                    {(f.choices ?? []).map(choice => (
                        <FormControlLabel key={choice.id} value={choice.id} control={<Radio />} label={choice.name} />
                    ))}
                </RadioGroup>
                {error ? <FormHelperText>{error}</FormHelperText> : null}
            </FormControl>
        );
    }
    return (
        <TextField
            name={f.name}
            label={translate(f.label)}
            value={value}
            onChange={event => onChange(event.target.value)}
            required={f.required}
            disabled={f.disabled}
            type={f.type === 'date' || f.type === 'number' ? f.type : 'text'}
            select={f.type === 'select'}
            multiline={f.multiline}
            minRows={f.multiline ? (f.minRows ?? 3) : undefined}
            autoFocus={autoFocus}
            error={!!error}
            helperText={error ?? (f.helperText ? translate(f.helperText, f.helperArgs) : undefined)}
            slotProps={{
                inputLabel: f.type === 'date' ? { shrink: true } : undefined,
                htmlInput: { maxLength: f.maxLength, min: f.min, max: f.max, step: f.step },
            }}
            fullWidth
        >
            {f.type === 'select'
                ? (f.choices ?? []).map(choice => (
                      <MenuItem key={choice.id} value={choice.id}>
                          {choice.name}
                      </MenuItem>
                  ))
                : undefined}
        </TextField>
    );
};

/** A line of explanation under a dialog's title. */
export const DialogIntro = ({ children }: { children: ReactNode }) => (
    <Typography variant="body2" color="text.secondary">
        {children}
    </Typography>
);

/** Cancel and the dialog's main button, which shows a spinner and, with the cancel, is disabled while busy. */
export const DialogButtons = ({
    onCancel,
    busy,
    submitLabel,
    submitColor = 'primary',
    onSubmit,
    children,
}: {
    onCancel: () => void;
    busy: boolean;
    /** Already translated. */
    submitLabel: string;
    submitColor?: Color;
    /** Without it the main button submits the dialog's form. */
    onSubmit?: () => void;
    /** More buttons between the two. */
    children?: ReactNode;
}) => {
    const translate = useTranslate();
    return (
        <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={onCancel} disabled={busy}>
                {translate('ra.action.cancel')}
            </Button>
            {children}
            <Button
                type={onSubmit ? 'button' : 'submit'}
                onClick={onSubmit}
                variant="contained"
                color={submitColor}
                disabled={busy}
                startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
                {submitLabel}
            </Button>
        </DialogActions>
    );
};

export interface FormDialogProps {
    open: boolean;
    /** Already translated. */
    title: string;
    intro?: ReactNode;
    warning?: ReactNode;
    warningSeverity?: 'warning' | 'error' | 'info';
    /** Inputs the dialog keeps the values of; onSubmit receives them trimmed. */
    fields?: DialogField[];
    /**
     * Content of the dialog's own after the fields (inputs whose values it keeps itself, lists …), given
     * the errors to show next to them.
     */
    children?: (body: DialogBody) => ReactNode;
    /** Checks beyond the fields' own (required, lengths): input name → translated message. */
    validate?: (values: DialogValues) => Record<string, string | undefined>;
    /** Already translated. */
    submitLabel: string;
    submitColor?: Color;
    maxWidth?: 'sm' | 'md';
    /** Rejecting keeps the dialog open and shows the error. */
    onSubmit: (values: DialogValues) => Promise<void>;
    onClose: () => void;
    /** Given, a conflict (the record changed meanwhile) offers to reload instead of showing the message. */
    onReload?: () => void;
    /** Translation key of the conflict message. */
    staleMessage?: string;
    /**
     * Shows a refused submission in a richer way than its message (a list of failed preconditions, of
     * what is missing …); undefined falls back to the message.
     */
    renderError?: (error: unknown) => ReactNode | undefined;
}

/**
 * A form in a dialog for actions that need a few words from the user (a basis, a reason, a date) before
 * the API is called: declared `fields`, content of its own (`children`), or both. Checks lengths as the
 * API's schema does; the API's own field errors (`body.errors`) appear next to the same inputs, its
 * message above them (unless an input already shows it), and a conflict offers to reload.
 */
export const FormDialog = ({
    open,
    title,
    intro,
    warning,
    warningSeverity = 'warning',
    fields = [],
    children,
    validate,
    submitLabel,
    submitColor = 'primary',
    maxWidth = 'sm',
    onSubmit,
    onClose,
    onReload,
    staleMessage = 'app.cases.stale',
    renderError,
}: FormDialogProps) => {
    const translate = useTranslate();
    const titleId = useId();
    const initial = () => Object.fromEntries(fields.map(f => [f.name, f.defaultValue ?? '']));
    const [values, setValues] = useState<DialogValues>(initial);
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [notice, setNotice] = useState<{ content: ReactNode; severity: 'error' | 'warning' } | null>(null);
    const [saving, setSaving] = useState(false);

    // A reopened dialog starts afresh.
    useEffect(() => {
        if (open) {
            setValues(initial());
            setErrors({});
            setNotice(null);
        }
    }, [open]);

    const check = (trimmed: DialogValues): Record<string, string> => {
        const found: Record<string, string> = {};
        for (const f of fields) {
            const message = fieldProblem(f, trimmed[f.name] ?? '', translate);
            if (message) found[f.name] = message;
        }
        for (const [name, message] of Object.entries(validate?.(trimmed) ?? {})) if (message) found[name] = message;
        return found;
    };

    // An input shows its error: the dialog's own content may show any, the declared fields theirs.
    const shownByInput = (name: string) => !!children || fields.some(f => f.name === name);

    const fail = (error: unknown) => {
        if (onReload && isStale(error)) {
            setNotice({ content: <StaleNotice message={staleMessage} onReload={onReload} />, severity: 'warning' });
            return;
        }
        const byField = fieldErrors(error);
        setErrors(byField);
        const text = (error as Error | undefined)?.message;
        const shown = !!text && Object.entries(byField).some(([name, message]) => message === text && shownByInput(name));
        const content = renderError?.(error) ?? (shown ? null : refusalMessage(error, translate));
        setNotice(content ? { content, severity: 'error' } : null);
    };

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
        const found = check(trimmed);
        setErrors(found);
        if (Object.keys(found).length) return;
        setSaving(true);
        setNotice(null);
        try {
            await onSubmit(trimmed);
        } catch (error) {
            fail(error);
        } finally {
            setSaving(false);
        }
    };

    const setError = (name: string, message?: string) =>
        setErrors(({ [name]: _old, ...rest }) => (message ? { ...rest, [name]: message } : rest));

    return (
        <Dialog
            open={open}
            onClose={saving ? undefined : onClose}
            aria-labelledby={titleId}
            fullWidth
            maxWidth={maxWidth}
            slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}
        >
            <DialogTitle id={titleId}>{title}</DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    {warning ? <Alert severity={warningSeverity}>{warning}</Alert> : null}
                    {intro}
                    {notice ? (
                        <Alert severity={notice.severity} role="alert">
                            {notice.content}
                        </Alert>
                    ) : null}
                    {fields.map((f, index) => (
                        <DialogFieldInput
                            key={f.name}
                            field={f}
                            value={values[f.name] ?? ''}
                            onChange={value => setValues(v => ({ ...v, [f.name]: value }))}
                            error={errors[f.name]}
                            autoFocus={index === 0 && f.type !== 'radio'}
                        />
                    ))}
                    {children?.({ errors, setError, saving })}
                </Stack>
            </DialogContent>
            <DialogButtons onCancel={onClose} busy={saving} submitLabel={submitLabel} submitColor={submitColor} />
        </Dialog>
    );
};
