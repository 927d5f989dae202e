import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../fields/DateTimeField';
import { DueStateChip, RemainingWorkdaysField } from './reviewFields';
import { missingCalendarYears, type Review } from './reviewVocabulary';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
    <>
        <Typography component="dt" variant="body2" color="text.secondary">
            {label}
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {children}
        </Typography>
    </>
);

/**
 * 审核期限: received, due, working days left and the state; the rule in force at submission (time limit,
 * restart or resume after a return), the calendar version the due date was computed with and its
 * warnings (a year without holiday data), and the extension if one was asked for.
 */
export const ReviewClockPanel = ({ review }: { review: Review }) => {
    const translate = useTranslate();
    const { clock, rules, extension } = review;
    const missingYears = missingCalendarYears(clock.warnings);
    return (
        <Card variant="outlined" component="section" aria-labelledby="review-clock-title">
            <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                    <Typography id="review-clock-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                        {translate('app.reviews.clock_title')}
                    </Typography>
                    <DueStateChip state={review.state} />
                </Stack>
                {missingYears.length ? (
                    <Alert severity="warning" sx={{ mb: 1 }}>
                        {translate('app.reviews.calendar_year_missing', { years: missingYears.join('、') })}
                    </Alert>
                ) : null}
                <Box
                    component="dl"
                    sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
                >
                    <Row label={translate('resources.reviews.fields.clock.receivedOn')}>{clock.receivedOn}</Row>
                    <Row label={translate('resources.reviews.fields.clock.dueOn')}>
                        <strong>{clock.dueOn}</strong>
                    </Row>
                    <Row label={translate('resources.reviews.fields.remainingWorkdays')}>
                        <RemainingWorkdaysField />
                    </Row>
                    {clock.pausedOn ? <Row label={translate('app.reviews.paused_on')}>{clock.pausedOn}</Row> : null}
                    {clock.completedOn ? <Row label={translate('app.reviews.completed_on')}>{clock.completedOn}</Row> : null}
                    <Row label={translate('app.reviews.time_limit')}>
                        {translate('app.reviews.time_limit_value', {
                            limit: rules.limitWorkdays,
                            extension: rules.extensionWorkdays,
                        })}
                    </Row>
                    <Row label={translate('app.reviews.after_return')}>
                        {translate(`app.reviews.after_return_${rules.clockAfterReturn}`)}
                        {rules.clockAfterReturn === 'resume' && clock.usedWorkdays
                            ? translate('app.reviews.used_workdays', { smart_count: clock.usedWorkdays })
                            : ''}
                    </Row>
                    <Row label={translate('app.reviews.calendar_version')}>{clock.calendarVersion}</Row>
                </Box>
                {extension?.status ? (
                    <Alert
                        severity={extension.status === 'requested' ? 'info' : extension.status === 'approved' ? 'success' : 'warning'}
                        sx={{ mt: 1.5 }}
                    >
                        <strong>
                            {translate(`app.reviews.extension_${extension.status}`, { smart_count: extension.workdays ?? 0 })}
                        </strong>
                        <Typography variant="body2">
                            {translate('app.reviews.extension_request_line', {
                                name: extension.requestedBy ?? '',
                                at: formatDateTime(extension.requestedAt),
                                reason: extension.reason ?? '',
                            })}
                        </Typography>
                        {extension.decidedBy ? (
                            <Typography variant="body2">
                                {translate('app.reviews.extension_decision_line', {
                                    name: extension.decidedBy,
                                    at: formatDateTime(extension.decidedAt),
                                })}
                                {extension.decisionNote ? `：${extension.decisionNote}` : ''}
                            </Typography>
                        ) : null}
                    </Alert>
                ) : null}
            </CardContent>
        </Card>
    );
};
