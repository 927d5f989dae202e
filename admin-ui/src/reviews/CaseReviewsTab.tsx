import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    CircularProgress,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { Link, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { OpinionList } from './OpinionList';
import { DueStateChip, OutcomeChip } from './reviewFields';
import { StatusChip } from '../fields/StatusChip';
import { REVIEW_STATUS_TONES, type Review } from './reviewVocabulary';

interface MajorMatch {
    ruleId: string;
    name: string;
    detail: string;
}

/** 为何属于重大执法决定: the catalog rules the draft matched when it was determined. */
const MajorMatches = ({ matches, major }: { matches: MajorMatch[]; major: boolean }) => {
    const translate = useTranslate();
    return (
        <Card variant="outlined" component="section" aria-labelledby="case-major-title">
            <CardContent>
                <Typography id="case-major-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
                    {translate('app.reviews.why_major')}
                </Typography>
                {major && matches.length ? (
                    <Table size="small" aria-labelledby="case-major-title">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('app.reviews.rule_name')}</TableCell>
                                <TableCell>{translate('app.reviews.rule_detail')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {matches.map(match => (
                                <TableRow key={match.ruleId}>
                                    <TableCell>{match.name}</TableCell>
                                    <TableCell>{match.detail}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                ) : (
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.reviews.not_major')}
                    </Typography>
                )}
            </CardContent>
        </Card>
    );
};

/** One round of review of the case: status, clock, reviewer, outcome and the opinions with their PDFs. */
const ReviewRound = ({ review }: { review: Review }) => {
    const translate = useTranslate();
    return (
        <Card variant="outlined" component="section" aria-label={translate('app.reviews.round_value', { round: review.round })}>
            <CardContent>
                <Stack
                    direction={{ xs: 'column', sm: 'row' }}
                    spacing={1}
                    sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}
                >
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                            {translate('app.reviews.round_value', { round: review.round })}
                        </Typography>
                        <StatusChip
                            label={translate(`app.review_status.${review.status}`)}
                            tone={REVIEW_STATUS_TONES[review.status] ?? 'grey'}
                        />
                        <DueStateChip state={review.state} />
                        {review.outcome ? <OutcomeChip outcome={review.outcome} /> : null}
                    </Stack>
                    <Button size="small" variant="outlined" component={Link} to={`/reviews/${review.id}/show`}>
                        {translate('app.reviews.open_review')}
                    </Button>
                </Stack>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {translate('app.reviews.round_line', {
                        received: review.clock.receivedOn,
                        due: review.clock.dueOn,
                        reviewer: review.reviewerName ?? translate('app.reviews.unassigned'),
                    })}
                </Typography>
                <OpinionList reviewId={review.id as string} opinions={review.opinions ?? []} />
            </CardContent>
        </Card>
    );
};

/** 法制审核 tab of the case page: why the case is major, and every review of it with its opinions. */
export const CaseReviewsTab = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { data, isPending, error } = useGetList<Review>(
        'reviews',
        {
            filter: { caseId: record?.id },
            sort: { field: 'createdAt', order: 'DESC' },
            pagination: { page: 1, perPage: 50 },
        },
        { enabled: !!record?.id }
    );
    if (!record) return null;
    return (
        <Stack spacing={2}>
            <MajorMatches matches={(record.majorMatches ?? []) as MajorMatch[]} major={!!record.major} />
            {record.major ? (
                <Alert severity={record.legalReview?.status === 'approved' || record.legalReview?.status === 'proceed_by_discussion' ? 'success' : 'info'}>
                    {translate('app.reviews.case_gate', {
                        status: translate(`app.legal_review_status.${record.legalReview?.status ?? 'none'}`, {
                            _: record.legalReview?.status ?? 'none',
                        }),
                    })}
                    {record.legalReview?.opinionNumber
                        ? translate('app.reviews.case_gate_opinion', { number: record.legalReview.opinionNumber })
                        : ''}
                </Alert>
            ) : null}
            {isPending ? (
                <Box sx={{ display: 'flex', justifyContent: 'center', p: 2 }}>
                    <CircularProgress size={24} aria-label={translate('ra.page.loading')} />
                </Box>
            ) : error ? (
                <Alert severity="error">{translate((error as Error).message || 'ra.notification.http_error')}</Alert>
            ) : data?.length ? (
                data.map(review => <ReviewRound key={review.id} review={review} />)
            ) : (
                <Typography variant="body2" color="text.secondary">
                    {translate('app.reviews.no_reviews_for_case')}
                </Typography>
            )}
        </Stack>
    );
};
