import { useNotify, useTranslate } from 'react-admin';
import { DialogIntro, FormDialog } from '../dialogs/FormDialog';
import { reviewApi } from './reviewApi';
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
    return (
        <FormDialog
            open={open}
            title={translate('app.reviews.assign_title', { smart_count: reviewIds.length })}
            intro={<DialogIntro>{translate('app.reviews.assign_intro')}</DialogIntro>}
            fields={[
                {
                    name: 'reviewerId',
                    label: 'app.reviews.reviewer',
                    type: 'select',
                    required: true,
                    disabled: isPending,
                    helperText: !isPending && !choices.length ? 'app.reviews.no_reviewers' : undefined,
                    choices: choices.map(choice => ({
                        id: choice.id,
                        name: `${choice.name}${choice.lead ? `（${translate('app.reviews.lead_reviewer')}）` : ''}${
                            !choice.reviewedBefore && !choice.legalQualification
                                ? ` · ${translate('app.reviews.first_time_unqualified')}`
                                : ''
                        }`,
                    })),
                },
            ]}
            submitLabel={translate('app.reviews.assign_submit')}
            onSubmit={async ({ reviewerId }) => {
                await reviewApi.assign(reviewIds, reviewerId);
                notify('app.reviews.assigned', {
                    type: 'success',
                    messageArgs: { smart_count: reviewIds.length, name: choices.find(c => c.id === reviewerId)?.name ?? '' },
                });
                onDone();
            }}
            onClose={onClose}
            onReload={onDone}
            staleMessage="app.reviews.stale"
        />
    );
};
