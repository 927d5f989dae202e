import { Box, Chip, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { StatusChip } from '../fields/StatusChip';
import { StatusField } from '../fields/StatusField';
import { CASE_STATUS_TONES, DEADLINE_STATE_TONES, requiredDocumentLabel, type DeadlineState } from './caseVocabulary';

export interface CaseParty {
    id?: string;
    kind: 'person' | 'organization';
    name: string;
    idNumber?: string;
    phone?: string;
    address?: string;
    minor?: boolean;
    creditCode?: string;
    legalRepresentative?: string;
}

export interface Completeness {
    required: number;
    present: number;
    missing: string[];
}

export const CaseStatusField = (props: FieldProps) => (
    <StatusField {...props} source="status" tones={CASE_STATUS_TONES} labelPrefix="app.case_status" />
);

/** 正常 / 即将到期 / 已超期 / 按期决定 / 超期决定 as a chip. */
export const DeadlineStateChip = ({ state }: { state?: string }) => {
    const translate = useTranslate();
    if (!state || state === 'not_applicable') return null;
    return (
        <StatusChip
            label={translate(`app.deadline_state.${state}`, { _: state })}
            tone={DEADLINE_STATE_TONES[state as DeadlineState] ?? 'grey'}
        />
    );
};

/** The decision deadline (art. 60): the due date and its state. */
export const DeadlineField = (_props: Partial<FieldProps>) => {
    const record = useRecordContext();
    if (!record) return null;
    const dueOn = record.decisionDeadline?.dueOn as string | undefined;
    if (!dueOn) return <span>—</span>;
    return (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
                {dueOn}
            </Typography>
            <DeadlineStateChip state={record.deadlineState} />
        </Stack>
    );
};

/** Required documents present out of required, as a small bar; the missing ones in the tooltip. */
export const CompletenessField = ({ width = 110 }: Partial<FieldProps> & { width?: number }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const completeness = record?.completeness as Completeness | undefined;
    if (!completeness || !completeness.required) return <span>—</span>;
    const percent = Math.round((completeness.present / completeness.required) * 100);
    const text = translate('app.cases.completeness_value', {
        present: completeness.present,
        required: completeness.required,
    });
    const missing = completeness.missing
        .map(entry => requiredDocumentLabel(entry, translate))
        .join(translate('app.cases.list_separator'));
    return (
        <Tooltip
            title={
                missing
                    ? translate('app.cases.missing_documents_list', { documents: missing })
                    : translate('app.cases.complete')
            }
        >
            <Box sx={{ width, display: 'flex', alignItems: 'center', gap: 1 }}>
                <LinearProgress
                    variant="determinate"
                    value={percent}
                    color={percent === 100 ? 'success' : 'primary'}
                    sx={{ flex: 1, height: 6, borderRadius: 3 }}
                    aria-label={text}
                />
                <Typography variant="caption" component="span" sx={{ whiteSpace: 'nowrap' }}>
                    {completeness.present}/{completeness.required}
                </Typography>
            </Box>
        </Tooltip>
    );
};

/** 重大: a major decision needs legal review before it is made (art. 58). */
export const MajorMarker = (_props: Partial<FieldProps>) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record?.major) return null;
    return (
        <Tooltip title={translate('app.cases.major_hint')}>
            <Chip size="small" color="error" variant="outlined" label={translate('app.cases.major_short')} />
        </Tooltip>
    );
};

/** The parties' names, one after the other. */
export const PartyNamesField = (_props: Partial<FieldProps>) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const parties = (record?.parties ?? []) as CaseParty[];
    if (!parties.length) return <span>—</span>;
    return (
        <Typography variant="body2" component="span">
            {parties.map(p => p.name).join(translate('app.cases.list_separator'))}
        </Typography>
    );
};

/** ¥1,234.00 */
export const formatYuan = (value: unknown): string =>
    typeof value === 'number'
        ? `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
        : '—';
