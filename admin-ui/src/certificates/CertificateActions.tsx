import { useState } from 'react';
import { Button } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import {
    Confirm,
    Link,
    useCanAccess,
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { FormDialog } from '../dialogs/FormDialog';
import type { ConsoleDataProvider } from '../providers/dataProvider';

// The API revokes certificates that are valid or expired; revoked and replaced ones are closed.
const REVOCABLE = ['valid', 'expired'];

/** 注销: revoke with a reason (POST /api/certificates/:id/revoke). */
export const RevokeCertificateButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const { canAccess } = useCanAccess({ resource: 'certificates', action: 'edit' });
    const [open, setOpen] = useState(false);
    if (!record || !canAccess || !REVOCABLE.includes(record.status)) return null;
    return (
        <>
            <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setOpen(true)}>
                {translate('app.certificates.revoke')}
            </Button>
            <FormDialog
                open={open}
                title={translate('app.certificates.revoke_title', { number: record.number })}
                warning={translate('app.certificates.revoke_warning')}
                warningSeverity="error"
                fields={[
                    {
                        name: 'reason',
                        label: 'app.certificates.revoke_reason',
                        multiline: true,
                        required: true,
                        minLength: 2,
                        maxLength: 500,
                    },
                ]}
                submitLabel={translate('app.certificates.revoke')}
                submitColor="error"
                onSubmit={async values => {
                    await dataProvider.postAction('certificates', String(record.id), 'revoke', { reason: values.reason });
                    setOpen(false);
                    notify('app.certificates.revoke_done', { type: 'success' });
                    refresh();
                }}
                onClose={() => setOpen(false)}
            />
        </>
    );
};

/** 更换二维码: a new token; printed codes stop working (POST /api/certificates/:id/rotate-token). */
export const RotateQrTokenButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const { canAccess } = useCanAccess({ resource: 'certificates', action: 'edit' });
    const [open, setOpen] = useState(false);
    const [busy, setBusy] = useState(false);
    if (!record || !canAccess || !REVOCABLE.includes(record.status)) return null;
    const rotate = async () => {
        setBusy(true);
        try {
            await dataProvider.postAction('certificates', String(record.id), 'rotate-token');
            notify('app.certificates.rotate_done', { type: 'success' });
            setOpen(false);
            refresh();
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setBusy(false);
        }
    };
    return (
        <>
            <Button size="small" startIcon={<AutorenewIcon />} onClick={() => setOpen(true)}>
                {translate('app.certificates.rotate')}
            </Button>
            <Confirm
                isOpen={open}
                loading={busy}
                title={translate('app.certificates.rotate_title', { number: record.number })}
                content={translate('app.certificates.rotate_warning')}
                confirm="app.certificates.rotate"
                confirmColor="warning"
                onConfirm={rotate}
                onClose={() => setOpen(false)}
            />
        </>
    );
};

/** 打印: the print view of the certificate card with its QR code. */
export const PrintCertificateButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Button size="small" component={Link} to={`/certificates/${record.id}/print`} startIcon={<PrintOutlinedIcon />}>
            {translate('app.certificates.print')}
        </Button>
    );
};
