// How the console shows a refused API call: the field errors (`body.errors`) next to the inputs, the
// message above them, the failed preconditions of a case's step (`body.failures`) as a list, and a
// conflict (409 with the current record in `body.current`) as an offer to reload.
import { AlertTitle, Box, Button } from '@mui/material';
import { HttpError, useTranslate } from 'react-admin';

type Translate = (key: string, options?: object) => string;

/** A refusal because the record changed since it was read (409 with the current record). */
export const isStale = (error: unknown): boolean =>
    error instanceof HttpError && error.status === 409 && !!(error.body as { current?: unknown } | undefined)?.current;

/** The API's field errors ({ field: message }) of a refusal, if any. */
export const fieldErrors = (error: unknown): Record<string, string> =>
    ((error as { body?: { errors?: Record<string, string> } } | undefined)?.body?.errors ?? {}) as Record<string, string>;

/** The refusal's message (already localised by the API), or a generic one when it has none. */
export const refusalMessage = (error: unknown, translate: Translate): string => {
    const text = (error as Error | undefined)?.message;
    return translate(text || 'ra.notification.http_error', { _: text });
};

/** The conflict notice: what happened (a translation key) and a button that reloads the record. */
export const StaleNotice = ({ message, onReload }: { message: string; onReload: () => void }) => {
    const translate = useTranslate();
    return (
        <>
            <AlertTitle>{translate(message)}</AlertTitle>
            <Button size="small" color="inherit" variant="outlined" onClick={onReload}>
                {translate('app.cases.reload')}
            </Button>
        </>
    );
};

/** Every failed precondition of a case's step (`failures`), or undefined when the refusal has none. */
export const describeFailures = (error: unknown, translate: Translate) => {
    if (!(error instanceof HttpError)) return undefined;
    const failures = (error.body as { failures?: Array<{ key: string; message: string }> } | undefined)?.failures;
    if (!failures?.length) return undefined;
    return (
        <>
            <AlertTitle>{translate('app.cases.transition_refused')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {failures.map((failure, index) => (
                    <li key={`${failure.key}-${index}`}>{failure.message}</li>
                ))}
            </Box>
        </>
    );
};
