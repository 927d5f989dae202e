import { Alert, Stack } from '@mui/material';
import {
    BooleanField,
    CreateButton,
    DataTable,
    DeleteWithConfirmButton,
    List,
    ReferenceField,
    SelectField,
    TopToolbar,
    useCanAccess,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { formatYuan } from '../../cases/caseFields';
import { isCountyWide } from '../../providers/session';
import { useSessionUser } from '../../providers/useSessionUser';
import { AMOUNT_RULE_KINDS, majorRuleKindChoices } from '../reviewVocabulary';

/** What a rule looks at, in words: "≥ ¥10,000.00（自然人）", the penalty types, or nothing more. */
const RuleConditionField = (_props: { source?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    if (AMOUNT_RULE_KINDS.includes(record.kind)) {
        return (
            <span>
                ≥ {formatYuan(record.threshold)}（{translate(`app.major_rule_party_kinds.${record.partyKind ?? 'any'}`)}）
            </span>
        );
    }
    if (record.kind === 'penalty_type') {
        return (
            <span>
                {((record.penaltyTypes ?? []) as string[])
                    .map(t => translate(`app.penalty_types.${t}`, { _: t }))
                    .join(translate('app.cases.list_separator'))}
            </span>
        );
    }
    return <span>—</span>;
};

const ListActions = () => {
    const { canAccess } = useCanAccess({ resource: 'major-rules', action: 'create' });
    return <TopToolbar>{canAccess ? <CreateButton /> : null}</TopToolbar>;
};

/**
 * 重大执法决定目录清单: the agency's catalog, which decides whether a case's draft decision is major. The
 * administrator edits it (audited; past determinations keep the rules they matched); others read it.
 */
export const MajorRuleList = () => {
    const translate = useTranslate();
    const me = useSessionUser();
    const { canAccess: canEdit } = useCanAccess({ resource: 'major-rules', action: 'edit' });
    return (
        <Stack>
            <Alert severity="info" sx={{ mt: 2 }}>
                {translate('app.major_rules.intro')}
            </Alert>
            <List actions={<ListActions />} perPage={50} exporter={false} sort={{ field: 'createdAt', order: 'ASC' }}>
                <DataTable
                    rowClick={canEdit ? 'edit' : false}
                    bulkActionButtons={false}
                    sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}
                >
                    <DataTable.Col source="name" cellSx={() => ({ minWidth: 200 })} />
                    {isCountyWide(me) ? (
                        <DataTable.Col source="agencyId" disableSort>
                            <ReferenceField source="agencyId" reference="agencies" link={false} />
                        </DataTable.Col>
                    ) : null}
                    <DataTable.Col source="kind">
                        <SelectField source="kind" choices={majorRuleKindChoices} />
                    </DataTable.Col>
                    <DataTable.Col source="threshold" disableSort label="app.major_rules.condition" field={RuleConditionField} />
                    <DataTable.Col source="legalBasis" disableSort render={r => r.legalBasis || '—'} />
                    <DataTable.Col source="active" disableSort>
                        <BooleanField source="active" />
                    </DataTable.Col>
                    {canEdit ? (
                        <DataTable.Col disableSort label="">
                            <DeleteWithConfirmButton
                                confirmTitle="app.major_rules.delete_title"
                                confirmContent="app.major_rules.delete_content"
                                mutationMode="pessimistic"
                            />
                        </DataTable.Col>
                    ) : null}
                </DataTable>
            </List>
        </Stack>
    );
};
