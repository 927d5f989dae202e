import { useState } from 'react';
import { Alert, Button, Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Confirm, Link, useNotify, useTranslate } from 'react-admin';
import { calendarApi, type RecomputeResult } from './calendarApi';

/**
 * Deadlines already computed keep the calendar version they used; after changing the calendar the legal
 * office recomputes the running ones here on purpose (the API audits each change).
 */
export const RecomputeCard = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const [confirming, setConfirming] = useState(false);
    const [busy, setBusy] = useState(false);
    const [result, setResult] = useState<RecomputeResult | null>(null);

    const run = async () => {
        setBusy(true);
        try {
            setResult(await calendarApi.recomputeDeadlines());
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setBusy(false);
            setConfirming(false);
        }
    };

    const changes = result ? [...result.reviews.changed, ...result.hearingWindows.changed] : [];
    return (
        <Card component="section" aria-labelledby="recompute-title">
            <CardContent>
                <Typography id="recompute-title" variant="h6" component="h2" gutterBottom>
                    {translate('app.calendar.recompute.title')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                    {translate('app.calendar.recompute.intro')}
                </Typography>
                <Button variant="outlined" disabled={busy} onClick={() => setConfirming(true)}>
                    {translate('app.calendar.recompute.action')}
                </Button>
                {result ? (
                    <Alert severity={changes.length ? 'warning' : 'success'} sx={{ mt: 2 }}>
                        {translate('app.calendar.recompute.result', {
                            version: result.calendarVersion,
                            reviews: result.reviews.changed.length,
                            reviewsChecked: result.reviews.checked,
                            windows: result.hearingWindows.changed.length,
                            windowsChecked: result.hearingWindows.checked,
                        })}
                        {changes.length ? (
                            <List dense disablePadding>
                                {result.reviews.changed.map(c => (
                                    <ListItem key={c.reviewId} disableGutters>
                                        <ListItemText
                                            primary={
                                                <Link to={`/reviews/${c.reviewId}/show`}>
                                                    {translate('app.calendar.recompute.review_line', c)}
                                                </Link>
                                            }
                                        />
                                    </ListItem>
                                ))}
                                {result.hearingWindows.changed.map(c => (
                                    <ListItem key={c.caseId} disableGutters>
                                        <ListItemText
                                            primary={
                                                <Link to={`/cases/${c.caseId}/show`}>
                                                    {translate('app.calendar.recompute.window_line', c)}
                                                </Link>
                                            }
                                        />
                                    </ListItem>
                                ))}
                            </List>
                        ) : null}
                    </Alert>
                ) : null}
            </CardContent>
            <Confirm
                isOpen={confirming}
                loading={busy}
                title="app.calendar.recompute.confirm_title"
                content="app.calendar.recompute.confirm_content"
                onConfirm={run}
                onClose={() => setConfirming(false)}
            />
        </Card>
    );
};
