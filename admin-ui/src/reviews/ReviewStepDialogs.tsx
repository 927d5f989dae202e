// The dialogs of the review's steps besides the opinion: extension request and decision, resubmission
// after a return, contest (异议) and the collective discussion (集体讨论). Each sends the review's
// `version`; a conflict offers to reload.
import { useEffect, useState } from 'react';
import {
    Alert,
    Autocomplete,
    Chip,
    FormControl,
    FormControlLabel,
    FormHelperText,
    FormLabel,
    Radio,
    RadioGroup,
    TextField,
    Typography,
} from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { calendarDate } from '../fields/calendarDate';
import { reviewApi } from './reviewApi';
import { ReviewDialog } from './ReviewDialog';
import type { Review } from './reviewVocabulary';

interface StepDialogProps {
    review: Review;
    open: boolean;
    onClose: () => void;
    /** After success or to reload after a conflict. */
    onDone: () => void;
}

const useLengthCheck = () => {
    const translate = useTranslate();
    return (value: string, min: number, max: number, isRequired = true): string | undefined => {
        const text = value.trim();
        if (!text) return isRequired ? translate('ra.validation.required') : undefined;
        if (text.length < min) return translate('ra.validation.minLength', { min });
        if (text.length > max) return translate('ra.validation.maxLength', { max });
        return undefined;
    };
};

const clean = (found: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(found).filter(([, v]) => !!v)) as Record<string, string>;

/** 申请延期: at most the extension the agency allows, with the reason; the head of department decides. */
export const ExtensionRequestDialog = ({ review, open, onClose, onDone }: StepDialogProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const length = useLengthCheck();
    const max = review.rules.extensionWorkdays;
    const [workdays, setWorkdays] = useState(String(max));
    const [reason, setReason] = useState('');
    useEffect(() => {
        if (open) {
            setWorkdays(String(max));
            setReason('');
        }
    }, [open, max]);
    return (
        <ReviewDialog
            open={open}
            title={translate('app.review_actions.request_extension')}
            intro={
                <Typography variant="body2" color="text.secondary">
                    {translate('app.reviews.extension_intro', { max, due: review.clock.dueOn })}
                </Typography>
            }
            submitLabel={translate('app.reviews.extension_submit')}
            validate={() => {
                const n = Number(workdays);
                return clean({
                    workdays:
                        !Number.isInteger(n) || n < 1 || n > max
                            ? translate('app.reviews.extension_workdays_range', { max })
                            : undefined,
                    reason: length(reason, 2, 500),
                });
            }}
            onSubmit={async () => {
                await reviewApi.requestExtension(review.id as string, {
                    version: review.version,
                    workdays: Number(workdays),
                    reason: reason.trim(),
                });
                notify('app.reviews.extension_requested_done', { type: 'success' });
                onDone();
            }}
            onClose={onClose}
            onReload={onDone}
        >
            {errors => (
                <>
                    <TextField
                        label={translate('app.reviews.extension_workdays')}
                        type="number"
                        value={workdays}
                        onChange={event => setWorkdays(event.target.value)}
                        required
                        error={!!errors.workdays}
                        helperText={errors.workdays ?? translate('app.reviews.extension_workdays_helper', { max })}
                        slotProps={{ htmlInput: { min: 1, max, step: 1 } }}
                        autoFocus
                    />
                    <TextField
                        label={translate('app.reviews.reason')}
                        value={reason}
                        onChange={event => setReason(event.target.value)}
                        required
                        error={!!errors.reason}
                        helperText={errors.reason}
                        multiline
                        minRows={3}
                        fullWidth
                        slotProps={{ htmlInput: { maxLength: 500 } }}
                    />
                </>
            )}
        </ReviewDialog>
    );
};

/** 审批延期 (head of department): approve (the due date moves) or reject, with an optional note. */
export const ExtensionDecisionDialog = ({ review, open, onClose, onDone }: StepDialogProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [decision, setDecision] = useState<'approve' | 'reject' | ''>('');
    const [note, setNote] = useState('');
    useEffect(() => {
        if (open) {
            setDecision('');
            setNote('');
        }
    }, [open]);
    const extension = review.extension;
    return (
        <ReviewDialog
            open={open}
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
            submitLabel={translate('app.reviews.decision_submit')}
            validate={() => (decision ? {} : { approve: translate('ra.validation.required') })}
            onSubmit={async () => {
                await reviewApi.decideExtension(review.id as string, {
                    version: review.version,
                    approve: decision === 'approve',
                    ...(note.trim() ? { note: note.trim() } : {}),
                });
                notify(decision === 'approve' ? 'app.reviews.extension_approved_done' : 'app.reviews.extension_rejected_done', {
                    type: 'success',
                });
                onDone();
            }}
            onClose={onClose}
            onReload={onDone}
        >
            {errors => (
                <>
                    <FormControl error={!!errors.approve} required>
                        <FormLabel id="extension-decision-label">{translate('app.reviews.decision')}</FormLabel>
                        <RadioGroup
                            row
                            aria-labelledby="extension-decision-label"
                            value={decision}
                            onChange={event => setDecision(event.target.value as 'approve' | 'reject')}
                        >
                            <FormControlLabel value="approve" control={<Radio />} label={translate('app.reviews.approve_extension')} />
                            <FormControlLabel value="reject" control={<Radio />} label={translate('app.reviews.reject_extension')} />
                        </RadioGroup>
                        {errors.approve ? <FormHelperText>{errors.approve}</FormHelperText> : null}
                    </FormControl>
                    <TextField
                        label={translate('app.reviews.decision_note')}
                        value={note}
                        onChange={event => setNote(event.target.value)}
                        error={!!errors.note}
                        helperText={errors.note}
                        multiline
                        minRows={2}
                        fullWidth
                        slotProps={{ htmlInput: { maxLength: 500 } }}
                    />
                </>
            )}
        </ReviewDialog>
    );
};

/** 补充后重新提交: the package is rebuilt from the case as it is now; the clock restarts or resumes. */
export const ResubmitDialog = ({ review, open, onClose, onDone }: StepDialogProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const length = useLengthCheck();
    const [note, setNote] = useState('');
    useEffect(() => {
        if (open) setNote('');
    }, [open]);
    const returned = review.opinions[review.opinions.length - 1];
    return (
        <ReviewDialog
            open={open}
            title={translate('app.review_actions.resubmit')}
            intro={
                <>
                    {returned ? (
                        <Alert severity="info">
                            {translate('app.reviews.resubmit_returned', { number: returned.number, text: returned.text })}
                        </Alert>
                    ) : null}
                    <Typography variant="body2" color="text.secondary">
                        {translate(`app.reviews.resubmit_intro_${review.rules.clockAfterReturn}`)}
                    </Typography>
                </>
            }
            submitLabel={translate('app.review_actions.resubmit')}
            validate={() => clean({ applicationNote: length(note, 0, 2000, false) })}
            onSubmit={async () => {
                await reviewApi.resubmit(review.id as string, {
                    version: review.version,
                    ...(note.trim() ? { applicationNote: note.trim() } : {}),
                });
                notify('app.reviews.resubmitted', { type: 'success' });
                onDone();
            }}
            onClose={onClose}
            onReload={onDone}
        >
            {errors => (
                <>
                    <TextField
                        label={translate('app.reviews.application_note')}
                        value={note}
                        onChange={event => setNote(event.target.value)}
                        error={!!errors.applicationNote}
                        helperText={errors.applicationNote ?? translate('app.reviews.resubmit_note_helper')}
                        multiline
                        minRows={3}
                        fullWidth
                        autoFocus
                        slotProps={{ htmlInput: { maxLength: 2000 } }}
                    />
                    {/* Missing parts of the package, as the API lists them. */}
                    {Object.entries(errors)
                        .filter(([field]) => field !== 'applicationNote')
                        .map(([field, text]) => (
                            <Typography key={field} variant="body2" color="error">
                                {text}
                            </Typography>
                        ))}
                </>
            )}
        </ReviewDialog>
    );
};

/** 提出异议: the handling unit disagrees with an opinion that does not approve; the head then convenes a discussion. */
export const ContestDialog = ({ review, open, onClose, onDone }: StepDialogProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const length = useLengthCheck();
    const [reason, setReason] = useState('');
    useEffect(() => {
        if (open) setReason('');
    }, [open]);
    return (
        <ReviewDialog
            open={open}
            title={translate('app.review_actions.contest')}
            intro={
                <Typography variant="body2" color="text.secondary">
                    {translate('app.reviews.contest_intro')}
                </Typography>
            }
            submitLabel={translate('app.review_actions.contest')}
            submitColor="warning"
            validate={() => clean({ reason: length(reason, 2, 2000) })}
            onSubmit={async () => {
                await reviewApi.contest(review.id as string, { version: review.version, reason: reason.trim() });
                notify('app.reviews.contested', { type: 'success' });
                onDone();
            }}
            onClose={onClose}
            onReload={onDone}
        >
            {errors => (
                <TextField
                    label={translate('app.reviews.contest_reason')}
                    value={reason}
                    onChange={event => setReason(event.target.value)}
                    required
                    error={!!errors.reason}
                    helperText={errors.reason}
                    multiline
                    minRows={4}
                    fullWidth
                    autoFocus
                    slotProps={{ htmlInput: { maxLength: 2000 } }}
                />
            )}
        </ReviewDialog>
    );
};

const MIN_PARTICIPANTS = 3;

/**
 * 记录集体讨论 (head of department): date, participants (at least three), minutes and the conclusion —
 * follow the opinion, or proceed against it with the reasons (which opens the decision).
 */
export const DiscussionDialog = ({ review, open, onClose, onDone }: StepDialogProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const length = useLengthCheck();
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
    return (
        <ReviewDialog
            open={open}
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
                return clean({
                    date: !date ? translate('ra.validation.required') : date > calendarDate() ? translate('app.reviews.no_future_date') : undefined,
                    participants:
                        names.length < MIN_PARTICIPANTS
                            ? translate('app.reviews.participants_min', { min: MIN_PARTICIPANTS })
                            : names.some(n => n.length > 40)
                              ? translate('ra.validation.maxLength', { max: 40 })
                              : undefined,
                    minutes: length(minutes, 2, 10000),
                    conclusion: conclusion ? undefined : translate('ra.validation.required'),
                    reasons: conclusion === 'proceed' ? length(reasons, 2, 2000) : undefined,
                });
            }}
            onSubmit={async () => {
                await reviewApi.discuss(review.id as string, {
                    version: review.version,
                    date,
                    participants: allParticipants(),
                    minutes: minutes.trim(),
                    conclusion,
                    ...(conclusion === 'proceed' ? { reasons: reasons.trim() } : {}),
                });
                notify('app.reviews.discussed', { type: 'success' });
                onDone();
            }}
            onClose={onClose}
            onReload={onDone}
        >
            {errors => (
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
                    <TextField
                        label={translate('app.reviews.minutes')}
                        value={minutes}
                        onChange={event => setMinutes(event.target.value)}
                        required
                        error={!!errors.minutes}
                        helperText={errors.minutes}
                        multiline
                        minRows={4}
                        fullWidth
                        slotProps={{ htmlInput: { maxLength: 10000 } }}
                    />
                    <FormControl error={!!errors.conclusion} required>
                        <FormLabel id="discussion-conclusion-label">{translate('app.reviews.conclusion')}</FormLabel>
                        <RadioGroup
                            aria-labelledby="discussion-conclusion-label"
                            value={conclusion}
                            onChange={event => setConclusion(event.target.value as 'follow' | 'proceed')}
                        >
                            <FormControlLabel value="follow" control={<Radio />} label={translate('app.discussion_conclusions.follow')} />
                            <FormControlLabel value="proceed" control={<Radio />} label={translate('app.discussion_conclusions.proceed')} />
                        </RadioGroup>
                        {errors.conclusion ? <FormHelperText>{errors.conclusion}</FormHelperText> : null}
                    </FormControl>
                    {conclusion === 'proceed' ? (
                        <TextField
                            label={translate('app.reviews.discussion_reasons')}
                            value={reasons}
                            onChange={event => setReasons(event.target.value)}
                            required
                            error={!!errors.reasons}
                            helperText={errors.reasons ?? translate('app.reviews.discussion_reasons_helper')}
                            multiline
                            minRows={3}
                            fullWidth
                            slotProps={{ htmlInput: { maxLength: 2000 } }}
                        />
                    ) : null}
                </>
            )}
        </ReviewDialog>
    );
};
