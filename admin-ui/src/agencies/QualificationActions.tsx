import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import PauseCircleOutlineIcon from '@mui/icons-material/PauseCircleOutline';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutline';
import BlockIcon from '@mui/icons-material/Block';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { FormDialog, type DialogField, type DialogValues } from '../dialogs/FormDialog';
import { calendarDate } from '../fields/calendarDate';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { QUALIFICATION_ACTIONS, type QualificationAction } from './enforcementSubject';

const ICONS: Record<QualificationAction, typeof BlockIcon> = {
    confirm: CheckCircleOutlineIcon,
    announce: CampaignOutlinedIcon,
    suspend: PauseCircleOutlineIcon,
    reinstate: PlayCircleOutlineIcon,
    revoke: BlockIcon,
};

// Lengths as in schemas/agency-confirm.json, agency-announce.json and common.json#reason.
const reasonField: DialogField = {
    name: 'reason',
    label: 'app.qualification.reason',
    multiline: true,
    required: true,
    minLength: 2,
    maxLength: 500,
};

const dialogFields = (action: QualificationAction): DialogField[] => {
    switch (action) {
        case 'confirm':
            return [
                {
                    name: 'basis',
                    label: 'app.qualification.basis',
                    multiline: true,
                    required: true,
                    minLength: 2,
                    maxLength: 500,
                    helperText: 'app.qualification.basis_helper',
                },
            ];
        case 'announce':
            return [
                {
                    name: 'publicationDate',
                    label: 'app.qualification.publication_date',
                    type: 'date',
                    required: true,
                    defaultValue: calendarDate(),
                },
                {
                    name: 'announcementRef',
                    label: 'app.qualification.announcement_ref',
                    maxLength: 200,
                    helperText: 'app.qualification.announcement_ref_helper',
                },
            ];
        default:
            return [reasonField];
    }
};

// Suspension and revocation take away the power to enforce: the dialog says so before anything happens.
const WARNINGS: Partial<Record<QualificationAction, { key: string; severity: 'warning' | 'error' }>> = {
    suspend: { key: 'app.qualification.suspend_warning', severity: 'warning' },
    revoke: { key: 'app.qualification.revoke_warning', severity: 'error' },
};

const SUBMIT_COLORS: Record<QualificationAction, 'primary' | 'warning' | 'error'> = {
    confirm: 'primary',
    announce: 'primary',
    suspend: 'warning',
    reinstate: 'primary',
    revoke: 'error',
};

/**
 * The qualification workflow buttons (主体资格确认、公告、暂停、恢复、撤销) for the legal office's supervisor:
 * exactly the actions the API lists in `qualification.allowedActions` for the current status.
 */
export const QualificationActions = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const { canAccess } = useCanAccess({ resource: 'agencies', action: 'qualify' });
    const [action, setAction] = useState<QualificationAction | null>(null);
    if (!record || !canAccess) return null;
    const allowed: string[] = record.qualification?.allowedActions ?? [];
    const actions = QUALIFICATION_ACTIONS.filter(a => allowed.includes(a));
    if (!actions.length) return null;

    const submit = async (values: DialogValues) => {
        if (!action) return;
        const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
        await dataProvider.postAction('agencies', String(record.id), action, body);
        notify(`app.qualification.done.${action}`, { type: 'success' });
        setAction(null);
        refresh();
    };

    return (
        <>
            <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }}>
                {actions.map(a => {
                    const Icon = ICONS[a];
                    return (
                        <Button
                            key={a}
                            variant={a === 'revoke' || a === 'suspend' ? 'outlined' : 'contained'}
                            color={SUBMIT_COLORS[a]}
                            size="small"
                            startIcon={<Icon />}
                            onClick={() => setAction(a)}
                        >
                            {translate(`app.qualification_actions.${a}`)}
                        </Button>
                    );
                })}
            </Stack>
            {action ? (
                <FormDialog
                    open
                    title={translate('app.qualification.dialog_title', {
                        action: translate(`app.qualification_actions.${action}`),
                        name: record.name,
                    })}
                    warning={WARNINGS[action] ? translate(WARNINGS[action].key) : undefined}
                    warningSeverity={WARNINGS[action]?.severity}
                    fields={dialogFields(action)}
                    submitLabel={translate(`app.qualification_actions.${action}`)}
                    submitColor={SUBMIT_COLORS[action]}
                    onSubmit={submit}
                    onClose={() => setAction(null)}
                />
            ) : null}
        </>
    );
};
