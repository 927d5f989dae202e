import { Alert, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../fields/DateTimeField';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { DOCUMENT_TYPES } from './caseVocabulary';

interface AuditChange {
    field: string;
    before?: unknown;
    after?: unknown;
}

export interface TimelineEntry {
    id: string;
    seq: number;
    at: string;
    action: string;
    entity?: string;
    actorName?: string;
    note?: string;
    changes?: AuditChange[];
}

type Translate = (key: string, options?: object) => string;

// `case.notify` → the step's name; `case_document.create` → 添加文书 …
const actionLabel = (action: string, translate: Translate): string => {
    const step = /^case\.(.+)$/.exec(action)?.[1];
    if (step) {
        const asStep = translate(`app.case_actions.${step}`, { _: '' });
        if (asStep) return asStep;
    }
    return translate(`app.timeline_actions.${action.replace(/\./g, '_')}`, { _: action });
};

// The API writes its notes for people reading the audit log: "<type> <number>" for documents,
// "v2 supersedes v1: <reason>" for corrections, "party <name> (<id>)" for a reveal. Put into words here.
const noteText = (entry: TimelineEntry, translate: Translate): string => {
    const note = entry.note ?? '';
    const correction = /^v(\d+) supersedes v(\d+): ([\s\S]*)$/.exec(note);
    if (correction) {
        return translate('app.timeline.correction_note', {
            version: correction[1],
            previous: correction[2],
            reason: correction[3],
        });
    }
    const reveal = /^party (.+) \([0-9a-f]{24}\)$/.exec(note);
    if (reveal) return translate('app.timeline.reveal_note', { name: reveal[1] });
    const [first, ...rest] = note.split(' ');
    if ((DOCUMENT_TYPES as readonly string[]).includes(first)) {
        return [translate(`app.document_types.${first}`), ...rest].join(' ');
    }
    return note;
};

// What changed, in words: the status step, or the names of the edited fields.
const changesText = (entry: TimelineEntry, translate: Translate): string => {
    const changes = entry.changes ?? [];
    const status = changes.find(c => c.field === 'status');
    if (status && status.before) {
        return `${translate(`app.case_status.${status.before}`, { _: String(status.before) })} → ${translate(`app.case_status.${status.after}`, { _: String(status.after) })}`;
    }
    if (entry.action === 'case.update' && changes.length) {
        const fields = [...new Set(changes.map(c => c.field.split('.')[0]))];
        return translate('app.timeline.changed_fields', {
            fields: fields.map(f => translate(`resources.cases.fields.${f}`, { _: f })).join(translate('app.cases.list_separator')),
        });
    }
    return '';
};

/** The actor as the audit chain names them, "张伟 (officer)": display name, then the account in small print. */
const Actor = ({ name }: { name?: string }) => {
    if (!name) return <>—</>;
    const match = /^(.*) \(([^()]+)\)$/.exec(name);
    if (!match) return <>{name}</>;
    return (
        <>
            {match[1]}
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                {match[2]}
            </Typography>
        </>
    );
};

/** 时间线: the case's entries in the tamper-evident audit chain (GET /api/cases/:id/timeline), oldest first. */
export const CaseTimeline = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const { data, isPending, error } = useQuery({
        // The case's version is part of the key: a step or an edit adds entries.
        queryKey: ['cases', 'timeline', record?.id, record?.version],
        queryFn: () => dataProvider.getDocument<TimelineEntry[]>(`cases/${record!.id}/timeline`).then(r => r.data),
        enabled: !!record?.id,
    });
    if (!record) return null;
    if (isPending) return <Loading />;
    if (error)
        return <Alert severity="error">{translate((error as Error).message || 'ra.notification.http_error')}</Alert>;
    return (
        <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('app.timeline.intro')}
            </Typography>
            <TableContainer>
                <Table size="small" aria-label={translate('app.cases.tab_timeline')}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.timeline.at')}</TableCell>
                            <TableCell>{translate('app.timeline.actor')}</TableCell>
                            <TableCell>{translate('app.timeline.action')}</TableCell>
                            <TableCell>{translate('app.timeline.note')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {(data ?? []).map(entry => {
                            const details = [changesText(entry, translate), noteText(entry, translate)]
                                .filter(Boolean)
                                .join(' · ');
                            return (
                                <TableRow key={entry.id ?? entry.seq}>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</TableCell>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                        <Actor name={entry.actorName} />
                                    </TableCell>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                        {actionLabel(entry.action, translate)}
                                    </TableCell>
                                    <TableCell sx={{ wordBreak: 'break-all' }}>{details || '—'}</TableCell>
                                </TableRow>
                            );
                        })}
                    </TableBody>
                </Table>
            </TableContainer>
        </>
    );
};
