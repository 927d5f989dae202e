import { useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    Chip,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import {
    Link,
    Show,
    useLocaleState,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { formatDateTime } from '../fields/DateTimeField';
import { AssignReviewerDialog } from './AssignReviewerDialog';
import { OpinionList } from './OpinionList';
import { reviewApi } from './reviewApi';
import { ReviewChecklistForm } from './ReviewChecklistForm';
import { ReviewClockPanel } from './ReviewClockPanel';
import { DueStateChip, OutcomeChip, ReviewStatusField } from './reviewFields';
import { ReviewPackagePanel } from './ReviewPackagePanel';
import {
    ContestDialog,
    DiscussionDialog,
    ExtensionDecisionDialog,
    ExtensionRequestDialog,
    ResubmitDialog,
} from './ReviewStepDialogs';
import { pointLabel, REVIEW_POINTS, type Review, type ReviewAction } from './reviewVocabulary';

type DialogAction = Extract<ReviewAction, 'assign' | 'request_extension' | 'decide_extension' | 'resubmit' | 'contest' | 'discuss'>;

// The buttons of the header, in this order; save_draft and issue belong to the form, correct opens it.
const HEADER_ACTIONS: ReviewAction[] = ['claim', 'assign', 'request_extension', 'decide_extension', 'resubmit', 'contest', 'discuss', 'correct'];

const ReviewTitle = () => {
    const record = useRecordContext<Review>();
    const translate = useTranslate();
    return <span>{record ? translate('app.reviews.page_title', { number: record.caseNumber, round: record.round }) : ''}</span>;
};

/** Case number, cause, round, status and due state, and the steps the API offers the caller now. */
const ReviewHeader = ({ review, onCorrect }: { review: Review; onCorrect: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [dialog, setDialog] = useState<DialogAction | null>(null);
    const [claiming, setClaiming] = useState(false);
    const done = () => {
        setDialog(null);
        refresh();
    };
    const claim = async () => {
        setClaiming(true);
        try {
            await reviewApi.claim(review.id as string);
            notify('app.reviews.claimed', { type: 'success' });
            refresh();
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setClaiming(false);
        }
    };
    const offered = HEADER_ACTIONS.filter(action => review.actions.includes(action));
    const onClick = (action: ReviewAction) => {
        if (action === 'claim') return claim();
        if (action === 'correct') return onCorrect();
        setDialog(action as DialogAction);
    };
    return (
        <Stack
            direction={{ xs: 'column', md: 'row' }}
            spacing={1}
            sx={{ px: 2, pt: 2, pb: 1, justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}
        >
            <Stack spacing={0.5}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                    <Typography variant="h6" component="h1">
                        <Link to={`/cases/${review.caseId}/show`}>{review.caseNumber}</Link>
                    </Typography>
                    <Chip size="small" variant="outlined" label={translate('app.reviews.round_value', { round: review.round })} />
                    <ReviewStatusField source="status" />
                    <DueStateChip state={review.state} />
                    {review.outcome ? <OutcomeChip outcome={review.outcome} /> : null}
                </Stack>
                <Typography variant="body1" color="text.secondary">
                    {review.caseCause}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    {translate('app.reviews.header_line', {
                        submitter: review.submittedByName,
                        reviewer: review.reviewerName ?? translate('app.reviews.unassigned'),
                    })}
                </Typography>
            </Stack>
            <Box
                role="toolbar"
                aria-label={translate('app.reviews.actions_label')}
                sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, justifyContent: 'flex-end' }}
            >
                {offered.map(action => (
                    <Button
                        key={action}
                        size="small"
                        variant="contained"
                        color={action === 'contest' ? 'warning' : 'primary'}
                        disableElevation
                        disabled={action === 'claim' && claiming}
                        onClick={() => onClick(action)}
                    >
                        {translate(`app.review_actions.${action}`)}
                    </Button>
                ))}
            </Box>
            <AssignReviewerDialog
                open={dialog === 'assign'}
                reviewIds={[review.id as string]}
                onClose={() => setDialog(null)}
                onDone={done}
            />
            <ExtensionRequestDialog review={review} open={dialog === 'request_extension'} onClose={() => setDialog(null)} onDone={done} />
            <ExtensionDecisionDialog review={review} open={dialog === 'decide_extension'} onClose={() => setDialog(null)} onDone={done} />
            <ResubmitDialog review={review} open={dialog === 'resubmit'} onClose={() => setDialog(null)} onDone={done} />
            <ContestDialog review={review} open={dialog === 'contest'} onClose={() => setDialog(null)} onDone={done} />
            <DiscussionDialog review={review} open={dialog === 'discuss'} onClose={() => setDialog(null)} onDone={done} />
        </Stack>
    );
};

/** The conclusions of the latest opinion, read-only (when there is no form to fill). */
const LatestConclusions = ({ review }: { review: Review }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const latest = review.opinions[review.opinions.length - 1];
    if (!latest) return null;
    return (
        <Card variant="outlined" component="section" aria-labelledby="review-conclusions-title">
            <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                    <Typography id="review-conclusions-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                        {translate('app.reviews.latest_opinion', { number: latest.number })}
                    </Typography>
                    <OutcomeChip outcome={latest.outcome} />
                </Stack>
                <Table size="small" aria-labelledby="review-conclusions-title">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.reviews.point')}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.reviews.conclusion')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {REVIEW_POINTS.map((point, index) => {
                            const item = latest.checklist.find(i => i.point === point);
                            return (
                                <TableRow key={point}>
                                    <TableCell>
                                        {index + 1}. {pointLabel(point, review, locale, translate)}
                                        {item?.note ? (
                                            <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                                                {item.note}
                                            </Typography>
                                        ) : null}
                                    </TableCell>
                                    <TableCell
                                        sx={{ whiteSpace: 'nowrap', color: item?.conclusion === 'problem' ? 'warning.dark' : undefined }}
                                    >
                                        {item?.conclusion ? translate(`app.review_conclusions.${item.conclusion}`) : '—'}
                                    </TableCell>
                                </TableRow>
                            );
                        })}
                    </TableBody>
                </Table>
                <Typography variant="subtitle2" component="h3" color="text.secondary" sx={{ mt: 1.5 }}>
                    {translate('app.reviews.opinion_text')}
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                    {latest.text}
                </Typography>
            </CardContent>
        </Card>
    );
};

/** 异议 and 集体讨论, once there are any. */
const DisagreementPanel = ({ review }: { review: Review }) => {
    const translate = useTranslate();
    const { contest, discussion } = review;
    if (!contest?.at && !discussion?.at) return null;
    return (
        <Card variant="outlined" component="section" aria-labelledby="review-disagreement-title">
            <CardContent>
                <Typography id="review-disagreement-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
                    {translate('app.reviews.disagreement_title')}
                </Typography>
                {contest?.at ? (
                    <Alert severity="warning" sx={{ mb: 1.5 }}>
                        <strong>{translate('app.reviews.contest_by', { name: contest.byName ?? '', at: formatDateTime(contest.at) })}</strong>
                        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                            {contest.reason}
                        </Typography>
                    </Alert>
                ) : null}
                {discussion?.at ? (
                    <Stack spacing={1}>
                        <Typography variant="body2">
                            {translate('app.reviews.discussion_line', {
                                date: discussion.date ?? '',
                                name: discussion.recordedByName ?? '',
                            })}
                        </Typography>
                        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                            {(discussion.participants ?? []).map(name => (
                                <Chip key={name} size="small" label={name} />
                            ))}
                        </Stack>
                        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                            {discussion.minutes}
                        </Typography>
                        <Alert severity={discussion.conclusion === 'proceed' ? 'info' : 'success'}>
                            <strong>{translate(`app.discussion_conclusions.${discussion.conclusion}`)}</strong>
                            {discussion.reasons ? (
                                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                                    {discussion.reasons}
                                </Typography>
                            ) : null}
                        </Alert>
                    </Stack>
                ) : contest?.at ? (
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.reviews.discussion_pending')}
                    </Typography>
                ) : null}
            </CardContent>
        </Card>
    );
};

/**
 * The review page: the case file on the left, side by side with the clock, the checklist and outcome form
 * (for the assigned reviewer) and the opinions on the right.
 */
const ReviewPage = () => {
    const record = useRecordContext<Review>();
    const translate = useTranslate();
    const refresh = useRefresh();
    const [correcting, setCorrecting] = useState(false);
    if (!record) return null;
    // Coming from the queue, the list's record is shown until the review itself arrives: it has no
    // `actions` (nothing is offered until the API says so).
    const review: Review = { ...record, actions: record.actions ?? [], opinions: record.opinions ?? [], submissions: record.submissions ?? [] };
    const reviewing = review.actions.includes('issue');
    const showForm = reviewing || (correcting && review.actions.includes('correct'));
    return (
        <>
            <ReviewHeader review={review} onCorrect={() => setCorrecting(true)} />
            <Box
                sx={{
                    p: 2,
                    display: 'grid',
                    gap: 2,
                    alignItems: 'start',
                    gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
                }}
            >
                <ReviewPackagePanel review={review} />
                <Stack spacing={2} sx={{ minWidth: 0 }}>
                    <ReviewClockPanel review={review} />
                    {review.status === 'submitted' && !review.actions.includes('claim') ? (
                        <Alert severity="info">{translate('app.reviews.waiting_for_reviewer')}</Alert>
                    ) : null}
                    {review.status === 'returned' ? (
                        <Alert severity="info">{translate('app.reviews.returned_hint')}</Alert>
                    ) : null}
                    {showForm ? (
                        <ReviewChecklistForm
                            // A new version (draft saved, opinion issued) starts the form from the stored state.
                            key={`${review.version}-${correcting ? 'correct' : 'review'}`}
                            review={review}
                            mode={reviewing ? 'review' : 'correct'}
                            canSaveDraft={reviewing && review.actions.includes('save_draft')}
                            onDone={() => {
                                setCorrecting(false);
                                refresh();
                            }}
                            onCancel={reviewing ? undefined : () => setCorrecting(false)}
                            onReload={() => {
                                setCorrecting(false);
                                refresh();
                            }}
                        />
                    ) : (
                        <LatestConclusions review={review} />
                    )}
                    <DisagreementPanel review={review} />
                    <Card variant="outlined" component="section" aria-labelledby="review-opinions-title">
                        <CardContent>
                            <Typography id="review-opinions-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
                                {translate('app.reviews.opinions_title')}
                            </Typography>
                            <OpinionList reviewId={review.id as string} opinions={review.opinions} />
                        </CardContent>
                    </Card>
                </Stack>
            </Box>
        </>
    );
};

export const ReviewShow = () => (
    <Show title={<ReviewTitle />} actions={false}>
        <ReviewPage />
    </Show>
);
