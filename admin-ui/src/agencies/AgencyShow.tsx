import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import TuneIcon from '@mui/icons-material/Tune';
import {
    DataTable,
    EditButton,
    Labeled,
    Link,
    Pagination,
    ReferenceManyField,
    SelectField,
    Show,
    SimpleShowLayout,
    TextField,
    TopToolbar,
    useCanAccess,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { ActiveField } from '../fields/ActiveField';
import { CategoriesField } from '../fields/CategoriesField';
import { DateTimeField } from '../fields/DateTimeField';
import { showLayoutGrid } from '../fields/showLayoutGrid';
import { RolesField } from '../users/RolesField';
import { agencyKindChoices } from './agencyKinds';
import { subjectTypeChoices } from './enforcementSubject';
import { QualificationPanel } from './QualificationPanel';

const SectionTitle = ({ id, text }: { id: string; text: string }) => (
    <Typography id={id} variant="h6" component="h2" sx={{ px: 2, pt: 2 }}>
        {text}
    </Typography>
);

// 执法主体信息: what makes the agency an enforcement subject (type, legal basis, categories).
const EnforcementSubjectCard = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (record?.kind !== 'enforcement') return null;
    return (
        <Card component="section" aria-labelledby="subject-title">
            <SectionTitle id="subject-title" text={translate('app.agencies.subject_title')} />
            <SimpleShowLayout sx={showLayoutGrid(['legalBasis', 'categories'])}>
                <SelectField source="subjectType" choices={subjectTypeChoices} emptyText="—" />
                {record.subjectType === 'entrusted_organization' ? (
                    <TextField source="entrustingOrgan" emptyText="—" />
                ) : null}
                <TextField source="creditCode" emptyText="—" />
                <TextField source="legalBasis" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                <Labeled source="categories">
                    <CategoriesField source="categories" />
                </Labeled>
            </SimpleShowLayout>
        </Card>
    );
};

const AgencyUsersCard = () => {
    const translate = useTranslate();
    // The agency's user accounts are listed for those allowed to see users.
    const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
    if (!canListUsers) return null;
    return (
        <Card component="section" aria-labelledby="agency-users-title">
            <SectionTitle id="agency-users-title" text={translate('app.agencies.users_title')} />
            <CardContent>
                <ReferenceManyField
                    reference="users"
                    target="agencyId"
                    sort={{ field: 'username', order: 'ASC' }}
                    perPage={10}
                    pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
                >
                    <DataTable rowClick="show" bulkActionButtons={false}>
                        <DataTable.Col source="username" />
                        <DataTable.Col source="displayName" />
                        <DataTable.Col source="roles" disableSort field={RolesField} />
                        <DataTable.Col source="active" disableSort field={ActiveField} />
                    </DataTable>
                </ReferenceManyField>
            </CardContent>
        </Card>
    );
};

// 案件设置 (case numbers, deadlines, required documents) of an enforcement agency.
const CaseSettingsButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'settings', action: 'write' });
    if (!record || !canAccess || record.kind !== 'enforcement') return null;
    return (
        <Button size="small" component={Link} to={`/agencies/${record.id}/settings`} startIcon={<TuneIcon />}>
            {translate('app.settings.open')}
        </Button>
    );
};

const AgencyShowActions = () => (
    <TopToolbar>
        <CaseSettingsButton />
        <EditButton />
    </TopToolbar>
);

export const AgencyShow = () => (
    <Show component="div" actions={<AgencyShowActions />}>
        <Stack spacing={2} sx={{ mb: 2 }}>
            <Card>
                <SimpleShowLayout sx={showLayoutGrid()}>
                    <TextField source="name" />
                    <TextField source="shortName" />
                    <TextField source="code" />
                    <SelectField source="kind" choices={agencyKindChoices} />
                    <TextField source="county" />
                    <TextField source="address" emptyText="—" />
                    <TextField source="phone" emptyText="—" />
                    <TextField source="contactPerson" emptyText="—" />
                    <ActiveField source="active" />
                    <DateTimeField source="createdAt" />
                    <DateTimeField source="updatedAt" />
                </SimpleShowLayout>
            </Card>
            <QualificationPanel />
            <EnforcementSubjectCard />
            <AgencyUsersCard />
        </Stack>
    </Show>
);
