import { useEffect, useState } from 'react';
import { AlertTitle, Box, TextField, Typography } from '@mui/material';
import { HttpError, useNotify, useRedirect, useTranslate, type RaRecord } from 'react-admin';
import { reviewApi } from './reviewApi';
import { ReviewDialog } from './ReviewDialog';

// Fields of the package the API names when they are missing, and where their label comes from.
const PACKAGE_FIELD_LABELS: Record<string, string> = {
    draftDecision: 'resources.cases.fields.draftDecision',
    facts: 'resources.cases.fields.facts',
    legalBasis: 'resources.cases.fields.legalBasis',
    'discretion.reasoning': 'resources.cases.fields.discretion.reasoning',
    evidence: 'app.reviews.evidence',
    hearingRecord: 'app.reviews.hearing_record',
};

/**
 * What the API said when it refused the submission: the missing parts of the package (400, `errors`),
 * or the preconditions of the case's step that failed (409, `failures`).
 */
const describeRefusal = (error: unknown, translate: (key: string, options?: object) => string) => {
    if (!(error instanceof HttpError)) return undefined;
    const body = error.body as { errors?: Record<string, string>; failures?: Array<{ key: string; message: string }> } | undefined;
    const missing = Object.entries(body?.errors ?? {});
    if (error.status === 400 && missing.length) {
        return (
            <>
                <AlertTitle>{translate('app.reviews.package_incomplete')}</AlertTitle>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {missing.map(([field, message]) => {
                        const label = PACKAGE_FIELD_LABELS[field]
                            ? translate(PACKAGE_FIELD_LABELS[field])
                            : field.startsWith('officers.')
                              ? translate('app.reviews.officers')
                              : field;
                        return <li key={field}>{translate('app.reviews.missing_line', { field: label, message })}</li>;
                    })}
                </Box>
                <Typography variant="body2" sx={{ mt: 1 }}>
                    {translate('app.reviews.package_incomplete_hint')}
                </Typography>
            </>
        );
    }
    if (body?.failures?.length) {
        return (
            <>
                <AlertTitle>{translate('app.cases.transition_refused')}</AlertTitle>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {body.failures.map((failure, index) => (
                        <li key={`${failure.key}-${index}`}>{failure.message}</li>
                    ))}
                </Box>
            </>
        );
    }
    return undefined;
};

/**
 * 提交法制审核 from the case page: the API builds the package from the case as it is (draft decision,
 * facts, basis, discretion, officers' certificates, evidence, hearing record) and starts the clock;
 * an incomplete package is refused listing what is missing.
 */
export const SubmitReviewDialog = ({
    record,
    open,
    onClose,
    onReload,
}: {
    record: RaRecord;
    open: boolean;
    onClose: () => void;
    onReload: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const redirect = useRedirect();
    const [note, setNote] = useState('');
    useEffect(() => {
        if (open) setNote('');
    }, [open]);
    return (
        <ReviewDialog
            open={open}
            title={translate('app.cases.transition_title', {
                action: translate('app.case_actions.submit_review'),
                number: record.number,
            })}
            intro={
                <Typography variant="body2" color="text.secondary">
                    {translate('app.reviews.submit_intro')}
                </Typography>
            }
            submitLabel={translate('app.case_actions.submit_review')}
            validate={() =>
                note.trim().length > 2000 ? { applicationNote: translate('ra.validation.maxLength', { max: 2000 }) } : {}
            }
            renderError={error => describeRefusal(error, translate)}
            staleMessage="app.cases.stale"
            onSubmit={async () => {
                const review = await reviewApi.submit({
                    caseId: String(record.id),
                    caseVersion: record.version,
                    ...(note.trim() ? { applicationNote: note.trim() } : {}),
                });
                onClose();
                notify('app.reviews.submitted', { type: 'success', messageArgs: { due: review.clock.dueOn } });
                redirect('show', 'reviews', review.id);
            }}
            onClose={onClose}
            onReload={() => {
                onClose();
                onReload();
            }}
        >
            {errors => (
                <TextField
                    label={translate('app.reviews.application_note')}
                    value={note}
                    onChange={event => setNote(event.target.value)}
                    error={!!errors.applicationNote}
                    helperText={errors.applicationNote ?? translate('app.reviews.application_note_helper')}
                    multiline
                    minRows={3}
                    fullWidth
                    autoFocus
                    slotProps={{ htmlInput: { maxLength: 2000 } }}
                />
            )}
        </ReviewDialog>
    );
};
