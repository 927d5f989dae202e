import {
    Box,
    Card,
    CardContent,
    LinearProgress,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import {
    ChipField,
    FunctionField,
    Labeled,
    ReferenceArrayField,
    ReferenceField,
    SelectField,
    SimpleShowLayout,
    SingleFieldList,
    TextField,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { CategoriesField } from '../fields/CategoriesField';
import { formatDateTime } from '../fields/DateTimeField';
import { showLayoutGrid } from '../fields/showLayoutGrid';
import { LegalBasisField } from '../powers/LegalBasisField';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { CaseStatusField, DeadlineStateChip, formatYuan, type Completeness } from './caseFields';
import {
    caseSourceChoices,
    discretionLevelChoices,
    procedureChoices,
    requiredDocumentLabel,
    UNDECIDED_STATUSES,
    type CaseStatus,
} from './caseVocabulary';

interface HistoryEntry {
    action: string;
    from: string;
    to: string;
    at: string;
    date?: string;
    byName?: string;
    reason?: string;
}

const CardTitle = ({ id, text }: { id: string; text: string }) => (
    <Typography id={id} variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {text}
    </Typography>
);

/** 决定期限 (art. 60): due date, days, state; and the hearing request window after the notice. */
const DeadlineCard = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const deadline = record.decisionDeadline as { dueOn?: string; days?: number } | undefined;
    return (
        <Card variant="outlined" component="section" aria-labelledby="case-deadline-title" sx={{ flex: 1 }}>
            <CardContent>
                <CardTitle id="case-deadline-title" text={translate('app.cases.deadline')} />
                {deadline?.dueOn ? (
                    <Stack spacing={1}>
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                            <Typography variant="h6" component="p">
                                {deadline.dueOn}
                            </Typography>
                            <DeadlineStateChip state={record.deadlineState} />
                        </Stack>
                        <Typography variant="body2" color="text.secondary">
                            {translate('app.cases.deadline_rule', {
                                days: deadline.days ?? '—',
                                filedOn: record.filedOn,
                            })}
                        </Typography>
                    </Stack>
                ) : (
                    <Typography variant="body2">—</Typography>
                )}
                {/* The request window matters until the decision. */}
                {record.hearingWindowEnd && UNDECIDED_STATUSES.includes(record.status as CaseStatus) ? (
                    <Typography variant="body2" sx={{ mt: 1.5 }}>
                        {translate('app.cases.hearing_window_end', { date: record.hearingWindowEnd })}
                    </Typography>
                ) : null}
                {record.hearing?.requestedOn ? (
                    <Typography variant="body2">
                        {translate('app.cases.hearing_requested_on', { date: record.hearing.requestedOn })}
                    </Typography>
                ) : null}
                {record.hearing?.waived ? (
                    <Typography variant="body2">{translate('app.cases.hearing_waived')}</Typography>
                ) : null}
            </CardContent>
        </Card>
    );
};

/** 文书完整性: the required documents of the procedure (agency settings) present, and those missing. */
const CompletenessCard = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const completeness = record?.completeness as Completeness | undefined;
    if (!record || !completeness) return null;
    const percent = completeness.required ? Math.round((completeness.present / completeness.required) * 100) : 100;
    return (
        <Card variant="outlined" component="section" aria-labelledby="case-completeness-title" sx={{ flex: 1 }}>
            <CardContent>
                <CardTitle id="case-completeness-title" text={translate('app.cases.completeness')} />
                <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
                    <LinearProgress
                        variant="determinate"
                        value={percent}
                        color={percent === 100 ? 'success' : 'primary'}
                        sx={{ flex: 1, height: 8, borderRadius: 4 }}
                        aria-label={translate('app.cases.completeness')}
                    />
                    <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                        {translate('app.cases.completeness_value', {
                            present: completeness.present,
                            required: completeness.required,
                        })}
                    </Typography>
                </Stack>
                {completeness.missing.length ? (
                    <>
                        <Typography variant="body2" color="text.secondary">
                            {translate('app.cases.missing_documents_heading')}
                        </Typography>
                        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                            {completeness.missing.map(entry => (
                                <Typography component="li" variant="body2" key={entry}>
                                    {requiredDocumentLabel(entry, translate)}
                                </Typography>
                            ))}
                        </Box>
                    </>
                ) : (
                    <Typography variant="body2" color="success.dark">
                        {translate('app.cases.complete')}
                    </Typography>
                )}
            </CardContent>
        </Card>
    );
};

/** 办理经过: every step with its legal date, who recorded it and, for an early end, why. */
const StatusHistory = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const history = (record?.history ?? []) as HistoryEntry[];
    if (!history.length) return null;
    return (
        <Card variant="outlined" component="section" aria-labelledby="case-history-title">
            <CardContent>
                <CardTitle id="case-history-title" text={translate('app.cases.history_title')} />
                <Table size="small" aria-labelledby="case-history-title">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.cases.history_date')}</TableCell>
                            <TableCell>{translate('app.cases.history_action')}</TableCell>
                            <TableCell>{translate('app.cases.history_status')}</TableCell>
                            <TableCell>{translate('app.cases.history_by')}</TableCell>
                            <TableCell>{translate('app.cases.history_recorded_at')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {history.map((entry, index) => (
                            <TableRow key={`${entry.at}-${index}`}>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>{entry.date ?? '—'}</TableCell>
                                <TableCell>
                                    {translate(`app.case_actions.${entry.action}`, { _: entry.action })}
                                    {entry.reason ? (
                                        <Typography variant="caption" component="div" color="text.secondary">
                                            {translate('app.cases.reason_value', { reason: entry.reason })}
                                        </Typography>
                                    ) : null}
                                </TableCell>
                                <TableCell>
                                    {entry.from === entry.to
                                        ? translate(`app.case_status.${entry.to}`, { _: entry.to })
                                        : `${translate(`app.case_status.${entry.from}`, { _: entry.from })} → ${translate(`app.case_status.${entry.to}`, { _: entry.to })}`}
                                </TableCell>
                                <TableCell>{entry.byName ?? '—'}</TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            </CardContent>
        </Card>
    );
};

const PenaltyTypesField = (_props: { source: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const types: string[] = Array.isArray(record?.penaltyTypes) ? record.penaltyTypes : [];
    return <span>{types.length ? types.map(t => translate(`app.penalty_types.${t}`, { _: t })).join(translate('app.cases.list_separator')) : '—'}</span>;
};

const STEP_DATES = ['notifiedOn', 'decidedOn', 'servedOn', 'executedOn', 'closedOn', 'archivedOn'] as const;

/** 概况: everything recorded on the case, the deadline and completeness indicators and the history. */
export const CaseOverview = () => {
    const record = useRecordContext();
    const me = useSessionUser();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Stack spacing={2}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                <DeadlineCard />
                <CompletenessCard />
            </Stack>
            <SimpleShowLayout
                sx={{
                    p: 0,
                    ...showLayoutGrid([
                        'cause',
                        'facts',
                        'legalBasis',
                        'officerIds',
                        'discretion.reasoning',
                        'majorReasons',
                        'endReason',
                    ]),
                }}
            >
                <TextField source="number" />
                <CaseStatusField source="status" />
                <Labeled source="category">
                    <CategoriesField source="category" />
                </Labeled>
                <SelectField source="procedure" choices={procedureChoices} />
                <SelectField source="source" choices={caseSourceChoices} emptyText="—" />
                <TextField source="filedOn" />
                {isCountyWide(me) ? <ReferenceField source="agencyId" reference="agencies" link="show" /> : null}
                {STEP_DATES.filter(field => record[field]).map(field => (
                    <TextField key={field} source={field} />
                ))}
                {record.endReason ? <TextField source="endReason" sx={{ whiteSpace: 'pre-wrap' }} /> : null}
                <TextField source="cause" />
                <TextField source="facts" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                <Labeled source="legalBasis">
                    <LegalBasisField source="legalBasis" />
                </Labeled>
                <ReferenceArrayField source="officerIds" reference="officers">
                    <SingleFieldList linkType="show">
                        <ChipField source="name" size="small" />
                    </SingleFieldList>
                </ReferenceArrayField>
                <SelectField source="discretion.level" choices={discretionLevelChoices} emptyText="—" />
                <TextField source="discretion.standardRef" emptyText="—" />
                <TextField source="discretion.reasoning" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                <Labeled source="penaltyTypes">
                    <PenaltyTypesField source="penaltyTypes" />
                </Labeled>
                <TextField source="draftDecision" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                <FunctionField source="fineAmount" render={r => formatYuan(r.fineAmount)} />
                <FunctionField source="confiscationAmount" render={r => formatYuan(r.confiscationAmount)} />
                <FunctionField
                    source="major"
                    render={r => translate(r.major ? 'app.cases.major_yes' : 'app.cases.major_no')}
                />
                {record.major ? (
                    <FunctionField
                        source="majorReasons"
                        render={r =>
                            Array.isArray(r.majorReasons) && r.majorReasons.length ? r.majorReasons.join(translate('app.cases.reason_separator')) : '—'
                        }
                    />
                ) : null}
                {record.major ? (
                    <FunctionField
                        source="legalReview.status"
                        render={r => translate(`app.legal_review_status.${r.legalReview?.status ?? 'none'}`)}
                    />
                ) : null}
            </SimpleShowLayout>
            <StatusHistory />
        </Stack>
    );
};
