// The signed scans of written records (文书): PDF, JPEG or PNG, one per version, uploaded with progress and
// downloaded with the auth header (the API audits every download).
import { useState } from 'react';
import { Box, Button, CircularProgress, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { API_URL } from '../providers/dataProvider';
import { downloadFile, uploadFile } from '../providers/fileTransfer';
import { SCAN_MAX_BYTES, SCAN_TYPES } from './caseVocabulary';

export interface CaseDocumentRecord extends RaRecord {
    caseId: string;
    type: string;
    title?: string;
    number?: string;
    date: string;
    officerIds: string[];
    summary?: string;
    version: number;
    current: boolean;
    supersedesId?: string;
    correctionReason?: string;
    createdByName?: string;
    createdAt?: string;
    file?: { sha256?: string; size?: number; contentType?: string; originalName?: string; uploadedAt?: string };
}

/** Checked here before sending, with the API's limits (PDF, JPEG or PNG; 20 MB). */
export const scanProblem = (file: File): string | undefined => {
    if (!SCAN_TYPES.includes(file.type)) return 'app.documents.file_bad_type';
    if (file.size > SCAN_MAX_BYTES) return 'app.documents.file_too_large';
    return undefined;
};

export const formatBytes = (bytes: number | undefined): string => {
    if (bytes === undefined) return '';
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
};

/** Uploads the signed scan of a document (PUT /api/case-documents/:id/file, once), reporting progress. */
export const uploadScan = (documentId: string, file: File, onProgress: (percent: number) => void) =>
    uploadFile<CaseDocumentRecord>({
        url: `${API_URL}/case-documents/${documentId}/file`,
        method: 'PUT',
        field: 'file',
        file,
        onProgress,
    });

/** 下载扫描件: fetched with the auth header; every download is audited by the API. */
export const DownloadScanButton = ({ document }: { document: CaseDocumentRecord }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [busy, setBusy] = useState(false);
    if (!document.file) return null;
    const name = document.file.originalName ?? `${document.title ?? document.type}.pdf`;
    return (
        <Tooltip
            title={`${name}（${formatBytes(document.file.size)}）· SHA-256 ${document.file.sha256?.slice(0, 16) ?? ''}…`}
        >
            <Button
                size="small"
                sx={{ whiteSpace: 'nowrap' }}
                startIcon={busy ? <CircularProgress size={14} /> : <DownloadIcon />}
                disabled={busy}
                aria-label={`${translate('app.documents.download')}：${document.title ?? translate(`app.document_types.${document.type}`)}`}
                onClick={async () => {
                    setBusy(true);
                    try {
                        await downloadFile(`${API_URL}/case-documents/${document.id}/file`, name);
                    } catch (error) {
                        notify((error as Error).message || 'app.error.file_failed', { type: 'error' });
                    } finally {
                        setBusy(false);
                    }
                }}
            >
                {translate('app.documents.download')}
            </Button>
        </Tooltip>
    );
};

/** 上传扫描件 for a document saved without one (the API accepts one file per version). */
export const UploadScanButton = ({ document }: { document: CaseDocumentRecord }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [progress, setProgress] = useState<number | null>(null);
    const upload = async (file: File) => {
        const problem = scanProblem(file);
        if (problem) {
            notify(problem, { type: 'error' });
            return;
        }
        setProgress(0);
        try {
            await uploadScan(String(document.id), file, setProgress);
            notify('app.documents.uploaded', { type: 'success' });
            refresh();
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setProgress(null);
        }
    };
    return (
        <Button
            component="label"
            size="small"
            sx={{ whiteSpace: 'nowrap' }}
            startIcon={
                progress !== null ? (
                    <CircularProgress size={14} variant="determinate" value={progress} />
                ) : (
                    <UploadFileIcon />
                )
            }
            disabled={progress !== null}
        >
            {progress !== null
                ? translate('app.documents.uploading', { percent: progress })
                : translate('app.documents.upload')}
            <input
                type="file"
                hidden
                accept={SCAN_TYPES.join(',')}
                aria-label={`${translate('app.documents.upload')}：${document.title ?? translate(`app.document_types.${document.type}`)}`}
                onChange={event => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void upload(file);
                }}
            />
        </Button>
    );
};

/**
 * 选择扫描件 in a form: the chosen file (checked against the API's limits at once), a way to drop it, and the
 * upload progress once the form sends it.
 */
export const ScanFilePicker = ({
    file,
    onChange,
    error,
    progress,
    disabled,
    label,
}: {
    file: File | null;
    onChange: (file: File | null, problem: string | undefined) => void;
    error?: string;
    /** 0–100 while uploading. */
    progress: number | null;
    disabled: boolean;
    /** Translation key of the button. */
    label: string;
}) => {
    const translate = useTranslate();
    return (
        <Box>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                <Button
                    component="label"
                    variant="outlined"
                    size="small"
                    startIcon={<AttachFileIcon />}
                    disabled={disabled}
                >
                    {translate(label)}
                    <input
                        type="file"
                        hidden
                        name="file"
                        aria-label={translate('app.documents.scan')}
                        accept={SCAN_TYPES.join(',')}
                        onChange={event => {
                            const chosen = event.target.files?.[0] ?? null;
                            event.target.value = '';
                            const problem = chosen ? scanProblem(chosen) : undefined;
                            onChange(chosen, problem ? translate(problem) : undefined);
                        }}
                    />
                </Button>
                <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'}>
                    {file ? `${file.name}（${formatBytes(file.size)}）` : translate('app.documents.no_file')}
                </Typography>
                {file && !disabled ? (
                    <Button size="small" onClick={() => onChange(null, undefined)}>
                        {translate('ra.action.remove')}
                    </Button>
                ) : null}
            </Stack>
            <Typography variant="caption" component="p" color={error ? 'error' : 'text.secondary'} sx={{ mt: 0.5 }}>
                {error ?? translate('app.documents.file_helper')}
            </Typography>
            {progress !== null ? (
                <Box sx={{ mt: 1 }}>
                    <LinearProgress
                        variant="determinate"
                        value={progress}
                        aria-label={translate('app.documents.uploading', { percent: progress })}
                    />
                    <Typography variant="caption">
                        {translate('app.documents.uploading', { percent: progress })}
                    </Typography>
                </Box>
            ) : null}
        </Box>
    );
};
