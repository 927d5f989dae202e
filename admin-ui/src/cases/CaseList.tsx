import { Stack, Typography } from '@mui/material';
import {
    AutocompleteInput,
    BooleanInput,
    CreateButton,
    DataTable,
    DateInput,
    FilterButton,
    List,
    NullableBooleanInput,
    ReferenceField,
    ReferenceInput,
    SearchInput,
    SelectArrayInput,
    SelectInput,
    TextInput,
    TopToolbar,
    useCanAccess,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { EnforcementAgencyInput } from '../agencies/EnforcementAgencyInput';
import { categoryChoices } from '../agencies/enforcementSubject';
import { CategoriesField } from '../fields/CategoriesField';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { CaseStatusField, CompletenessField, DeadlineField, MajorMarker, PartyNamesField } from './caseFields';
import { caseStatusChoices, procedureChoices } from './caseVocabulary';

// The overdue switch only narrows the list: off means "any", not "not overdue".
// (react-admin drops empty filter values; an undefined one would leave the previous value in place.)
const onlyWhenOn = (value: unknown) => (value ? true : null);

const useCaseFilters = () => {
    const me = useSessionUser();
    const translate = useTranslate();
    return [
        <SearchInput
            key="q"
            source="q"
            alwaysOn
            placeholder={translate('app.cases.search_placeholder')}
            sx={{ minWidth: 260 }}
        />,
        // Several statuses at once (the API filters with $in): the dashboard links to all open ones.
        <SelectArrayInput key="status" source="status" choices={caseStatusChoices} alwaysOn sx={{ minWidth: 160 }} />,
        ...(isCountyWide(me)
            ? [<EnforcementAgencyInput key="agencyId" source="agencyId" alwaysOn helperText={false} />]
            : []),
        <BooleanInput
            key="overdue"
            source="overdue"
            alwaysOn
            parse={onlyWhenOn}
            label="app.cases.overdue_only"
            helperText={false}
        />,
        <SelectInput key="category" source="category" choices={categoryChoices} />,
        <SelectInput key="procedure" source="procedure" choices={procedureChoices} />,
        <NullableBooleanInput key="major" source="major" nullLabel="app.status.any" />,
        <ReferenceInput
            key="officerId"
            source="officerId"
            reference="officers"
            sort={{ field: 'name', order: 'ASC' }}
            perPage={200}
        >
            <AutocompleteInput optionText="name" sx={{ minWidth: 200 }} helperText={false} />
        </ReferenceInput>,
        <DateInput key="filedOn_gte" source="filedOn_gte" />,
        <DateInput key="filedOn_lte" source="filedOn_lte" />,
        <TextInput
            key="partyIdNumber"
            source="partyIdNumber"
            helperText="app.cases.id_search_helper"
            autoComplete="off"
        />,
    ];
};

/** 案号 with the 重大 marker of a major decision. */
const CaseNumberField = (_props: { source?: string }) => {
    const record = useRecordContext();
    if (!record) return null;
    return (
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <span>{record.number}</span>
            <MajorMarker />
        </Stack>
    );
};

const CaseListActions = () => {
    const { canAccess: canCreate } = useCanAccess({ resource: 'cases', action: 'create' });
    return (
        <TopToolbar>
            <FilterButton />
            {canCreate ? <CreateButton label="app.cases.file_case" /> : null}
        </TopToolbar>
    );
};

/** No case yet, for users who cannot file one (react-admin's default invites to create). */
const NoCases = () => {
    const translate = useTranslate();
    return (
        <Typography variant="h6" component="p" color="text.secondary" sx={{ textAlign: 'center', mt: 6 }}>
            {translate('ra.navigation.no_results', { name: translate('resources.cases.name', { smart_count: 2 }) })}
        </Typography>
    );
};

export const CaseList = () => {
    const me = useSessionUser();
    const filters = useCaseFilters();
    const { canAccess: canCreate } = useCanAccess({ resource: 'cases', action: 'create' });
    return (
        <List
            empty={canCreate ? undefined : <NoCases />}
            sort={{ field: 'filedOn', order: 'DESC' }}
            perPage={25}
            filters={filters}
            actions={<CaseListActions />}
            exporter={false}
        >
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="number" field={CaseNumberField} cellSx={() => ({ whiteSpace: 'nowrap' })} />
                <DataTable.Col source="cause" disableSort cellSx={() => ({ minWidth: 160 })} />
                <DataTable.Col
                    source="parties"
                    disableSort
                    label="app.cases.party_names"
                    field={PartyNamesField}
                    cellSx={() => ({ minWidth: 96 })}
                />
                {isCountyWide(me) ? (
                    <DataTable.Col source="agencyId" disableSort cellSx={() => ({ minWidth: 120 })}>
                        <ReferenceField source="agencyId" reference="agencies" link={false} />
                    </DataTable.Col>
                ) : null}
                <DataTable.Col source="category">
                    <CategoriesField source="category" />
                </DataTable.Col>
                <DataTable.Col source="status" field={CaseStatusField} />
                <DataTable.Col source="filedOn" cellSx={() => ({ whiteSpace: 'nowrap' })} />
                <DataTable.Col
                    source="decisionDeadline.dueOn"
                    disableSort
                    label="app.cases.deadline"
                    field={DeadlineField}
                />
                <DataTable.Col
                    source="completeness"
                    disableSort
                    label="app.cases.completeness"
                    render={() => <CompletenessField width={84} />}
                />
            </DataTable>
        </List>
    );
};
