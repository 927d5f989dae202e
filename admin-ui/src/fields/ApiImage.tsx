import { useEffect, useState } from 'react';
import { Box, CircularProgress, Typography, type SxProps, type Theme } from '@mui/material';
import BrokenImageOutlinedIcon from '@mui/icons-material/BrokenImageOutlined';
import { fetchBlob } from '../providers/fileTransfer';

interface ObjectUrlState {
    objectUrl?: string;
    loading: boolean;
    failed: boolean;
}

/**
 * An image of the API (it needs the auth header) as an object URL, released when the image changes or
 * the component goes away. `version` refetches the same address (after an upload, a token rotation …).
 */
export const useApiObjectUrl = (url: string | undefined, version?: unknown): ObjectUrlState => {
    const [state, setState] = useState<ObjectUrlState>({ loading: !!url, failed: false });
    useEffect(() => {
        if (!url) {
            setState({ loading: false, failed: false });
            return;
        }
        const controller = new AbortController();
        let objectUrl: string | undefined;
        setState({ loading: true, failed: false });
        fetchBlob(url, controller.signal)
            .then(({ blob }) => {
                objectUrl = URL.createObjectURL(blob);
                setState({ objectUrl, loading: false, failed: false });
            })
            .catch(() => {
                if (!controller.signal.aborted) setState({ loading: false, failed: true });
            });
        return () => {
            controller.abort();
            if (objectUrl) URL.revokeObjectURL(objectUrl);
        };
    }, [url, version]);
    return state;
};

export const ApiImage = ({
    url,
    version,
    alt,
    failedText,
    sx,
    onLoad,
}: {
    url: string;
    version?: unknown;
    alt: string;
    failedText: string;
    sx?: SxProps<Theme>;
    onLoad?: () => void;
}) => {
    const { objectUrl, loading, failed } = useApiObjectUrl(url, version);
    const own = Array.isArray(sx) ? sx : [sx];
    if (loading) {
        return (
            <Box sx={[{ display: 'grid', placeItems: 'center' }, ...own]}>
                <CircularProgress size={24} />
            </Box>
        );
    }
    if (failed || !objectUrl) {
        return (
            <Box sx={[{ display: 'grid', placeItems: 'center', textAlign: 'center', color: 'text.secondary' }, ...own]}>
                <Box>
                    <BrokenImageOutlinedIcon aria-hidden />
                    <Typography variant="caption" component="p">
                        {failedText}
                    </Typography>
                </Box>
            </Box>
        );
    }
    return <Box component="img" src={objectUrl} alt={alt} onLoad={onLoad} sx={[{ objectFit: 'contain' }, ...own]} />;
};
