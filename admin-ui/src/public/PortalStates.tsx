import { Alert, Box, Button, CircularProgress, Pagination, Typography } from '@mui/material';
import { fill, portalText } from './portalText';
import type { PublicApiError } from './publicApi';

export const Loading = () => (
    <Box sx={{ display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 1, py: 6 }} role="status">
        <CircularProgress size={24} />
        <Typography color="text.secondary">{portalText.common.loading}</Typography>
    </Box>
);

export const LoadError = ({ error, onRetry }: { error: PublicApiError; onRetry: () => void }) => (
    <Alert
        severity="error"
        action={
            <Button color="inherit" size="small" onClick={onRetry}>
                {portalText.common.retry}
            </Button>
        }
    >
        {error.message || portalText.common.error}
    </Alert>
);

export const PageHeading = ({ children }: { children: string }) => (
    <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mb: 2, fontSize: { xs: '1.35rem', sm: '1.6rem' } }}>
        {children}
    </Typography>
);

/** Page numbers, with Chinese accessible names. */
export const PortalPagination = ({
    page,
    total,
    perPage,
    onChange,
}: {
    page: number;
    total: number;
    perPage: number;
    onChange: (page: number) => void;
}) => {
    const count = Math.ceil(total / perPage);
    if (count <= 1) return null;
    return (
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 3 }}>
            <Pagination
                count={count}
                page={page}
                onChange={(_, next) => onChange(next)}
                color="primary"
                siblingCount={0}
                getItemAriaLabel={(type, itemPage) =>
                    type === 'previous'
                        ? portalText.common.previous
                        : type === 'next'
                          ? portalText.common.next
                          : fill(portalText.common.page, { page: itemPage ?? '' })
                }
            />
        </Box>
    );
};
