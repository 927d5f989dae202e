// Excel export and import of power lists (GET /api/powers/export.xlsx, POST /api/powers/import), so that
// agencies can load the lists they keep today. An import is all or nothing: the API reports every bad row.
import { useId, useState, type FormEvent } from 'react';
import {
    Alert,
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    LinearProgress,
    List,
    ListItem,
    ListItemText,
    MenuItem,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import FileUploadOutlinedIcon from '@mui/icons-material/FileUploadOutlined';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useEnforcementAgencyChoices } from '../agencies/EnforcementAgencyInput';
import { FormDialog } from '../dialogs/FormDialog';
import { API_URL } from '../providers/dataProvider';
import { downloadFile, uploadFile } from '../providers/fileTransfer';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';

const exportUrl = (agencyId?: string) =>
    `${API_URL}/powers/export.xlsx${agencyId ? `?agencyId=${encodeURIComponent(agencyId)}` : ''}`;

/**
 * 导出 Excel. An agency administrator gets their own list at once; a supervisor (whose own agency, the
 * legal office, has no power list) first chooses the agency, preset to the one the list is filtered by.
 */
export const ExportPowersButton = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const me = useSessionUser();
    const countyWide = isCountyWide(me);
    const { filterValues } = useListContext();
    const agencies = useEnforcementAgencyChoices(countyWide);
    const [choosing, setChoosing] = useState(false);
    const [busy, setBusy] = useState(false);

    // In the dialog a failure is shown in the dialog; otherwise as a notification.
    const download = async (agencyId?: string) => {
        setBusy(true);
        try {
            await downloadFile(exportUrl(agencyId), 'powers.xlsx');
        } finally {
            setBusy(false);
        }
    };

    return (
        <>
            <Button
                size="small"
                startIcon={<FileDownloadOutlinedIcon />}
                disabled={busy}
                onClick={() =>
                    countyWide
                        ? setChoosing(true)
                        : download().catch((error: Error) =>
                              notify(error.message || 'app.error.file_failed', { type: 'error' })
                          )
                }
            >
                {translate('app.powers.export')}
            </Button>
            <FormDialog
                open={choosing}
                title={translate('app.powers.export_title')}
                fields={[
                    {
                        name: 'agencyId',
                        label: 'app.powers.export_agency',
                        type: 'select',
                        required: true,
                        choices: agencies,
                        defaultValue: typeof filterValues?.agencyId === 'string' ? filterValues.agencyId : '',
                    },
                ]}
                submitLabel={translate('app.powers.export_submit')}
                onSubmit={async values => {
                    await download(values.agencyId);
                    setChoosing(false);
                }}
                onClose={() => setChoosing(false)}
            />
        </>
    );
};

interface ImportFailure {
    message: string;
    /** Row errors first, in row order, then errors about the whole file. */
    details: string[];
}

const rowNumber = (key: string) => Number(/^rows\.(\d+)\./.exec(key)?.[1] ?? Number.MAX_SAFE_INTEGER);

const importFailure = (error: unknown, fallback: string): ImportFailure => {
    const e = error as { message?: string; body?: { errors?: Record<string, string> } };
    const errors = e.body?.errors ?? {};
    const details = Object.keys(errors)
        .sort((a, b) => rowNumber(a) - rowNumber(b) || a.localeCompare(b))
        .map(key => errors[key]);
    return { message: e.message || fallback, details };
};

/** 导入 Excel: file picker, target agency (supervisors), upload progress, the API's row errors. */
export const ImportPowersButton = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const me = useSessionUser();
    const countyWide = isCountyWide(me);
    const { filterValues } = useListContext();
    const agencies = useEnforcementAgencyChoices(countyWide);
    const titleId = useId();
    const [open, setOpen] = useState(false);
    const [file, setFile] = useState<File | null>(null);
    const [agencyId, setAgencyId] = useState('');
    const [progress, setProgress] = useState<number | null>(null);
    const [failure, setFailure] = useState<ImportFailure | null>(null);
    const [missing, setMissing] = useState<{ file?: boolean; agency?: boolean }>({});
    const uploading = progress !== null;

    const start = () => {
        setFile(null);
        setAgencyId(typeof filterValues?.agencyId === 'string' ? filterValues.agencyId : '');
        setProgress(null);
        setFailure(null);
        setMissing({});
        setOpen(true);
    };

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        const lacking = { file: !file, agency: countyWide && !agencyId };
        setMissing(lacking);
        if (!file || lacking.agency) return;
        setFailure(null);
        setProgress(0);
        try {
            const result = await uploadFile<{ imported: number }>({
                url: `${API_URL}/powers/import`,
                field: 'file',
                file,
                fields: { agencyId: countyWide ? agencyId : undefined },
                onProgress: setProgress,
            });
            notify('app.powers.import_done', { type: 'success', messageArgs: { smart_count: result.imported } });
            setOpen(false);
            refresh();
        } catch (error) {
            setFailure(importFailure(error, translate('ra.notification.http_error')));
        } finally {
            setProgress(null);
        }
    };

    return (
        <>
            <Button size="small" startIcon={<FileUploadOutlinedIcon />} onClick={start}>
                {translate('app.powers.import')}
            </Button>
            <Dialog
                open={open}
                onClose={uploading ? undefined : () => setOpen(false)}
                aria-labelledby={titleId}
                fullWidth
                maxWidth="sm"
                slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}
            >
                <DialogTitle id={titleId}>{translate('app.powers.import_title')}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <Typography variant="body2" color="text.secondary">
                            {translate('app.powers.import_hint')}
                        </Typography>
                        {countyWide ? (
                            <TextField
                                select
                                required
                                label={translate('app.powers.import_agency')}
                                value={agencyId}
                                onChange={event => setAgencyId(event.target.value)}
                                error={!!missing.agency}
                                helperText={missing.agency ? translate('ra.validation.required') : undefined}
                                disabled={uploading}
                                fullWidth
                            >
                                {agencies.map(agency => (
                                    <MenuItem key={agency.id} value={agency.id}>
                                        {agency.name}
                                    </MenuItem>
                                ))}
                            </TextField>
                        ) : null}
                        <Box>
                            <Button component="label" variant="outlined" startIcon={<AttachFileIcon />} disabled={uploading}>
                                {translate('app.powers.import_file')}
                                <input
                                    type="file"
                                    hidden
                                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                    onChange={event => {
                                        setFile(event.target.files?.[0] ?? null);
                                        setFailure(null);
                                        setMissing(m => ({ ...m, file: false }));
                                        // Choosing the same file again after correcting it must fire onChange again.
                                        event.target.value = '';
                                    }}
                                />
                            </Button>
                            <Typography
                                variant="body2"
                                sx={{ mt: 1 }}
                                color={missing.file ? 'error' : file ? 'text.primary' : 'text.secondary'}
                            >
                                {file
                                    ? file.name
                                    : missing.file
                                      ? translate('app.powers.import_file_required')
                                      : translate('app.powers.import_no_file')}
                            </Typography>
                        </Box>
                        {uploading ? (
                            <Box>
                                <LinearProgress
                                    variant={progress < 100 ? 'determinate' : 'indeterminate'}
                                    value={progress}
                                    aria-label={translate('app.powers.import_progress', { percent: progress })}
                                />
                                <Typography variant="caption" color="text.secondary">
                                    {progress < 100
                                        ? translate('app.powers.import_progress', { percent: progress })
                                        : translate('app.powers.import_checking')}
                                </Typography>
                            </Box>
                        ) : null}
                        {failure ? (
                            <Alert severity="error" role="alert">
                                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                                    {failure.details.length ? translate('app.powers.import_errors_title') : failure.message}
                                </Typography>
                                {failure.details.length ? (
                                    <List dense disablePadding aria-label={translate('app.powers.import_errors_title')}>
                                        {failure.details.map((detail, index) => (
                                            <ListItem key={index} disableGutters sx={{ py: 0 }}>
                                                <ListItemText primary={detail} slotProps={{ primary: { variant: 'body2' } }} />
                                            </ListItem>
                                        ))}
                                    </List>
                                ) : null}
                            </Alert>
                        ) : null}
                    </Stack>
                </DialogContent>
                <DialogActions sx={{ px: 3, pb: 2 }}>
                    <Button onClick={() => setOpen(false)} disabled={uploading}>
                        {translate('ra.action.cancel')}
                    </Button>
                    <Button type="submit" variant="contained" disabled={uploading}>
                        {translate('app.powers.import_submit')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
