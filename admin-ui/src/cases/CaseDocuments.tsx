import { useMemo, useState } from 'react';
import {
    Alert,
    Button,
    Chip,
    FormControlLabel,
    Stack,
    Switch,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import EditNoteIcon from '@mui/icons-material/EditNote';
import {
    Loading,
    useCanAccess,
    useGetList,
    useGetMany,
    useRecordContext,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { CLOSED_STATUSES, type CaseStatus } from './caseVocabulary';
import { DocumentDialog } from './DocumentDialog';
import { DownloadScanButton, UploadScanButton, type CaseDocumentRecord } from './documentScans';

/**
 * 文书: the case's written records (current versions; superseded ones on demand), each with its scan.
 * New documents while the case is open; corrections (a new version with a reason) at any time.
 */
export const CaseDocuments = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { canAccess: canWrite } = useCanAccess({ resource: 'cases', action: 'edit' });
    const [showSuperseded, setShowSuperseded] = useState(false);
    const [adding, setAdding] = useState(false);
    // The document stays set while its dialog closes, so the title does not change during the animation.
    const [correcting, setCorrecting] = useState<CaseDocumentRecord | undefined>();
    const [correctionOpen, setCorrectionOpen] = useState(false);
    const {
        data: documents,
        isPending,
        error,
    } = useGetList<CaseDocumentRecord>(
        'case-documents',
        {
            filter: { caseId: record?.id, ...(showSuperseded ? {} : { current: true }) },
            sort: { field: 'date', order: 'ASC' },
            pagination: { page: 1, perPage: 500 },
        },
        { enabled: !!record?.id }
    );
    const officerIds = useMemo(
        () => [
            ...new Set(
                [
                    ...(documents ?? []).flatMap(d => d.officerIds ?? []),
                    ...((record?.officerIds ?? []) as string[]),
                ].map(String)
            ),
        ],
        [documents, record?.officerIds]
    );
    const { data: officers } = useGetMany('officers', { ids: officerIds }, { enabled: officerIds.length > 0 });
    const officerNames = useMemo(
        () => Object.fromEntries((officers ?? []).map((o: RaRecord) => [String(o.id), String(o.name)])),
        [officers]
    );
    if (!record) return null;
    const closed = CLOSED_STATUSES.includes(record.status as CaseStatus);
    // Sorted by date, then versions of the same document next to each other.
    const rows = [...(documents ?? [])].sort(
        (a, b) => a.date.localeCompare(b.date) || String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? ''))
    );

    return (
        <>
            <Stack
                direction="row"
                sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', mb: 1 }}
                useFlexGap
                spacing={1}
            >
                <FormControlLabel
                    control={<Switch checked={showSuperseded} onChange={e => setShowSuperseded(e.target.checked)} />}
                    label={translate('app.documents.show_superseded')}
                />
                {canWrite && !closed ? (
                    <Button
                        variant="contained"
                        size="small"
                        startIcon={<AddIcon />}
                        onClick={() => setAdding(true)}
                        disableElevation
                    >
                        {translate('app.documents.add')}
                    </Button>
                ) : null}
            </Stack>
            {closed ? (
                <Alert severity="info" sx={{ mb: 1 }}>
                    {translate('app.documents.closed_hint')}
                </Alert>
            ) : null}
            {isPending ? (
                <Loading />
            ) : error ? (
                <Alert severity="error">{translate((error as Error).message || 'ra.notification.http_error')}</Alert>
            ) : rows.length === 0 ? (
                <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
                    {translate('app.documents.empty')}
                </Typography>
            ) : (
                <TableContainer>
                    <Table size="small" aria-label={translate('app.cases.tab_documents')}>
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('resources.case-documents.fields.type')}</TableCell>
                                <TableCell>{translate('resources.case-documents.fields.number')}</TableCell>
                                <TableCell>{translate('resources.case-documents.fields.date')}</TableCell>
                                <TableCell>{translate('resources.case-documents.fields.officerIds')}</TableCell>
                                <TableCell>{translate('resources.case-documents.fields.version')}</TableCell>
                                <TableCell>{translate('resources.case-documents.fields.file')}</TableCell>
                                <TableCell />
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map(document => (
                                <TableRow
                                    key={document.id}
                                    sx={document.current ? undefined : { bgcolor: 'action.hover' }}
                                >
                                    <TableCell>
                                        <Typography
                                            variant="body2"
                                            sx={document.current ? undefined : { color: 'text.secondary' }}
                                        >
                                            {translate(`app.document_types.${document.type}`, { _: document.type })}
                                        </Typography>
                                        {document.title &&
                                        document.title !==
                                            translate(`app.document_types.${document.type}`, { _: '' }) ? (
                                            <Typography variant="caption" color="text.secondary" component="div">
                                                {document.title}
                                            </Typography>
                                        ) : null}
                                        {document.summary ? (
                                            <Typography
                                                variant="caption"
                                                color="text.secondary"
                                                component="div"
                                                title={document.summary}
                                                sx={{
                                                    maxWidth: 300,
                                                    overflow: 'hidden',
                                                    textOverflow: 'ellipsis',
                                                    whiteSpace: 'nowrap',
                                                }}
                                            >
                                                {document.summary}
                                            </Typography>
                                        ) : null}
                                    </TableCell>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{document.number || '—'}</TableCell>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{document.date}</TableCell>
                                    <TableCell sx={{ minWidth: 96 }}>
                                        {(document.officerIds ?? [])
                                            .map(id => officerNames[String(id)] ?? '…')
                                            .join(translate('app.cases.list_separator')) || '—'}
                                    </TableCell>
                                    <TableCell>
                                        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                                            <span>v{document.version}</span>
                                            {!document.current ? (
                                                <Chip
                                                    size="small"
                                                    variant="outlined"
                                                    label={translate('app.documents.superseded')}
                                                />
                                            ) : null}
                                        </Stack>
                                        {document.correctionReason ? (
                                            <Typography variant="caption" color="text.secondary" component="div">
                                                {translate('app.documents.correction_reason', {
                                                    reason: document.correctionReason,
                                                })}
                                            </Typography>
                                        ) : null}
                                    </TableCell>
                                    <TableCell>
                                        {document.file ? (
                                            <DownloadScanButton document={document} />
                                        ) : canWrite && document.current && (!closed || document.supersedesId) ? (
                                            <UploadScanButton document={document} />
                                        ) : (
                                            <Typography variant="body2" color="text.secondary">
                                                {translate('app.documents.no_scan')}
                                            </Typography>
                                        )}
                                    </TableCell>
                                    <TableCell align="right">
                                        {canWrite && document.current ? (
                                            <Button
                                                size="small"
                                                startIcon={<EditNoteIcon />}
                                                onClick={() => {
                                                    setCorrecting(document);
                                                    setCorrectionOpen(true);
                                                }}
                                                aria-label={`${translate('app.documents.correct')}：${document.title ?? translate(`app.document_types.${document.type}`)}`}
                                            >
                                                {translate('app.documents.correct')}
                                            </Button>
                                        ) : null}
                                    </TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </TableContainer>
            )}
            <DocumentDialog
                open={adding}
                onClose={() => setAdding(false)}
                caseRecord={record}
                officerNames={officerNames}
            />
            <DocumentDialog
                open={correctionOpen}
                onClose={() => setCorrectionOpen(false)}
                caseRecord={record}
                document={correcting}
                officerNames={officerNames}
            />
        </>
    );
};
