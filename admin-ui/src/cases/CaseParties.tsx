import { useEffect, useState } from 'react';
import {
    Alert,
    Button,
    Chip,
    CircularProgress,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { CaseParty } from './caseFields';

// Clear personal data stays on screen this long, then is masked again.
const REVEAL_SECONDS = 60;

interface Revealed {
    idNumber?: string;
    phone?: string;
    address?: string;
    until: number;
}

/** Counts down to zero every second while `until` lies ahead. */
const useSecondsLeft = (until: number | undefined): number => {
    const [now, setNow] = useState(() => Date.now());
    useEffect(() => {
        if (!until) return;
        setNow(Date.now());
        const timer = window.setInterval(() => setNow(Date.now()), 1000);
        return () => window.clearInterval(timer);
    }, [until]);
    return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
};

const hasPersonalData = (party: CaseParty) =>
    party.kind === 'person' && !!(party.idNumber || party.phone || party.address);

/**
 * One party. For a person, "查看完整信息" asks the API for the clear values (POST …/reveal, audited), shows
 * them for a minute and says that the access was logged.
 */
const PartyRow = ({ party, caseId, canReveal }: { party: CaseParty; caseId: string; canReveal: boolean }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const [revealed, setRevealed] = useState<Revealed | null>(null);
    const [loading, setLoading] = useState(false);
    const secondsLeft = useSecondsLeft(revealed?.until);
    const shown = revealed && secondsLeft > 0 ? revealed : null;

    const reveal = async () => {
        if (!party.id) return;
        setLoading(true);
        try {
            const { data } = await dataProvider.postAction<Omit<Revealed, 'until'>>(
                'cases',
                caseId,
                `parties/${party.id}/reveal`
            );
            setRevealed({
                idNumber: data.idNumber,
                phone: data.phone,
                address: data.address,
                until: Date.now() + REVEAL_SECONDS * 1000,
            });
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setLoading(false);
        }
    };

    const value = (field: 'idNumber' | 'phone' | 'address') => (
        <Typography
            variant="body2"
            component="span"
            sx={shown ? { fontWeight: 600, color: 'warning.dark' } : { fontFamily: 'monospace' }}
        >
            {(shown ? shown[field] : party[field]) || '—'}
        </Typography>
    );

    const isPerson = party.kind === 'person';
    return (
        <>
            <TableRow>
                <TableCell>
                    {party.name}
                    {party.minor ? (
                        <Chip
                            size="small"
                            variant="outlined"
                            color="warning"
                            label={translate('app.cases.minor')}
                            sx={{ ml: 1 }}
                        />
                    ) : null}
                </TableCell>
                <TableCell>{translate(`app.party_kinds.${party.kind}`, { _: party.kind })}</TableCell>
                <TableCell>{isPerson ? value('idNumber') : party.creditCode || '—'}</TableCell>
                <TableCell>{isPerson ? value('phone') : party.legalRepresentative || '—'}</TableCell>
                <TableCell>{isPerson ? value('address') : '—'}</TableCell>
                <TableCell align="right">
                    {canReveal && hasPersonalData(party) ? (
                        shown ? (
                            <Button
                                size="small"
                                startIcon={<VisibilityOffOutlinedIcon />}
                                onClick={() => setRevealed(null)}
                                aria-label={`${translate('app.cases.hide_personal_data')}：${party.name}`}
                            >
                                {translate('app.cases.hide_personal_data')}
                            </Button>
                        ) : (
                            <Button
                                size="small"
                                startIcon={loading ? <CircularProgress size={14} /> : <VisibilityOutlinedIcon />}
                                disabled={loading}
                                onClick={reveal}
                                aria-label={`${translate('app.cases.reveal')}：${party.name}`}
                            >
                                {translate('app.cases.reveal')}
                            </Button>
                        )
                    ) : null}
                </TableCell>
            </TableRow>
            {shown ? (
                <TableRow>
                    <TableCell colSpan={6} sx={{ pt: 0 }}>
                        <Alert severity="warning" variant="outlined" role="status">
                            {translate('app.cases.reveal_logged', { seconds: secondsLeft })}
                        </Alert>
                    </TableCell>
                </TableRow>
            ) : null}
        </>
    );
};

/** 当事人: masked personal data; the clear values only on request, for roles that need them. */
export const CaseParties = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { canAccess: canReveal } = useCanAccess({ resource: 'cases', action: 'reveal' });
    if (!record) return null;
    const parties = (record.parties ?? []) as CaseParty[];
    return (
        <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('app.cases.parties_masked_hint')}
            </Typography>
            <TableContainer>
                <Table size="small" aria-label={translate('app.cases.tab_parties')}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('resources.cases.fields.parties.name')}</TableCell>
                            <TableCell>{translate('resources.cases.fields.parties.kind')}</TableCell>
                            <TableCell>{translate('app.cases.party_id_column')}</TableCell>
                            <TableCell>{translate('app.cases.party_contact_column')}</TableCell>
                            <TableCell>{translate('resources.cases.fields.parties.address')}</TableCell>
                            <TableCell />
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {parties.map((party, index) => (
                            <PartyRow
                                key={party.id ?? index}
                                party={party}
                                caseId={String(record.id)}
                                canReveal={!!canReveal}
                            />
                        ))}
                    </TableBody>
                </Table>
            </TableContainer>
        </>
    );
};
