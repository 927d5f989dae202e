import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import {
    Alert,
    AlertTitle,
    Button,
    CircularProgress,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { fieldErrors, isStale } from './reviewApi';

/**
 * A dialog for one step of the review (request an extension, contest, record the discussion …). The
 * content receives the API's field errors to show next to its inputs; the API's message appears above
 * them, and a conflict (the review changed meanwhile) offers to reload instead.
 */
export const ReviewDialog = ({
    open,
    title,
    intro,
    submitLabel,
    submitColor = 'primary',
    validate,
    onSubmit,
    onClose,
    onReload,
    children,
    maxWidth = 'sm',
    renderError,
    staleMessage = 'app.reviews.stale',
}: {
    open: boolean;
    /** Already translated. */
    title: string;
    intro?: ReactNode;
    /** Already translated. */
    submitLabel: string;
    submitColor?: 'primary' | 'warning' | 'error' | 'success';
    /** Checks before the call: field → translated message. */
    validate?: () => Record<string, string | undefined>;
    /** Rejecting keeps the dialog open and shows the error. */
    onSubmit: () => Promise<void>;
    onClose: () => void;
    /** Reloads the review after a conflict. */
    onReload: () => void;
    children: (errors: Record<string, string>) => ReactNode;
    maxWidth?: 'sm' | 'md';
    /** Shows a refusal in a richer way than its message (e.g. the list of what is missing). */
    renderError?: (error: unknown) => ReactNode | undefined;
    /** Translation key of the conflict message (the review by default). */
    staleMessage?: string;
}) => {
    const translate = useTranslate();
    const titleId = useId();
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [message, setMessage] = useState<ReactNode | null>(null);
    const [saving, setSaving] = useState(false);
    const [stale, setStale] = useState(false);

    useEffect(() => {
        if (open) {
            setErrors({});
            setMessage(null);
            setStale(false);
        }
    }, [open]);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        const found = Object.fromEntries(
            Object.entries(validate?.() ?? {}).filter((entry): entry is [string, string] => !!entry[1])
        );
        setErrors(found);
        if (Object.keys(found).length) return;
        setSaving(true);
        setMessage(null);
        setStale(false);
        try {
            await onSubmit();
        } catch (error) {
            if (isStale(error)) {
                setStale(true);
                setMessage(
                    <>
                        <AlertTitle>{translate(staleMessage)}</AlertTitle>
                        <Button size="small" color="inherit" variant="outlined" onClick={onReload}>
                            {translate('app.cases.reload')}
                        </Button>
                    </>
                );
            } else {
                const errorsByField = fieldErrors(error);
                setErrors(errorsByField);
                const text = (error as Error)?.message;
                // A message already shown next to its input is not repeated above.
                const shownByField = !!text && Object.values(errorsByField).includes(text);
                setMessage(
                    renderError?.(error) ??
                        (shownByField ? null : translate(text || 'ra.notification.http_error', { _: text }))
                );
            }
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
            maxWidth={maxWidth}
            slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}
        >
            <DialogTitle id={titleId}>{title}</DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    {intro}
                    {message ? (
                        <Alert severity={stale ? 'warning' : 'error'} role="alert">
                            {message}
                        </Alert>
                    ) : null}
                    {open ? children(errors) : null}
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
