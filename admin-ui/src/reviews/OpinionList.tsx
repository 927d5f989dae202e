import { useEffect, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    CircularProgress,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslate } from 'react-admin';
import { reviewApi } from './reviewApi';
import { OutcomeChip } from './reviewFields';
import type { Opinion } from './reviewVocabulary';

/**
 * 预览/下载 PDF: the opinion as issued, fetched with the signed-in user's token (every download is audited)
 * and shown from an object URL, with a link that saves it under the opinion number.
 */
export const OpinionPdfDialog = ({
    reviewId,
    opinion,
    n,
    onClose,
}: {
    reviewId: string;
    opinion: Opinion | null;
    /** 1-based position of the opinion in the review. */
    n: number;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const [file, setFile] = useState<{ url: string; name: string } | null>(null);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
        if (!opinion) return;
        let url: string | null = null;
        let cancelled = false;
        setFile(null);
        setError(null);
        reviewApi
            .opinionPdf(reviewId, n)
            .then(({ blob, filename }) => {
                if (cancelled) return;
                url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
                setFile({ url, name: filename ?? `${opinion.number}.pdf` });
            })
            .catch((e: Error) => {
                if (!cancelled) setError(translate(e.message || 'app.error.file_failed', { _: e.message }));
            });
        return () => {
            cancelled = true;
            if (url) URL.revokeObjectURL(url);
        };
    }, [reviewId, n, opinion]);
    return (
        <Dialog open={!!opinion} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="opinion-pdf-title">
            <DialogTitle id="opinion-pdf-title">
                {translate('app.reviews.pdf_title', { number: opinion?.number ?? '' })}
            </DialogTitle>
            <DialogContent dividers sx={{ p: 0, height: '75vh', display: 'flex' }}>
                {error ? (
                    <Alert severity="error" role="alert" sx={{ m: 2, alignSelf: 'flex-start', flex: 1 }}>
                        {error}
                    </Alert>
                ) : file ? (
                    <Box
                        component="iframe"
                        src={file.url}
                        title={translate('app.reviews.pdf_title', { number: opinion?.number ?? '' })}
                        sx={{ border: 0, width: '100%', height: '100%' }}
                    />
                ) : (
                    <CircularProgress sx={{ m: 'auto' }} aria-label={translate('ra.page.loading')} />
                )}
            </DialogContent>
            <DialogActions sx={{ px: 3, py: 1.5 }}>
                {file ? (
                    <Button component="a" href={file.url} download={file.name} startIcon={<DownloadIcon />}>
                        {translate('app.reviews.pdf_download')}
                    </Button>
                ) : null}
                <Button onClick={onClose} variant="contained" disableElevation>
                    {translate('ra.action.close')}
                </Button>
            </DialogActions>
        </Dialog>
    );
};

/** 审核意见书: every opinion issued on the review (a correction is a new numbered version). */
export const OpinionList = ({ reviewId, opinions, title }: { reviewId: string; opinions: Opinion[]; title?: string }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState<number | null>(null);
    if (!opinions.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('app.reviews.no_opinions')}
            </Typography>
        );
    }
    return (
        <>
            <TableContainer>
                <Table size="small" aria-label={title ?? translate('app.reviews.opinions_title')}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.reviews.opinion_number')}</TableCell>
                            <TableCell>{translate('app.reviews.outcome')}</TableCell>
                            <TableCell>{translate('app.reviews.issued_on')}</TableCell>
                            <TableCell />
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {opinions.map((opinion, index) => (
                            <TableRow key={opinion.number}>
                                <TableCell sx={{ overflowWrap: 'anywhere', minWidth: 120 }}>
                                    {opinion.number}
                                    <Typography variant="caption" component="div" color="text.secondary">
                                        {translate('app.reviews.opinion_version_value', { version: opinion.version })}
                                        {opinion.supersedes
                                            ? ` · ${translate('app.reviews.supersedes', { number: opinion.supersedes })}`
                                            : ''}
                                    </Typography>
                                </TableCell>
                                <TableCell>
                                    <OutcomeChip outcome={opinion.outcome} />
                                </TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                    {opinion.issuedOn}
                                    <Typography variant="caption" component="div" color="text.secondary">
                                        {opinion.reviewerName}
                                    </Typography>
                                </TableCell>
                                <TableCell align="right" sx={{ pr: 0 }}>
                                    {opinion.hasPdf ? (
                                        <Button
                                            size="small"
                                            startIcon={<PictureAsPdfOutlinedIcon />}
                                            onClick={() => setOpen(index)}
                                            sx={{ whiteSpace: 'nowrap' }}
                                        >
                                            {translate('app.reviews.pdf_preview')}
                                        </Button>
                                    ) : null}
                                </TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            </TableContainer>
            <OpinionPdfDialog
                reviewId={reviewId}
                opinion={open === null ? null : opinions[open]}
                n={(open ?? 0) + 1}
                onClose={() => setOpen(null)}
            />
        </>
    );
};
