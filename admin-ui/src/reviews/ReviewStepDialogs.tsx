// The dialogs of the review's steps besides the opinion: extension request and decision, resubmission
// after a return, contest (异议) and the collective discussion (集体讨论). Each sends the review's
// `version`; a conflict offers to reload.
import { useEffect, useState } from 'react';
import { Alert, Autocomplete, Chip, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { calendarDate } from '../fields/calendarDate';
import {
    DialogFieldInput,
    DialogIntro,
    fieldProblem,
    FormDialog,
    type DialogField,
    type DialogValues,
    type FormDialogProps,
} from '../dialogs/FormDialog';
import { reviewApi } from './reviewApi';
import type { Review } from './reviewVocabulary';

interface StepDialogProps {
    review: Review;
    open: boolean;
    onClose: () => void;
    /** After success or to reload after a conflict. */
    onDone: () => void;
}

/**
 * One step: sends the review's `version` with the step's `body` through `call`, then says `done` (a
 * translation key) and reloads the review; a conflict offers to reload it.
 */
const StepDialog = ({
    review,
    onDone,
    call,
    body,
    done,
    ...dialog
}: StepDialogProps &
    Omit<FormDialogProps, 'onSubmit' | 'onReload' | 'staleMessage'> & {
        call: (id: string, body: object) => Promise<Review>;
        body: (values: DialogValues) => object;
        done: string | ((values: DialogValues) => string);
    }) => {
    const notify = useNotify();
    return (
        <FormDialog
            {...dialog}
            onSubmit={async values => {
                await call(review.id as string, { version: review.version, ...body(values) });
                notify(typeof done === 'function' ? done(values) : done, { type: 'success' });
                onDone();
            }}
            onReload={onDone}
            staleMessage="app.reviews.stale"
        />
    );
};

/** 申请延期: at most the extension the agency allows, with the reason; the head of department decides. */
export const ExtensionRequestDialog = (props: StepDialogProps) => {
    const translate = useTranslate();
    const { review } = props;
    const max = review.rules.extensionWorkdays;
    return (
        <StepDialog
            {...props}
            title={translate('app.review_actions.request_extension')}
            intro={
                <DialogIntro>{translate('app.reviews.extension_intro', { max, due: review.clock.dueOn })}</DialogIntro>
            }
            fields={[
                {
                    name: 'workdays',
                    label: 'app.reviews.extension_workdays',
                    type: 'number',
                    required: true,
                    min: 1,
                    max,
                    step: 1,
                    helperText: 'app.reviews.extension_workdays_helper',
                    helperArgs: { max },
                    defaultValue: String(max),
                },
                { name: 'reason', label: 'app.reviews.reason', required: true, multiline: true, minLength: 2, maxLength: 500 },
            ]}
            validate={({ workdays }) => {
                const n = Number(workdays);
                return {
                    workdays:
                        !Number.isInteger(n) || n < 1 || n > max
                            ? translate('app.reviews.extension_workdays_range', { max })
                            : undefined,
                };
            }}
            submitLabel={translate('app.reviews.extension_submit')}
            call={reviewApi.requestExtension}
            body={({ workdays, reason }) => ({ workdays: Number(workdays), reason })}
            done="app.reviews.extension_requested_done"
        />
    );
};

/** 审批延期 (head of department): approve (the due date moves) or reject, with an optional note. */
export const ExtensionDecisionDialog = (props: StepDialogProps) => {
    const translate = useTranslate();
    const { review } = props;
    const extension = review.extension;
    return (
        <StepDialog
            {...props}
            title={translate('app.review_actions.decide_extension')}
            intro={
                <Alert severity="info">
                    {translate('app.reviews.extension_decide_intro', {
                        name: extension?.requestedBy ?? '',
                        smart_count: extension?.workdays ?? 0,
                        reason: extension?.reason ?? '',
                        due: review.clock.dueOn,
                    })}
                </Alert>
            }
            fields={[
                {
                    name: 'approve',
                    label: 'app.reviews.decision',
                    type: 'radio',
                    row: true,
                    required: true,
                    choices: [
                        { id: 'approve', name: translate('app.reviews.approve_extension') },
                        { id: 'reject', name: translate('app.reviews.reject_extension') },
                    ],
                },
                { name: 'note', label: 'app.reviews.decision_note', multiline: true, minRows: 2, maxLength: 500 },
            ]}
            submitLabel={translate('app.reviews.decision_submit')}
            call={reviewApi.decideExtension}
            body={({ approve, note }) => ({ approve: approve === 'approve', ...(note ? { note } : {}) })}
            done={({ approve }) =>
                approve === 'approve' ? 'app.reviews.extension_approved_done' : 'app.reviews.extension_rejected_done'
            }
        />
    );
};

/** 补充后重新提交: the package is rebuilt from the case as it is now; the clock restarts or resumes. */
export const ResubmitDialog = (props: StepDialogProps) => {
    const translate = useTranslate();
    const { review } = props;
    const returned = review.opinions[review.opinions.length - 1];
    return (
        <StepDialog
            {...props}
            title={translate('app.review_actions.resubmit')}
            intro={
                <>
                    {returned ? (
                        <Alert severity="info">
                            {translate('app.reviews.resubmit_returned', { number: returned.number, text: returned.text })}
                        </Alert>
                    ) : null}
                    <DialogIntro>{translate(`app.reviews.resubmit_intro_${review.rules.clockAfterReturn}`)}</DialogIntro>
                </>
            }
            fields={[
                {
                    name: 'applicationNote',
                    label: 'app.reviews.application_note',
                    multiline: true,
                    maxLength: 2000,
                    helperText: 'app.reviews.resubmit_note_helper',
                },
            ]}
            submitLabel={translate('app.review_actions.resubmit')}
            call={reviewApi.resubmit}
            body={({ applicationNote }) => (applicationNote ? { applicationNote } : {})}
            done="app.reviews.resubmitted"
        >
            {/* Missing parts of the package, as the API lists them. */}
            {({ errors }) =>
                Object.entries(errors)
                    .filter(([field]) => field !== 'applicationNote')
                    .map(([field, text]) => (
                        <Typography key={field} variant="body2" color="error">
                            {text}
                        </Typography>
                    ))
            }
        </StepDialog>
    );
};

/** 提出异议: the handling unit disagrees with an opinion that does not approve; the head then convenes a discussion. */
export const ContestDialog = (props: StepDialogProps) => {
    const translate = useTranslate();
    return (
        <StepDialog
            {...props}
            title={translate('app.review_actions.contest')}
            intro={<DialogIntro>{translate('app.reviews.contest_intro')}</DialogIntro>}
            fields={[
                {
                    name: 'reason',
                    label: 'app.reviews.contest_reason',
                    required: true,
                    multiline: true,
                    minRows: 4,
                    minLength: 2,
                    maxLength: 2000,
                },
            ]}
            submitLabel={translate('app.review_actions.contest')}
            submitColor="warning"
            call={reviewApi.contest}
            body={({ reason }) => ({ reason })}
            done="app.reviews.contested"
        />
    );
};

const MIN_PARTICIPANTS = 3;

const MINUTES: DialogField = {
    name: 'minutes',
    label: 'app.reviews.minutes',
    required: true,
    multiline: true,
    minRows: 4,
    minLength: 2,
    maxLength: 10000,
};
const REASONS: DialogField = {
    name: 'reasons',
    label: 'app.reviews.discussion_reasons',
    required: true,
    multiline: true,
    minLength: 2,
    maxLength: 2000,
    helperText: 'app.reviews.discussion_reasons_helper',
};

/**
 * 记录集体讨论 (head of department): date, participants (at least three), minutes and the conclusion —
 * follow the opinion, or proceed against it with the reasons (which opens the decision).
 */
export const DiscussionDialog = (props: StepDialogProps) => {
    const translate = useTranslate();
    const { review, open } = props;
    const [date, setDate] = useState(calendarDate());
    const [participants, setParticipants] = useState<string[]>([]);
    const [pending, setPending] = useState('');
    const [minutes, setMinutes] = useState('');
    const [conclusion, setConclusion] = useState<'follow' | 'proceed' | ''>('');
    const [reasons, setReasons] = useState('');
    useEffect(() => {
        if (open) {
            setDate(calendarDate());
            setParticipants([]);
            setPending('');
            setMinutes('');
            setConclusion('');
            setReasons('');
        }
    }, [open]);
    // A name typed but not yet confirmed with Enter still counts.
    const allParticipants = () => [...new Set([...participants, pending.trim()].map(p => p.trim()).filter(Boolean))];
    const conclusionField: DialogField = {
        name: 'conclusion',
        label: 'app.reviews.conclusion',
        type: 'radio',
        required: true,
        choices: [
            { id: 'follow', name: translate('app.discussion_conclusions.follow') },
            { id: 'proceed', name: translate('app.discussion_conclusions.proceed') },
        ],
    };
    return (
        <StepDialog
            {...props}
            maxWidth="md"
            title={translate('app.review_actions.discuss')}
            intro={
                review.contest?.reason ? (
                    <Alert severity="info">
                        {translate('app.reviews.contest_line', { name: review.contest.byName ?? '', reason: review.contest.reason })}
                    </Alert>
                ) : undefined
            }
            submitLabel={translate('app.reviews.discussion_submit')}
            validate={() => {
                const names = allParticipants();
                return {
                    date: !date ? translate('ra.validation.required') : date > calendarDate() ? translate('app.reviews.no_future_date') : undefined,
                    participants:
                        names.length < MIN_PARTICIPANTS
                            ? translate('app.reviews.participants_min', { min: MIN_PARTICIPANTS })
                            : names.some(n => n.length > 40)
                              ? translate('ra.validation.maxLength', { max: 40 })
                              : undefined,
                    minutes: fieldProblem(MINUTES, minutes, translate),
                    conclusion: fieldProblem(conclusionField, conclusion, translate),
                    reasons: conclusion === 'proceed' ? fieldProblem(REASONS, reasons, translate) : undefined,
                };
            }}
            call={reviewApi.discuss}
            body={() => ({
                date,
                participants: allParticipants(),
                minutes: minutes.trim(),
                conclusion,
                ...(conclusion === 'proceed' ? { reasons: reasons.trim() } : {}),
            })}
            done="app.reviews.discussed"
        >
            {({ errors }) => (
                <>
                    <TextField
                        label={translate('app.reviews.discussion_date')}
                        type="date"
                        value={date}
                        onChange={event => setDate(event.target.value)}
                        required
                        error={!!errors.date}
                        helperText={errors.date}
                        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: calendarDate() } }}
                        sx={{ maxWidth: 240 }}
                    />
                    <Autocomplete
                        multiple
                        freeSolo
                        options={[]}
                        value={participants}
                        inputValue={pending}
                        onInputChange={(_, value) => setPending(value)}
                        onChange={(_, value) => {
                            setParticipants([...new Set((value as string[]).map(v => v.trim()).filter(Boolean))]);
                            setPending('');
                        }}
                        renderValue={(value, getItemProps) =>
                            value.map((option, index) => {
                                const { key, ...itemProps } = getItemProps({ index });
                                return <Chip key={key} size="small" label={option} {...itemProps} />;
                            })
                        }
                        renderInput={params => (
                            <TextField
                                {...params}
                                label={translate('app.reviews.participants')}
                                required
                                error={!!errors.participants}
                                helperText={errors.participants ?? translate('app.reviews.participants_helper', { min: MIN_PARTICIPANTS })}
                            />
                        )}
                    />
                    <DialogFieldInput field={MINUTES} value={minutes} onChange={setMinutes} error={errors.minutes} />
                    <DialogFieldInput
                        field={conclusionField}
                        value={conclusion}
                        onChange={value => setConclusion(value as 'follow' | 'proceed')}
                        error={errors.conclusion}
                    />
                    {conclusion === 'proceed' ? (
                        <DialogFieldInput field={REASONS} value={reasons} onChange={setReasons} error={errors.reasons} />
                    ) : null}
                </>
            )}
        </StepDialog>
    );
};
