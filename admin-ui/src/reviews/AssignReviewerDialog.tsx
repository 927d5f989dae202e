import { useEffect, useState } from 'react';
import { MenuItem, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { reviewApi } from './reviewApi';
import { ReviewDialog } from './ReviewDialog';
import { useReviewerChoices } from './useReviewerChoices';

/**
 * 分配审核人员 for one review or several (all or none). The API refuses a reviewer who is an officer on a
 * case or a first-time reviewer without the legal professional qualification (art. 58); its reason is
 * shown under the choice.
 */
export const AssignReviewerDialog = ({
    open,
    reviewIds,
    onClose,
    onDone,
}: {
    open: boolean;
    reviewIds: string[];
    onClose: () => void;
    onDone: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const { choices, isPending } = useReviewerChoices(open);
    const [reviewerId, setReviewerId] = useState('');
    useEffect(() => {
        if (open) setReviewerId('');
    }, [open]);
    return (
        <ReviewDialog
            open={open}
            title={translate('app.reviews.assign_title', { smart_count: reviewIds.length })}
            intro={
                <Typography variant="body2" color="text.secondary">
                    {translate('app.reviews.assign_intro')}
                </Typography>
            }
            submitLabel={translate('app.reviews.assign_submit')}
            validate={() => (reviewerId ? {} : { reviewerId: translate('ra.validation.required') })}
            onSubmit={async () => {
                await reviewApi.assign(reviewIds, reviewerId);
                notify('app.reviews.assigned', {
                    type: 'success',
                    messageArgs: { smart_count: reviewIds.length, name: choices.find(c => c.id === reviewerId)?.name ?? '' },
                });
                onDone();
            }}
            onClose={onClose}
            onReload={onDone}
        >
            {errors => (
                <TextField
                    select
                    name="reviewerId"
                    label={translate('app.reviews.reviewer')}
                    value={reviewerId}
                    onChange={event => setReviewerId(event.target.value)}
                    required
                    fullWidth
                    autoFocus
                    disabled={isPending}
                    error={!!errors.reviewerId}
                    helperText={
                        errors.reviewerId ??
                        (!isPending && !choices.length ? translate('app.reviews.no_reviewers') : undefined)
                    }
                >
                    {choices.map(choice => (
                        <MenuItem key={choice.id} value={choice.id}>
                            {choice.name}
                            {choice.lead ? `（${translate('app.reviews.lead_reviewer')}）` : ''}
                            {!choice.reviewedBefore && !choice.legalQualification
                                ? ` · ${translate('app.reviews.first_time_unqualified')}`
                                : ''}
                        </MenuItem>
                    ))}
                </TextField>
            )}
        </ReviewDialog>
    );
};
