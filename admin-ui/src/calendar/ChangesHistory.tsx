// 变更记录: every change the legal office made to the calendar, newest first (GET /api/calendar/changes).
// Each change is a new calendar version; deadlines record the version they were computed with. The
// changes of one year import are shown as one row that opens to its days.
import { Fragment, useState } from 'react';
import {
    Card,
    CardContent,
    IconButton,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TablePagination,
    TableRow,
    Typography,
} from '@mui/material';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../fields/DateTimeField';
import type { CalendarChange } from './calendarApi';
import { useCalendarText } from './calendarDates';

const PAGE_SIZE = 10;

/** "chinese-days@1.5.7" + change 3 → "chinese-days@1.5.7+3", the version a deadline records. */
export const versionLabel = (packageVersion: string | undefined, version: number) =>
    packageVersion ? `${packageVersion}+${version}` : `+${version}`;

type HistoryRow =
    | { type: 'day'; change: CalendarChange }
    | { type: 'import'; year: number; changes: CalendarChange[] };

/** Consecutive changes of the same year import (same year, basis and person) become one row. */
export const groupChanges = (changes: CalendarChange[]): HistoryRow[] => {
    const rows: HistoryRow[] = [];
    for (const change of changes) {
        const previous = rows[rows.length - 1];
        if (
            change.importedYear &&
            previous?.type === 'import' &&
            previous.year === change.importedYear &&
            previous.changes[0].reason === change.reason &&
            previous.changes[0].byName === change.byName &&
            previous.changes[previous.changes.length - 1].version === change.version + 1
        ) {
            previous.changes.push(change);
        } else if (change.importedYear) {
            rows.push({ type: 'import', year: change.importedYear, changes: [change] });
        } else {
            rows.push({ type: 'day', change });
        }
    }
    return rows;
};

const ChangeText = ({ change }: { change: CalendarChange }) => {
    const translate = useTranslate();
    const kind = translate(`app.calendar.change_kinds.${change.kind}`, { _: change.kind });
    return <>{change.name ? translate('app.calendar.with_name', { text: kind, name: change.name }) : kind}</>;
};

const ImportRow = ({ row, packageVersion }: { row: Extract<HistoryRow, { type: 'import' }>; packageVersion?: string }) => {
    const translate = useTranslate();
    const { dateLabel } = useCalendarText();
    const [open, setOpen] = useState(false);
    const newest = row.changes[0];
    const count = (kind: CalendarChange['kind']) => row.changes.filter(c => c.kind === kind).length;
    const normal = count('normal');
    const label = translate(open ? 'app.calendar.history.hide_days' : 'app.calendar.history.show_days');
    return (
        <>
            <TableRow>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{versionLabel(packageVersion, newest.version)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(newest.at)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{newest.byName ?? ''}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.calendar.history.whole_year', { year: row.year })}</TableCell>
                <TableCell sx={{ minWidth: 260 }}>
                    {translate('app.calendar.history.import_summary', {
                        year: row.year,
                        counts:
                            translate('app.calendar.history.import_counts', { holidays: count('holiday'), workdays: count('workday') }) +
                            (normal ? translate('app.calendar.history.import_normal', { normal }) : ''),
                    })}
                    <IconButton size="small" aria-label={label} aria-expanded={open} onClick={() => setOpen(!open)} sx={{ ml: 0.5 }}>
                        {open ? <KeyboardArrowUpIcon fontSize="small" /> : <KeyboardArrowDownIcon fontSize="small" />}
                    </IconButton>
                </TableCell>
                <TableCell sx={{ minWidth: 200 }}>{newest.reason}</TableCell>
            </TableRow>
            {open
                ? [...row.changes].reverse().map(change => (
                      <TableRow key={change.id} sx={{ bgcolor: '#f8f9fb' }}>
                          <TableCell sx={{ whiteSpace: 'nowrap', pl: 4, color: 'text.secondary' }}>
                              {versionLabel(packageVersion, change.version)}
                          </TableCell>
                          <TableCell />
                          <TableCell />
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateLabel(change.date)}</TableCell>
                          <TableCell>
                              <ChangeText change={change} />
                          </TableCell>
                          <TableCell />
                      </TableRow>
                  ))
                : null}
        </>
    );
};

export const ChangesHistory = ({
    changes,
    packageVersion,
}: {
    changes: CalendarChange[] | undefined;
    packageVersion: string | undefined;
}) => {
    const translate = useTranslate();
    const { dateLabel } = useCalendarText();
    const [page, setPage] = useState(0);
    const rows = groupChanges(changes ?? []);
    const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    return (
        <Card component="section" aria-labelledby="calendar-history-title">
            <CardContent>
                <Typography id="calendar-history-title" variant="h6" component="h2">
                    {translate('app.calendar.history.title')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {translate('app.calendar.history.intro')}
                </Typography>
                {rows.length === 0 ? (
                    <Typography variant="body2">{translate('app.calendar.history.empty')}</Typography>
                ) : (
                    <>
                        <TableContainer>
                            <Table size="small" aria-label={translate('app.calendar.history.title')}>
                                <TableHead>
                                    <TableRow>
                                        <TableCell>{translate('app.calendar.history.version')}</TableCell>
                                        <TableCell>{translate('app.calendar.history.at')}</TableCell>
                                        <TableCell>{translate('app.calendar.history.by')}</TableCell>
                                        <TableCell>{translate('app.calendar.history.date')}</TableCell>
                                        <TableCell>{translate('app.calendar.history.change')}</TableCell>
                                        <TableCell>{translate('app.calendar.history.reason')}</TableCell>
                                    </TableRow>
                                </TableHead>
                                <TableBody>
                                    {shown.map(row =>
                                        row.type === 'import' ? (
                                            <ImportRow key={row.changes[0].id} row={row} packageVersion={packageVersion} />
                                        ) : (
                                            <Fragment key={row.change.id}>
                                                <TableRow>
                                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                                        {versionLabel(packageVersion, row.change.version)}
                                                    </TableCell>
                                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.change.at)}</TableCell>
                                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.change.byName ?? ''}</TableCell>
                                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateLabel(row.change.date)}</TableCell>
                                                    <TableCell>
                                                        <ChangeText change={row.change} />
                                                    </TableCell>
                                                    <TableCell sx={{ minWidth: 200 }}>{row.change.reason}</TableCell>
                                                </TableRow>
                                            </Fragment>
                                        )
                                    )}
                                </TableBody>
                            </Table>
                        </TableContainer>
                        {rows.length > PAGE_SIZE ? (
                            <TablePagination
                                component="div"
                                count={rows.length}
                                page={page}
                                onPageChange={(_, next) => setPage(next)}
                                rowsPerPage={PAGE_SIZE}
                                rowsPerPageOptions={[PAGE_SIZE]}
                            />
                        ) : null}
                    </>
                )}
            </CardContent>
        </Card>
    );
};
