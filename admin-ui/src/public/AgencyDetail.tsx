import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import { Link as RouterLink, useParams } from 'react-router';
import { ENFORCEMENT_CATEGORIES } from '../agencies/enforcementSubject';
import { CategoryChips, type PublicAgency } from './AgencyDirectory';
import { usePageTitle } from './PortalLayout';
import { LoadError, Loading } from './PortalStates';
import { fill, portalText, vocabulary } from './portalText';
import { usePublicApi } from './publicApi';

interface PublicPower {
    id: string;
    code?: string;
    name: string;
    category: string;
    legalBasis: Array<{ law: string; article?: string }>;
    procedure?: string;
    timeLimit?: string;
    discretionStandard?: string;
    remedy?: string;
}

const t = portalText.agencies;

const Fact = ({ label, value }: { label: string; value?: string }) =>
    value ? (
        <>
            <Typography component="dt" variant="body2" color="text.secondary">
                {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {value}
            </Typography>
        </>
    ) : null;

const factGrid = { m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '9em 1fr' }, columnGap: 2, rowGap: { xs: 0.25, sm: 1 }, '& dd': { mb: { xs: 1, sm: 0 } } };

const PowerItem = ({ power }: { power: PublicPower }) => (
    <Accordion disableGutters variant="outlined" sx={{ '&:before': { display: 'none' } }}>
        <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Box>
                <Typography variant="body1" sx={{ fontWeight: 500 }}>
                    {power.name}
                </Typography>
                {power.code ? (
                    <Typography variant="caption" color="text.secondary">
                        {t.code}：{power.code}
                    </Typography>
                ) : null}
            </Box>
        </AccordionSummary>
        <AccordionDetails>
            <Box component="dl" sx={factGrid}>
                <Fact label={t.legalBasisOfPower} value={power.legalBasis.map(b => `《${b.law}》${b.article ?? ''}`).join('\n')} />
                <Fact label={t.procedure} value={power.procedure} />
                <Fact label={t.timeLimit} value={power.timeLimit} />
                <Fact label={t.discretionStandard} value={power.discretionStandard} />
                <Fact label={t.remedy} value={power.remedy} />
            </Box>
        </AccordionDetails>
    </Accordion>
);

/** One announced enforcement subject: who it is, why it may enforce, and its power list by category. */
export const AgencyDetail = () => {
    const { id = '' } = useParams();
    const { data: agency, loading, error, reload } = usePublicApi<PublicAgency & { powers: PublicPower[] }>(
        `agencies/${encodeURIComponent(id)}`
    );
    usePageTitle(agency?.name ?? t.title);

    const back = (
        <Button component={RouterLink} to="/agencies" startIcon={<ArrowBackIcon />} sx={{ mb: 1, ml: -1 }}>
            {t.back}
        </Button>
    );
    if (error) {
        return (
            <>
                {back}
                {error.status === 404 || error.status === 400 ? (
                    <Alert severity="info">{t.detailNotFound}</Alert>
                ) : (
                    <LoadError error={error} onRetry={reload} />
                )}
            </>
        );
    }
    if (loading || !agency) return <Loading />;

    const groups = ENFORCEMENT_CATEGORIES.map(category => ({
        category,
        powers: agency.powers.filter(p => p.category === category),
    })).filter(g => g.powers.length > 0);

    return (
        <>
            {back}
            <Card variant="outlined" sx={{ mb: 3 }}>
                <CardContent>
                    <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mb: 1, fontSize: { xs: '1.3rem', sm: '1.6rem' } }}>
                        {agency.name}
                    </Typography>
                    <Box sx={{ mb: 2 }}>
                        <CategoryChips categories={agency.categories} />
                    </Box>
                    <Box component="dl" sx={factGrid}>
                        <Fact label={t.subjectType} value={agency.subjectType ? vocabulary.subjectTypes[agency.subjectType] : undefined} />
                        <Fact label={t.entrustingOrgan} value={agency.entrustingOrgan} />
                        <Fact label={t.creditCode} value={agency.creditCode} />
                        <Fact label={t.legalBasis} value={agency.legalBasis} />
                        <Fact label={t.publicationDate} value={agency.publicationDate} />
                        <Fact label={t.announcementRef} value={agency.announcementRef} />
                        <Fact label={t.address} value={agency.address} />
                        <Fact label={t.phone} value={agency.phone} />
                    </Box>
                    <Button
                        component={RouterLink}
                        to={`/officers?agencyId=${agency.id}`}
                        startIcon={<BadgeOutlinedIcon />}
                        variant="outlined"
                        size="small"
                        sx={{ mt: 2 }}
                    >
                        {t.officersLink}
                    </Button>
                </CardContent>
            </Card>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
                <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
                    {t.powersTitle}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    {fill(t.powersCount, { count: agency.powers.length })}
                </Typography>
            </Stack>
            {groups.length === 0 ? (
                <Typography color="text.secondary">{t.powersEmpty}</Typography>
            ) : (
                groups.map(group => (
                    <Box component="section" key={group.category} aria-labelledby={`powers-${group.category}`} sx={{ mb: 2.5 }}>
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                            <Typography id={`powers-${group.category}`} variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
                                {vocabulary.categories[group.category]}
                            </Typography>
                            <Chip size="small" label={group.powers.length} />
                        </Stack>
                        {group.powers.map(power => (
                            <PowerItem key={power.id} power={power} />
                        ))}
                    </Box>
                ))
            )}
        </>
    );
};
