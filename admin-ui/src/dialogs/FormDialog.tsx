import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import {
    Alert,
    Button,
    CircularProgress,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    MenuItem,
    Stack,
    TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';

export interface DialogField {
    name: string;
    /** Translation key of the label. */
    label: string;
    type?: 'text' | 'date' | 'select';
    multiline?: boolean;
    required?: boolean;
    minLength?: number;
    maxLength?: number;
    /** Translation key. */
    helperText?: string;
    /** For selects; names are shown as they are. */
    choices?: Array<{ id: string; name: string }>;
    defaultValue?: string;
}

export type DialogValues = Record<string, string>;

interface ServerError {
    message?: string;
    body?: { errors?: Record<string, string> };
}

/**
 * A small form in a dialog for workflow actions that need a few words from the user (a basis, a reason,
 * a date) before the API is called. Checks lengths as the API's schema does; the API's own field errors
 * (`body.errors`) appear next to the same inputs, its message above them.
 */
export const FormDialog = ({
    open,
    title,
    intro,
    warning,
    warningSeverity = 'warning',
    fields,
    submitLabel,
    submitColor = 'primary',
    onSubmit,
    onClose,
    renderError,
}: {
    open: boolean;
    /** Already translated. */
    title: string;
    intro?: ReactNode;
    warning?: ReactNode;
    warningSeverity?: 'warning' | 'error' | 'info';
    fields: DialogField[];
    /** Already translated. */
    submitLabel: string;
    submitColor?: 'primary' | 'warning' | 'error';
    /** Rejecting keeps the dialog open and shows the error. */
    onSubmit: (values: DialogValues) => Promise<void>;
    onClose: () => void;
    /**
     * Shows a refused submission in a richer way than its message (a list of failed preconditions, a
     * "reload" button after a conflict …); undefined falls back to the message.
     */
    renderError?: (error: unknown) => ReactNode | undefined;
}) => {
    const translate = useTranslate();
    const titleId = useId();
    const initial = () => Object.fromEntries(fields.map(f => [f.name, f.defaultValue ?? '']));
    const [values, setValues] = useState<DialogValues>(initial);
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [message, setMessage] = useState<ReactNode | null>(null);
    const [saving, setSaving] = useState(false);

    // A reopened dialog starts afresh.
    useEffect(() => {
        if (open) {
            setValues(initial());
            setErrors({});
            setMessage(null);
        }
    }, [open]);

    const check = (): Record<string, string> => {
        const found: Record<string, string> = {};
        for (const f of fields) {
            const value = (values[f.name] ?? '').trim();
            if (!value) {
                if (f.required) found[f.name] = translate('ra.validation.required');
                continue;
            }
            if (f.minLength && value.length < f.minLength) found[f.name] = translate('ra.validation.minLength', { min: f.minLength });
            else if (f.maxLength && value.length > f.maxLength) found[f.name] = translate('ra.validation.maxLength', { max: f.maxLength });
        }
        return found;
    };

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        const found = check();
        setErrors(found);
        if (Object.keys(found).length) return;
        setSaving(true);
        setMessage(null);
        try {
            await onSubmit(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])));
        } catch (error) {
            const e = error as ServerError;
            setErrors(e.body?.errors ?? {});
            setMessage(renderError?.(error) ?? translate(e.message ?? 'ra.notification.http_error', { _: e.message }));
        } finally {
            setSaving(false);
        }
    };

    return (
        <Dialog
            open={open}
            onClose={saving ? undefined : onClose}
            aria-labelledby={titleId}
            fullWidth
            maxWidth="sm"
            slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}
        >
            <DialogTitle id={titleId}>{title}</DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    {warning ? <Alert severity={warningSeverity}>{warning}</Alert> : null}
                    {intro}
                    {message ? (
                        <Alert severity="error" role="alert">
                            {message}
                        </Alert>
                    ) : null}
                    {fields.map((f, index) => (
                        <TextField
                            key={f.name}
                            name={f.name}
                            label={translate(f.label)}
                            value={values[f.name] ?? ''}
                            onChange={event => setValues(v => ({ ...v, [f.name]: event.target.value }))}
                            required={f.required}
                            type={f.type === 'date' ? 'date' : 'text'}
                            select={f.type === 'select'}
                            multiline={f.multiline}
                            minRows={f.multiline ? 3 : undefined}
                            autoFocus={index === 0}
                            error={!!errors[f.name]}
                            helperText={errors[f.name] ?? (f.helperText ? translate(f.helperText) : undefined)}
                            slotProps={{
                                inputLabel: f.type === 'date' ? { shrink: true } : undefined,
                                htmlInput: { maxLength: f.maxLength },
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
                    ))}
                </Stack>
            </DialogContent>
            <DialogActions sx={{ px: 3, pb: 2 }}>
                <Button onClick={onClose} disabled={saving}>
                    {translate('ra.action.cancel')}
                </Button>
                <Button
                    type="submit"
                    variant="contained"
                    color={submitColor}
                    disabled={saving}
                    startIcon={saving ? <CircularProgress size={16} color="inherit" /> : undefined}
                >
                    {submitLabel}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
