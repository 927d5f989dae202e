import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { StatusChip } from '../fields/StatusChip';
import { StatusField } from '../fields/StatusField';
import { DUE_STATE_TONES, OUTCOME_TONES, REVIEW_STATUS_TONES, type DueState, type ReviewOutcome } from './reviewVocabulary';

/** 待分配 / 审核中 / 退回补充 / 已办结. */
export const ReviewStatusField = (props: FieldProps) => (
    <StatusField {...props} source={props.source ?? 'status'} tones={REVIEW_STATUS_TONES} labelPrefix="app.review_status" />
);

/** 期限状态: on time green, due soon orange, overdue red, paused grey, done, done late. */
export const DueStateChip = ({ state }: { state?: string | null }) => {
    const translate = useTranslate();
    if (!state) return null;
    return (
        <StatusChip
            label={translate(`app.review_due_state.${state}`, { _: state })}
            tone={DUE_STATE_TONES[state as DueState] ?? 'grey'}
        />
    );
};

export const DueStateField = (_props: Partial<FieldProps>) => {
    const record = useRecordContext();
    return <DueStateChip state={record?.state} />;
};

/** 同意 / 变更 / 纠正 / 退回补充 / 移送 / 不予下发 as a chip. */
export const OutcomeChip = ({ outcome }: { outcome?: string | null }) => {
    const translate = useTranslate();
    if (!outcome) return null;
    return (
        <StatusChip
            label={translate(`app.review_outcomes.${outcome}`, { _: outcome })}
            tone={OUTCOME_TONES[outcome as ReviewOutcome] ?? 'grey'}
        />
    );
};

/** Working days left; negative (in red) once overdue; "—" while paused or done. */
export const RemainingWorkdaysField = (_props: Partial<FieldProps>) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const remaining = record?.remainingWorkdays as number | null | undefined;
    if (remaining === null || remaining === undefined) return <span>—</span>;
    return (
        <Typography
            variant="body2"
            component="span"
            sx={{ whiteSpace: 'nowrap', color: remaining < 0 ? 'error.main' : remaining <= 1 ? 'warning.dark' : undefined }}
        >
            {remaining < 0
                ? translate('app.reviews.overdue_by', { smart_count: -remaining })
                : translate('app.reviews.workdays_value', { smart_count: remaining })}
        </Typography>
    );
};
