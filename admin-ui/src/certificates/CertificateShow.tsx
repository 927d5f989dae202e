import { Box } from '@mui/material';
import {
    EditButton,
    ReferenceField,
    Show,
    SimpleShowLayout,
    TextField,
    TopToolbar,
    useCanAccess,
    useRecordContext,
} from 'react-admin';
import { DateTimeField } from '../fields/DateTimeField';
import { showLayoutGrid } from '../fields/showLayoutGrid';
import { StatusField } from '../fields/StatusField';
import { PrintCertificateButton, RevokeCertificateButton, RotateQrTokenButton } from './CertificateActions';
import { CertificateQrCard } from './CertificateQrCard';
import { CERTIFICATE_STATE_TONES } from './certificateStates';

const CertificateShowActions = () => {
    const record = useRecordContext();
    const { canAccess: canEdit } = useCanAccess({ resource: 'certificates', action: 'edit' });
    return (
        <TopToolbar>
            <PrintCertificateButton />
            <RotateQrTokenButton />
            <RevokeCertificateButton />
            {canEdit && record?.status === 'valid' ? <EditButton /> : null}
        </TopToolbar>
    );
};

export const CertificateShow = () => (
    <Show actions={<CertificateShowActions />}>
        <SimpleShowLayout sx={showLayoutGrid(['statusReason'])}>
            <TextField source="number" />
            <ReferenceField source="officerId" reference="officers" link="show" />
            <ReferenceField source="agencyId" reference="agencies" link="show" />
            <TextField source="issuer" />
            <TextField source="issueDate" />
            <TextField source="expiryDate" />
            <StatusField source="state" tones={CERTIFICATE_STATE_TONES} labelPrefix="app.certificate_state" />
            <StatusField source="status" tones={CERTIFICATE_STATE_TONES} labelPrefix="app.certificate_status" />
            <TextField source="statusReason" emptyText="—" />
            <DateTimeField source="statusChangedAt" emptyText="—" />
            <DateTimeField source="qrTokenRotatedAt" emptyText="—" />
        </SimpleShowLayout>
        <Box sx={{ px: 2, pb: 2 }}>
            <CertificateQrCard />
        </Box>
    </Show>
);
