import { useCallback } from 'react';
import { Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { usePageTitle } from './PortalLayout';
import { LoadError, Loading, PageHeading, PortalPagination } from './PortalStates';
import { fill, portalText, vocabulary } from './portalText';
import { listQuery, usePublicApi } from './publicApi';
import { SearchBox } from './SearchBox';

export interface PublicAgency {
    id: string;
    name: string;
    shortName?: string;
    county?: string;
    subjectType?: string;
    entrustingOrgan?: string;
    creditCode?: string;
    legalBasis?: string;
    categories: string[];
    address?: string;
    phone?: string;
    publicationDate?: string;
    announcementRef?: string;
}

const PER_PAGE = 20;

export const CategoryChips = ({ categories }: { categories: string[] }) => (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
        {categories.map(category => (
            <Chip key={category} size="small" variant="outlined" color="primary" label={vocabulary.categories[category] ?? category} />
        ))}
    </Stack>
);

/** 执法主体公示: the announced enforcement subjects, searchable by name. */
export const AgencyDirectory = () => {
    usePageTitle(portalText.agencies.title);
    const [params, setParams] = useSearchParams();
    const q = params.get('q') ?? '';
    const page = Math.max(1, Number(params.get('page')) || 1);
    const { data, total, loading, error, reload } = usePublicApi<PublicAgency[]>(`agencies?${listQuery(page, PER_PAGE, { q })}`);
    const search = useCallback(
        (text: string) => setParams(text ? { q: text } : {}, { replace: true }),
        [setParams]
    );

    return (
        <>
            <PageHeading>{portalText.agencies.title}</PageHeading>
            <Box sx={{ mb: 2, maxWidth: 480 }}>
                <SearchBox label={portalText.agencies.search} value={q} onChange={search} />
            </Box>
            {error ? (
                <LoadError error={error} onRetry={reload} />
            ) : !data ? (
                <Loading />
            ) : data.length === 0 ? (
                <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
                    {portalText.agencies.empty}
                </Typography>
            ) : (
                <>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
                        {fill(portalText.agencies.count, { count: total ?? data.length })}
                    </Typography>
                    <Box
                        component="ul"
                        sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, opacity: loading ? 0.6 : 1 }}
                    >
                        {data.map(agency => (
                            <Card key={agency.id} component="li" variant="outlined">
                                <CardActionArea component={RouterLink} to={`/agencies/${agency.id}`} sx={{ height: '100%' }}>
                                    <CardContent>
                                        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, lineHeight: 1.4 }}>
                                            {agency.name}
                                        </Typography>
                                        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                                            {[
                                                agency.subjectType ? vocabulary.subjectTypes[agency.subjectType] : undefined,
                                                agency.publicationDate ? fill(portalText.agencies.publishedOn, { date: agency.publicationDate }) : undefined,
                                            ]
                                                .filter(Boolean)
                                                .join(' · ')}
                                        </Typography>
                                        <CategoryChips categories={agency.categories} />
                                    </CardContent>
                                </CardActionArea>
                            </Card>
                        ))}
                    </Box>
                    <PortalPagination
                        page={page}
                        total={total ?? 0}
                        perPage={PER_PAGE}
                        onChange={next => setParams({ ...(q ? { q } : {}), page: String(next) })}
                    />
                </>
            )}
        </>
    );
};
