import { Alert, Box, Card, CardContent, Link as MuiLink, Stack, Typography } from '@mui/material';
import {
    CreateButton,
    DataTable,
    EditButton,
    Labeled,
    Link,
    ReferenceField,
    ReferenceManyField,
    Show,
    SimpleShowLayout,
    TextField,
    TopToolbar,
    useCanAccess,
    useGetOne,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { CERTIFICATE_STATE_TONES } from '../certificates/certificateStates';
import { DateTimeField, formatDateTime } from '../fields/DateTimeField';
import { showLayoutGrid } from '../fields/showLayoutGrid';
import { StatusField } from '../fields/StatusField';
import { StringChipsField } from '../fields/StringChipsField';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { LegalQualificationField } from './LegalQualificationField';
import { OFFICER_STATUS_TONES } from './officerStatuses';
import { OfficerPhoto, UploadPhotoButton } from './OfficerPhoto';
import { TransferOfficerButton } from './TransferOfficerButton';

const OfficerShowActions = () => {
    const record = useRecordContext();
    const { canAccess: canEdit } = useCanAccess({ resource: 'officers', action: 'edit' });
    // A transferred record is history: nothing to change.
    if (!record || record.status === 'transferred') return <TopToolbar />;
    return (
        <TopToolbar>
            {canEdit ? <UploadPhotoButton /> : null}
            <TransferOfficerButton />
            {canEdit ? <EditButton /> : null}
        </TopToolbar>
    );
};

/** Where a transferred officer went, or where a transferred-in officer came from (换证 history). */
const TransferNotice = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const me = useSessionUser();
    const transfer = record?.transfer as
        | { toAgencyId: string; newOfficerId?: string; basis: string; at: string }
        | undefined;
    const { data: target } = useGetOne('agencies', { id: transfer?.toAgencyId ?? '' }, { enabled: !!transfer });
    // Records of other agencies are out of an agency administrator's scope: links only for supervisors.
    const countyWide = isCountyWide(me);
    if (transfer) {
        return (
            <Alert severity="info" sx={{ mb: 2 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {translate('app.officers.transferred_title')}
                </Typography>
                <Typography variant="body2">
                    {translate('app.officers.transferred_info', {
                        at: formatDateTime(transfer.at),
                        agency: target?.name ?? '—',
                        basis: transfer.basis,
                    })}
                </Typography>
                {countyWide && transfer.newOfficerId ? (
                    <MuiLink component={Link} to={`/officers/${transfer.newOfficerId}/show`} variant="body2">
                        {translate('app.officers.transferred_open')}
                    </MuiLink>
                ) : null}
            </Alert>
        );
    }
    if (record?.transferredFromOfficerId) {
        return (
            <Alert severity="info" sx={{ mb: 2 }}>
                <Typography variant="body2">{translate('app.officers.transferred_from')}</Typography>
                {countyWide ? (
                    <MuiLink component={Link} to={`/officers/${record.transferredFromOfficerId}/show`} variant="body2">
                        {translate('app.officers.transferred_from_open')}
                    </MuiLink>
                ) : null}
            </Alert>
        );
    }
    return null;
};

// The linked account, for those who may see user accounts.
const OfficerUserField = (_props: { source: string }) => {
    const { canAccess } = useCanAccess({ resource: 'users', action: 'show' });
    if (!canAccess) return <span>—</span>;
    return <ReferenceField source="userId" reference="users" link="show" emptyText="—" />;
};

const OfficerCertificates = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { canAccess: canIssue } = useCanAccess({ resource: 'certificates', action: 'create' });
    const { canAccess: canRead } = useCanAccess({ resource: 'certificates', action: 'list' });
    if (!record || !canRead) return null;
    return (
        <Card component="section" aria-labelledby="officer-certificates-title" variant="outlined" sx={{ mt: 2 }}>
            <CardContent>
                <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
                    <Typography id="officer-certificates-title" variant="h6" component="h2">
                        {translate('app.officers.certificates_title')}
                    </Typography>
                    {canIssue && record.status === 'active' ? (
                        <CreateButton
                            resource="certificates"
                            label="app.officers.issue_certificate"
                            state={{ record: { officerId: record.id } }}
                        />
                    ) : null}
                </Stack>
                <ReferenceManyField
                    reference="certificates"
                    target="officerId"
                    sort={{ field: 'createdAt', order: 'DESC' }}
                    perPage={50}
                    empty={
                        <Typography variant="body2" color="text.secondary">
                            {translate('app.officers.no_certificates')}
                        </Typography>
                    }
                >
                    <DataTable rowClick="show" bulkActionButtons={false}>
                        <DataTable.Col source="number" />
                        <DataTable.Col source="issuer" />
                        <DataTable.Col source="issueDate" />
                        <DataTable.Col source="expiryDate" />
                        <DataTable.Col source="state" disableSort>
                            <StatusField source="state" tones={CERTIFICATE_STATE_TONES} labelPrefix="app.certificate_state" />
                        </DataTable.Col>
                    </DataTable>
                </ReferenceManyField>
            </CardContent>
        </Card>
    );
};

export const OfficerShow = () => (
    <Show actions={<OfficerShowActions />}>
        <CardContent sx={{ pb: 0 }}>
            <TransferNotice />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
                <Box sx={{ flexShrink: 0 }}>
                    <OfficerPhoto />
                </Box>
                <SimpleShowLayout sx={{ p: 0, flex: 1, ...showLayoutGrid() }}>
                    <TextField source="name" />
                    <ReferenceField source="agencyId" reference="agencies" link="show" />
                    <TextField source="post" emptyText="—" />
                    <StatusField source="status" tones={OFFICER_STATUS_TONES} labelPrefix="app.officer_status" />
                    <Labeled source="areas">
                        <StringChipsField source="areas" />
                    </Labeled>
                    <Labeled source="legalQualification">
                        <LegalQualificationField />
                    </Labeled>
                    <OfficerUserField source="userId" />
                    <DateTimeField source="updatedAt" />
                </SimpleShowLayout>
            </Stack>
        </CardContent>
        <Box sx={{ px: 2, pb: 2 }}>
            <OfficerCertificates />
        </Box>
    </Show>
);
