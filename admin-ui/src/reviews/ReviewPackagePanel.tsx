import type { ReactNode } from 'react';
import {
    Box,
    Button,
    Card,
    CardContent,
    Chip,
    Divider,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Link, useGetOne, useTranslate } from 'react-admin';
import { formatYuan, type CaseParty } from '../cases/caseFields';
import { formatDateTime } from '../fields/DateTimeField';
import { formatLegalBasis } from '../powers/LegalBasisField';
import type { Review } from './reviewVocabulary';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
    <Box component="section" sx={{ '& + &': { mt: 2 } }}>
        <Typography variant="subtitle2" component="h3" color="text.secondary" sx={{ mb: 0.5 }}>
            {title}
        </Typography>
        {children}
    </Box>
);

const Text = ({ value }: { value?: string | null }) => (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value?.trim() ? value : '—'}
    </Typography>
);

/** The parties as the case shows them (personal data masked). */
const Parties = ({ caseId }: { caseId: string }) => {
    const translate = useTranslate();
    const { data } = useGetOne('cases', { id: caseId });
    const parties = (data?.parties ?? []) as CaseParty[];
    if (!parties.length) return <Text value={null} />;
    return (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {parties.map((party, index) => (
                <Typography component="li" variant="body2" key={party.id ?? index}>
                    {party.name}（{translate(`app.party_kinds.${party.kind}`)}
                    {party.kind === 'person' && party.idNumber ? `，${party.idNumber}` : ''}
                    {party.kind === 'organization' && party.creditCode ? `，${party.creditCode}` : ''}）
                </Typography>
            ))}
        </Box>
    );
};

/**
 * The case file as submitted (a snapshot: later edits of the case do not change what is reviewed): the
 * draft decision, facts, legal basis, discretion, officers with their certificates, evidence linking to
 * the case's documents, the hearing record, why the decision is major, and every submission.
 */
export const ReviewPackagePanel = ({ review }: { review: Review }) => {
    const translate = useTranslate();
    const p = review.package;
    const documentsLink = `/cases/${review.caseId}/show/documents`;
    const penalties = (p.penaltyTypes ?? []).map(t => translate(`app.penalty_types.${t}`, { _: t }));
    return (
        <Card variant="outlined" component="section" aria-labelledby="review-package-title">
            <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}>
                    <Typography id="review-package-title" variant="h6" component="h2">
                        {translate('app.reviews.package_title')}
                    </Typography>
                    <Button
                        size="small"
                        component={Link}
                        to={`/cases/${review.caseId}/show`}
                        endIcon={<OpenInNewIcon fontSize="small" />}
                    >
                        {translate('app.reviews.open_case')}
                    </Button>
                </Stack>
                <Section title={translate('resources.cases.fields.draftDecision')}>
                    <Text value={p.draftDecision} />
                </Section>
                <Section title={translate('app.reviews.parties')}>
                    <Parties caseId={review.caseId} />
                </Section>
                <Section title={translate('resources.cases.fields.facts')}>
                    <Text value={p.facts} />
                </Section>
                <Section title={translate('resources.cases.fields.legalBasis')}>
                    {p.legalBasis?.length ? (
                        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                            {p.legalBasis.map((basis, index) => (
                                <Typography component="li" variant="body2" key={index}>
                                    {formatLegalBasis({ law: basis.law ?? '', article: basis.article })}
                                </Typography>
                            ))}
                        </Box>
                    ) : (
                        <Text value={null} />
                    )}
                </Section>
                <Section title={translate('resources.cases.fields.discretion.reasoning')}>
                    <Text value={p.discretionReasoning} />
                </Section>
                <Section title={translate('app.reviews.penalty')}>
                    <Typography variant="body2">
                        {[
                            penalties.length ? penalties.join(translate('app.cases.list_separator')) : null,
                            p.fineAmount != null ? `${translate('resources.cases.fields.fineAmount')} ${formatYuan(p.fineAmount)}` : null,
                            p.confiscationAmount != null
                                ? `${translate('resources.cases.fields.confiscationAmount')} ${formatYuan(p.confiscationAmount)}`
                                : null,
                        ]
                            .filter(Boolean)
                            .join(translate('app.cases.reason_separator')) || '—'}
                    </Typography>
                </Section>
                <Section title={translate('app.reviews.major_reasons')}>
                    {p.majorReasons?.length ? (
                        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                            {p.majorReasons.map(reason => (
                                <Chip
                                    key={reason}
                                    size="small"
                                    color="error"
                                    variant="outlined"
                                    label={reason}
                                    // Catalog item names are long: the chip wraps instead of cutting them off.
                                    sx={{ height: 'auto', py: 0.25, '& .MuiChip-label': { whiteSpace: 'normal' } }}
                                />
                            ))}
                        </Stack>
                    ) : (
                        <Text value={null} />
                    )}
                </Section>
                <Divider sx={{ my: 2 }} />
                <Section title={translate('app.reviews.officers')}>
                    <TableContainer>
                        <Table size="small" aria-label={translate('app.reviews.officers')}>
                            <TableHead>
                                <TableRow>
                                    <TableCell>{translate('resources.officers.fields.name')}</TableCell>
                                    <TableCell>{translate('resources.certificates.fields.number')}</TableCell>
                                    <TableCell>{translate('resources.certificates.fields.expiryDate')}</TableCell>
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {p.officers.map(officer => (
                                    <TableRow key={officer.officerId}>
                                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{officer.name}</TableCell>
                                        <TableCell sx={{ overflowWrap: 'anywhere' }}>{officer.certificateNumber || '—'}</TableCell>
                                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{officer.certificateValidUntil || '—'}</TableCell>
                                    </TableRow>
                                ))}
                            </TableBody>
                        </Table>
                    </TableContainer>
                </Section>
                <Section title={translate('app.reviews.evidence')}>
                    <TableContainer>
                        <Table size="small" aria-label={translate('app.reviews.evidence')}>
                            <TableHead>
                                <TableRow>
                                    <TableCell>{translate('app.reviews.document_type')}</TableCell>
                                    <TableCell>{translate('app.reviews.document_title')}</TableCell>
                                    <TableCell>{translate('app.reviews.document_date')}</TableCell>
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {p.evidence.map(doc => (
                                    <TableRow key={doc.documentId}>
                                        <TableCell>
                                            <Link to={documentsLink}>{translate(`app.document_types.${doc.type}`, { _: doc.type })}</Link>
                                            {doc.documentId === p.hearingRecordId ? (
                                                <Chip size="small" sx={{ ml: 1 }} label={translate('app.reviews.hearing_record')} />
                                            ) : null}
                                        </TableCell>
                                        <TableCell sx={{ overflowWrap: 'anywhere' }}>
                                            {doc.title || '—'}
                                            {doc.number ? (
                                                <Typography variant="caption" component="div" color="text.secondary">
                                                    {doc.number}
                                                </Typography>
                                            ) : null}
                                        </TableCell>
                                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{doc.date ?? '—'}</TableCell>
                                    </TableRow>
                                ))}
                            </TableBody>
                        </Table>
                    </TableContainer>
                    {!p.hearingRecordId ? (
                        <Typography variant="caption" color="text.secondary">
                            {translate('app.reviews.no_hearing_record')}
                        </Typography>
                    ) : null}
                </Section>
                <Divider sx={{ my: 2 }} />
                <Section title={translate('app.reviews.submissions')}>
                    <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
                        {review.submissions.map((s, index) => (
                            <Typography component="li" variant="body2" key={`${s.at}-${index}`}>
                                {translate('app.reviews.submission_line', { date: s.on, name: s.byName, at: formatDateTime(s.at) })}
                                {s.note ? (
                                    <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                                        {translate('app.reviews.application_note_value', { note: s.note })}
                                    </Typography>
                                ) : null}
                            </Typography>
                        ))}
                    </Box>
                </Section>
            </CardContent>
        </Card>
    );
};
