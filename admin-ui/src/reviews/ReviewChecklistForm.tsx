import { useState, type ReactNode } from 'react';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    CircularProgress,
    Dialog,
    DialogContent,
    DialogContentText,
    DialogTitle,
    FormControl,
    FormControlLabel,
    FormHelperText,
    FormLabel,
    Radio,
    RadioGroup,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { DialogButtons, DialogFieldInput } from '../dialogs/FormDialog';
import { fieldErrors, isStale, refusalMessage, StaleNotice } from '../dialogs/refusals';
import { reviewApi } from './reviewApi';
import {
    POINT_CONCLUSIONS,
    REVIEW_OUTCOMES,
    REVIEW_POINTS,
    type ChecklistItem,
    type PointConclusion,
    type Review,
    type ReviewOutcome,
    type ReviewPoint,
    pointLabel,
} from './reviewVocabulary';

type Mode = 'review' | 'correct';

interface Values {
    items: Record<ReviewPoint, { conclusion: PointConclusion | ''; note: string }>;
    outcome: ReviewOutcome | '';
    text: string;
    reason: string;
}

const initialValues = (review: Review, mode: Mode): Values => {
    const source: { checklist?: ChecklistItem[]; outcome?: ReviewOutcome; text?: string } =
        mode === 'correct' ? (review.opinions[review.opinions.length - 1] ?? {}) : (review.draft ?? {});
    const items = Object.fromEntries(
        REVIEW_POINTS.map(point => {
            const item = source.checklist?.find(i => i.point === point);
            return [point, { conclusion: item?.conclusion ?? '', note: item?.note ?? '' }];
        })
    ) as Values['items'];
    return { items, outcome: source.outcome ?? '', text: source.text ?? '', reason: '' };
};

/** The checklist as the API takes it: every point in the order of the opinion, so `checklist.N` is point N. */
const checklistBody = (values: Values) =>
    REVIEW_POINTS.map(point => {
        const item = values.items[point];
        return {
            point,
            ...(item.conclusion ? { conclusion: item.conclusion } : {}),
            note: item.note.trim() || null,
        };
    });

/** `checklist.3.note` or `checklist.facts_evidence.conclusion` → the point and the part. */
const checklistError = (errors: Record<string, string>, point: ReviewPoint, part: 'conclusion' | 'note') =>
    errors[`checklist.${REVIEW_POINTS.indexOf(point)}.${part}`] ?? errors[`checklist.${point}.${part}`];

/**
 * 审核意见: the seven review points, each 无问题 / 有问题 / 不适用 with a note (required for a problem), the
 * outcome and the opinion text. "保存草稿" keeps the work in progress; "签发审核意见" issues the numbered
 * opinion after a confirmation. In correction mode (更正意见) the last opinion is the starting point, the
 * reason is asked, and the result is a new numbered opinion superseding it.
 */
export const ReviewChecklistForm = ({
    review,
    mode,
    canSaveDraft,
    onDone,
    onCancel,
    onReload,
}: {
    review: Review;
    mode: Mode;
    canSaveDraft: boolean;
    onDone: () => void;
    onCancel?: () => void;
    onReload: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [locale] = useLocaleState();
    const [values, setValues] = useState<Values>(() => initialValues(review, mode));
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [message, setMessage] = useState<ReactNode | null>(null);
    const [confirming, setConfirming] = useState(false);
    const [busy, setBusy] = useState<'draft' | 'issue' | null>(null);
    const required = translate('ra.validation.required');

    const setItem = (point: ReviewPoint, change: Partial<Values['items'][ReviewPoint]>) =>
        setValues(v => ({ ...v, items: { ...v.items, [point]: { ...v.items[point], ...change } } }));

    /** The same rules as the API, so that most mistakes are shown before the call. */
    const check = (): Record<string, string> => {
        const found: Record<string, string> = {};
        REVIEW_POINTS.forEach((point, index) => {
            const item = values.items[point];
            if (!item.conclusion) found[`checklist.${index}.conclusion`] = translate('app.reviews.conclusion_required');
            else if (item.conclusion === 'problem' && !item.note.trim())
                found[`checklist.${index}.note`] = translate('app.reviews.note_required');
        });
        if (!values.outcome) found.outcome = required;
        if (values.text.trim().length < 2) found.text = translate('ra.validation.minLength', { min: 2 });
        if (mode === 'correct' && values.reason.trim().length < 2) found.reason = translate('ra.validation.minLength', { min: 2 });
        return found;
    };

    const fail = (error: unknown) => {
        if (isStale(error)) {
            setMessage(<StaleNotice message="app.reviews.stale" onReload={onReload} />);
            return;
        }
        setErrors(fieldErrors(error));
        setMessage(refusalMessage(error, translate));
    };

    const saveDraft = async () => {
        setBusy('draft');
        setMessage(null);
        setErrors({});
        try {
            await reviewApi.saveDraft(review.id as string, {
                version: review.version,
                checklist: checklistBody(values),
                ...(values.outcome ? { outcome: values.outcome } : {}),
                text: values.text,
            });
            notify('app.reviews.draft_saved', { type: 'success' });
            onDone();
        } catch (error) {
            fail(error);
        } finally {
            setBusy(null);
        }
    };

    const askIssue = () => {
        const found = check();
        setErrors(found);
        setMessage(Object.keys(found).length ? translate('app.reviews.form_has_errors') : null);
        if (!Object.keys(found).length) setConfirming(true);
    };

    const issue = async () => {
        setBusy('issue');
        setMessage(null);
        try {
            const body = {
                version: review.version,
                checklist: checklistBody(values),
                outcome: values.outcome,
                text: values.text.trim(),
            };
            const issued =
                mode === 'correct'
                    ? await reviewApi.correct(review.id as string, { ...body, reason: values.reason.trim() })
                    : await reviewApi.issue(review.id as string, body);
            const opinion = issued.opinions[issued.opinions.length - 1];
            notify('app.reviews.issued', { type: 'success', messageArgs: { number: opinion?.number ?? '' } });
            setConfirming(false);
            onDone();
        } catch (error) {
            setConfirming(false);
            fail(error);
        } finally {
            setBusy(null);
        }
    };

    const outcomes = mode === 'correct' ? REVIEW_OUTCOMES.filter(o => o !== 'return') : REVIEW_OUTCOMES;
    const outcomeLabel = values.outcome ? translate(`app.review_outcomes.${values.outcome}`) : '';

    return (
        <Card variant="outlined" component="section" aria-labelledby="review-form-title">
            <CardContent>
                <Typography id="review-form-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                    {translate(mode === 'correct' ? 'app.reviews.correct_title' : 'app.reviews.checklist_title')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                    {translate(mode === 'correct' ? 'app.reviews.correct_intro' : 'app.reviews.checklist_intro')}
                </Typography>
                {message ? (
                    <Alert severity={typeof message === 'string' ? 'error' : 'warning'} role="alert" sx={{ mb: 2 }}>
                        {message}
                    </Alert>
                ) : null}
                <Stack spacing={1.5} component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }}>
                    {REVIEW_POINTS.map((point, index) => {
                        const item = values.items[point];
                        const label = pointLabel(point, review, locale, translate);
                        const conclusionError = checklistError(errors, point, 'conclusion');
                        const noteError = checklistError(errors, point, 'note');
                        return (
                            <Box
                                component="li"
                                key={point}
                                sx={{
                                    p: 1.5,
                                    border: 1,
                                    borderRadius: 1,
                                    borderColor: conclusionError || noteError ? 'error.main' : 'divider',
                                    bgcolor: item.conclusion === 'problem' ? 'rgba(179, 92, 0, 0.06)' : undefined,
                                }}
                            >
                                <FormControl error={!!conclusionError} component="fieldset" fullWidth>
                                    <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 500 }}>
                                        {index + 1}. {label}
                                    </FormLabel>
                                    <RadioGroup
                                        row
                                        name={`checklist-${point}`}
                                        value={item.conclusion}
                                        onChange={event => setItem(point, { conclusion: event.target.value as PointConclusion })}
                                    >
                                        {POINT_CONCLUSIONS.map(conclusion => (
                                            <FormControlLabel
                                                key={conclusion}
                                                value={conclusion}
                                                control={<Radio size="small" />}
                                                label={translate(`app.review_conclusions.${conclusion}`)}
                                            />
                                        ))}
                                    </RadioGroup>
                                    {conclusionError ? <FormHelperText>{conclusionError}</FormHelperText> : null}
                                </FormControl>
                                <TextField
                                    label={translate('app.reviews.point_note', { point: index + 1 })}
                                    value={item.note}
                                    onChange={event => setItem(point, { note: event.target.value })}
                                    required={item.conclusion === 'problem'}
                                    error={!!noteError}
                                    helperText={noteError ?? (item.conclusion === 'problem' ? translate('app.reviews.note_helper') : undefined)}
                                    size="small"
                                    multiline
                                    minRows={item.conclusion === 'problem' ? 2 : 1}
                                    fullWidth
                                    slotProps={{ htmlInput: { maxLength: 2000 } }}
                                    sx={{ mt: 1 }}
                                />
                            </Box>
                        );
                    })}
                </Stack>
                <Stack spacing={2} sx={{ mt: 2 }}>
                    <DialogFieldInput
                        field={{
                            name: 'outcome',
                            label: 'app.reviews.outcome',
                            type: 'select',
                            required: true,
                            helperText: 'app.reviews.outcome_helper',
                            choices: outcomes.map(outcome => ({ id: outcome, name: translate(`app.review_outcomes.${outcome}`) })),
                        }}
                        value={values.outcome}
                        onChange={outcome => setValues(v => ({ ...v, outcome: outcome as ReviewOutcome }))}
                        error={errors.outcome}
                    />
                    <DialogFieldInput
                        field={{
                            name: 'text',
                            label: 'app.reviews.opinion_text',
                            required: true,
                            multiline: true,
                            minRows: 4,
                            maxLength: 10000,
                            helperText: 'app.reviews.opinion_text_helper',
                        }}
                        value={values.text}
                        onChange={text => setValues(v => ({ ...v, text }))}
                        error={errors.text}
                    />
                    {mode === 'correct' ? (
                        <DialogFieldInput
                            field={{
                                name: 'reason',
                                label: 'app.reviews.correction_reason',
                                required: true,
                                multiline: true,
                                minRows: 2,
                                maxLength: 500,
                            }}
                            value={values.reason}
                            onChange={reason => setValues(v => ({ ...v, reason }))}
                            error={errors.reason}
                        />
                    ) : null}
                </Stack>
                <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'flex-end', flexWrap: 'wrap' }} useFlexGap>
                    {onCancel ? (
                        <Button onClick={onCancel} disabled={!!busy}>
                            {translate('ra.action.cancel')}
                        </Button>
                    ) : null}
                    {canSaveDraft ? (
                        <Button
                            variant="outlined"
                            onClick={saveDraft}
                            disabled={!!busy}
                            startIcon={busy === 'draft' ? <CircularProgress size={16} color="inherit" /> : undefined}
                        >
                            {translate('app.reviews.save_draft')}
                        </Button>
                    ) : null}
                    <Button variant="contained" onClick={askIssue} disabled={!!busy} disableElevation>
                        {translate(mode === 'correct' ? 'app.reviews.issue_correction' : 'app.reviews.issue')}
                    </Button>
                </Stack>
            </CardContent>
            <Dialog open={confirming} onClose={busy ? undefined : () => setConfirming(false)} aria-labelledby="issue-confirm-title">
                <DialogTitle id="issue-confirm-title">
                    {translate(mode === 'correct' ? 'app.reviews.issue_correction' : 'app.reviews.issue')}
                </DialogTitle>
                <DialogContent>
                    <DialogContentText>
                        {translate('app.reviews.issue_confirm', { outcome: outcomeLabel, number: review.caseNumber })}
                    </DialogContentText>
                    {values.outcome === 'return' ? (
                        <Alert severity="info" sx={{ mt: 2 }}>
                            {translate('app.reviews.issue_return_hint')}
                        </Alert>
                    ) : null}
                </DialogContent>
                {/* Only issuing can be under way while this is open: the form's buttons are behind it. */}
                <DialogButtons
                    onCancel={() => setConfirming(false)}
                    busy={!!busy}
                    submitLabel={translate('app.reviews.issue_confirm_submit')}
                    onSubmit={issue}
                />
            </Dialog>
        </Card>
    );
};
