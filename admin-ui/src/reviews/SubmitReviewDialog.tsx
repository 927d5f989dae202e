import { AlertTitle, Box, Typography } from '@mui/material';
import { HttpError, useNotify, useRedirect, useTranslate, type RaRecord } from 'react-admin';
import { DialogIntro, FormDialog } from '../dialogs/FormDialog';
import { describeFailures } from '../dialogs/refusals';
import { reviewApi } from './reviewApi';

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
    const missing = Object.entries((error.body as { errors?: Record<string, string> } | undefined)?.errors ?? {});
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
    return describeFailures(error, translate);
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
    return (
        <FormDialog
            open={open}
            title={translate('app.cases.transition_title', {
                action: translate('app.case_actions.submit_review'),
                number: record.number,
            })}
            intro={<DialogIntro>{translate('app.reviews.submit_intro')}</DialogIntro>}
            fields={[
                {
                    name: 'applicationNote',
                    label: 'app.reviews.application_note',
                    multiline: true,
                    maxLength: 2000,
                    helperText: 'app.reviews.application_note_helper',
                },
            ]}
            submitLabel={translate('app.case_actions.submit_review')}
            renderError={error => describeRefusal(error, translate)}
            onSubmit={async ({ applicationNote }) => {
                const review = await reviewApi.submit({
                    caseId: String(record.id),
                    caseVersion: record.version,
                    ...(applicationNote ? { applicationNote } : {}),
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
        />
    );
};
