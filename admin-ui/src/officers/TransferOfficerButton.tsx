import { useState } from 'react';
import { Button } from '@mui/material';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useEnforcementAgencyChoices } from '../agencies/EnforcementAgencyInput';
import { FormDialog } from '../dialogs/FormDialog';
import type { ConsoleDataProvider } from '../providers/dataProvider';

/**
 * 调动 (supervisors): moves the officer to another agency. The API closes this record, marks its
 * certificates "replaced" and opens a new record in the new agency, which is shown afterwards (换证).
 */
export const TransferOfficerButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const redirect = useRedirect();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const { canAccess } = useCanAccess({ resource: 'officers', action: 'transfer' });
    const [open, setOpen] = useState(false);
    const agencies = useEnforcementAgencyChoices(!!canAccess && open);
    if (!record || !canAccess || record.status === 'transferred') return null;

    return (
        <>
            <Button size="small" startIcon={<SwapHorizIcon />} onClick={() => setOpen(true)}>
                {translate('app.officers.transfer')}
            </Button>
            <FormDialog
                open={open}
                title={translate('app.officers.transfer_title', { name: record.name })}
                warning={translate('app.officers.transfer_warning')}
                fields={[
                    {
                        name: 'toAgencyId',
                        label: 'app.officers.transfer_target',
                        type: 'select',
                        required: true,
                        choices: agencies.filter(agency => agency.id !== String(record.agencyId)),
                    },
                    {
                        name: 'basis',
                        label: 'app.officers.transfer_basis',
                        multiline: true,
                        required: true,
                        minLength: 2,
                        maxLength: 500,
                        helperText: 'app.officers.transfer_basis_helper',
                    },
                ]}
                submitLabel={translate('app.officers.transfer')}
                submitColor="warning"
                onSubmit={async values => {
                    const { data } = await dataProvider.postAction<{ officer: { id: string } }>(
                        'officers',
                        String(record.id),
                        'transfer',
                        { toAgencyId: values.toAgencyId, basis: values.basis }
                    );
                    setOpen(false);
                    notify('app.officers.transfer_done', { type: 'success' });
                    redirect('show', 'officers', data.officer.id);
                }}
                onClose={() => setOpen(false)}
            />
        </>
    );
};
