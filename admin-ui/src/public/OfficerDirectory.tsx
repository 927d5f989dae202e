import { useCallback } from 'react';
import { Box, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useSearchParams } from 'react-router';
import { CERTIFICATE_STATE_TONES, type CertificateState } from '../certificates/certificateStates';
import { StatusChip } from '../fields/StatusChip';
import type { PublicAgency } from './AgencyDirectory';
import { usePageTitle } from './PortalLayout';
import { LoadError, Loading, PageHeading, PortalPagination } from './PortalStates';
import { fill, portalText, vocabulary } from './portalText';
import { listQuery, usePublicApi } from './publicApi';
import { SearchBox } from './SearchBox';

interface PublicOfficer {
    id: string;
    name: string;
    agencyId: string;
    agencyName: string;
    post?: string;
    certificateNumber?: string;
    certificateState: CertificateState | 'none';
    valid: boolean;
}

const PER_PAGE = 20;
const t = portalText.officers;

export const ValidityChip = ({ state }: { state: CertificateState | 'none' }) =>
    state === 'none' ? (
        <StatusChip label={t.none} tone="grey" />
    ) : (
        <StatusChip label={vocabulary.certificateStates[state] ?? state} tone={CERTIFICATE_STATE_TONES[state] ?? 'grey'} />
    );

/** 执法人员公示: name, agency, post, certificate number and whether the certificate is valid now. */
export const OfficerDirectory = () => {
    usePageTitle(t.title);
    const [params, setParams] = useSearchParams();
    const q = params.get('q') ?? '';
    const agencyId = params.get('agencyId') ?? '';
    const page = Math.max(1, Number(params.get('page')) || 1);
    const { data: agencies } = usePublicApi<PublicAgency[]>(`agencies?${listQuery(1, 200)}`);
    const { data, total, loading, error, reload } = usePublicApi<PublicOfficer[]>(
        `officers?${listQuery(page, PER_PAGE, { q, agencyId })}`
    );
    const update = useCallback(
        (next: { q?: string; agencyId?: string; page?: number }) => {
            const merged = { q, agencyId, page: 1, ...next };
            const search: Record<string, string> = {};
            if (merged.q) search.q = merged.q;
            if (merged.agencyId) search.agencyId = merged.agencyId;
            if (merged.page > 1) search.page = String(merged.page);
            setParams(search, { replace: true });
        },
        [q, agencyId, setParams]
    );
    const search = useCallback((text: string) => update({ q: text }), [update]);

    return (
        <>
            <PageHeading>{t.title}</PageHeading>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
                <Box sx={{ flex: 1, maxWidth: { sm: 360 } }}>
                    <SearchBox label={t.search} value={q} onChange={search} />
                </Box>
                <TextField
                    select
                    size="small"
                    label={t.agency}
                    value={agencies ? agencyId : ''}
                    onChange={event => update({ agencyId: event.target.value })}
                    sx={{ minWidth: { sm: 280 }, bgcolor: '#fff' }}
                    slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                >
                    <MenuItem value="">{t.allAgencies}</MenuItem>
                    {(agencies ?? []).map(agency => (
                        <MenuItem key={agency.id} value={agency.id}>
                            {agency.name}
                        </MenuItem>
                    ))}
                </TextField>
            </Stack>
            {error ? (
                <LoadError error={error} onRetry={reload} />
            ) : !data ? (
                <Loading />
            ) : data.length === 0 ? (
                <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
                    {t.empty}
                </Typography>
            ) : (
                <>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
                        {fill(t.count, { count: total ?? data.length })}
                    </Typography>
                    <Box
                        component="ul"
                        aria-label={t.title}
                        sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' }, opacity: loading ? 0.6 : 1 }}
                    >
                        {data.map(officer => (
                            <Card key={officer.id} component="li" variant="outlined">
                                <CardContent sx={{ '&:last-child': { pb: 2 } }}>
                                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
                                        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
                                            {officer.name}
                                        </Typography>
                                        <ValidityChip state={officer.certificateState} />
                                    </Stack>
                                    <Typography variant="body2" sx={{ mt: 0.5 }}>
                                        {officer.agencyName}
                                    </Typography>
                                    <Box component="dl" sx={{ m: 0, mt: 1, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, rowGap: 0.25 }}>
                                        <Typography component="dt" variant="body2" color="text.secondary">
                                            {t.post}
                                        </Typography>
                                        <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                                            {officer.post ?? '—'}
                                        </Typography>
                                        <Typography component="dt" variant="body2" color="text.secondary">
                                            {t.certificateNumber}
                                        </Typography>
                                        <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: 'monospace' }}>
                                            {officer.certificateNumber ?? t.noCertificate}
                                        </Typography>
                                    </Box>
                                </CardContent>
                            </Card>
                        ))}
                    </Box>
                    <PortalPagination page={page} total={total ?? 0} perPage={PER_PAGE} onChange={next => update({ page: next })} />
                </>
            )}
        </>
    );
};
