import { useState } from 'react';
import { Alert, Button } from '@mui/material';
import { Edit, HttpError, useEditContext, useNotify, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { isStale } from '../dialogs/refusals';
import { toCaseUpdateBody } from './caseBody';
import { CaseForm } from './CaseForm';
import { UNDECIDED_STATUSES, type CaseStatus } from './caseVocabulary';

const StaleNotice = ({ onReload }: { onReload: () => void }) => {
    const translate = useTranslate();
    return (
        <Alert
            severity="warning"
            role="alert"
            sx={{ m: 2, mb: 0 }}
            action={
                <Button color="inherit" size="small" onClick={onReload}>
                    {translate('app.cases.reload')}
                </Button>
            }
        >
            {translate('app.cases.stale')}
        </Alert>
    );
};

const CaseEditContent = ({ stale, onReloaded }: { stale: boolean; onReloaded: () => void }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { refetch } = useEditContext();
    if (record && !UNDECIDED_STATUSES.includes(record.status as CaseStatus)) {
        return (
            <Alert severity="info" sx={{ m: 2 }}>
                {translate('app.cases.read_only')}
            </Alert>
        );
    }
    return (
        <>
            {stale ? (
                <StaleNotice
                    onReload={async () => {
                        // The form resets to the record read again; the user's unsaved changes are dropped.
                        await refetch();
                        onReloaded();
                    }}
                />
            ) : null}
            <CaseForm isEdit />
        </>
    );
};

/** Changes to a case before the decision; the form sends the `version` it read. */
export const CaseEdit = () => {
    const notify = useNotify();
    const [stale, setStale] = useState(false);
    return (
        <Edit
            mutationMode="pessimistic"
            redirect="show"
            transform={(data: RaRecord, options?: { previousData?: RaRecord }) =>
                toCaseUpdateBody(data, options?.previousData) as RaRecord
            }
            mutationOptions={{
                onError: (error: unknown) => {
                    if (isStale(error)) {
                        setStale(true);
                        return;
                    }
                    const validation =
                        error instanceof HttpError &&
                        Object.keys((error.body as { errors?: object })?.errors ?? {}).length > 0;
                    if (!validation)
                        notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
                },
            }}
        >
            <CaseEditContent stale={stale} onReloaded={() => setStale(false)} />
        </Edit>
    );
};
