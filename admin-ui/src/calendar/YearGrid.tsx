// The twelve months of a year, each day coloured by what it is: 法定节假日 (red, with its name),
// 调休上班 (a weekend working day, marked 班), an ordinary weekend (grey) or a working day.
import type { ReactNode } from 'react';
import { Box, ButtonBase, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { calendarDate } from '../fields/calendarDate';
import { TONE_COLORS } from '../fields/StatusChip';
import type { CalendarChange, CalendarDay } from './calendarApi';
import { isWeekend, monthWeeks, useCalendarText } from './calendarDates';

export type DayState = 'holiday' | 'rest' | 'adjusted_workday' | 'workday' | 'weekend';

/**
 * A day the legal office changed by itself (not by importing a year's announced schedule). Without
 * its change at hand (older than the history shown) the grid's `source` decides.
 */
export const isChangedDay = (special: CalendarDay | undefined, change: CalendarChange | undefined): boolean =>
    change ? !change.importedYear : special?.source === 'legal_office';

/**
 * What a day is: a holiday of the announced schedule (packaged or imported), a rest day the legal
 * office set, an adjusted working day (a weekend made a working day), a weekend or a working day.
 */
export const dayState = (date: string, special: CalendarDay | undefined, change: CalendarChange | undefined): DayState => {
    if (special?.kind === 'holiday') return isChangedDay(special, change) ? 'rest' : 'holiday';
    if (special?.kind === 'workday') return isWeekend(date) ? 'adjusted_workday' : 'workday';
    return isWeekend(date) ? 'weekend' : 'workday';
};

export const isWorkingState = (state: DayState) => state === 'workday' || state === 'adjusted_workday';

export const DAY_COLORS = {
    holiday: { bg: '#fdecea', fg: TONE_COLORS.red },
    adjusted: { bg: '#fff3e0', fg: 'text.primary' },
    weekend: { bg: '#eef0f3', fg: 'text.secondary' },
    workday: { bg: '#fff', fg: 'text.primary' },
    changed: TONE_COLORS.blue,
};

const colorsOf = (state: DayState) =>
    state === 'holiday' || state === 'rest'
        ? DAY_COLORS.holiday
        : state === 'adjusted_workday'
          ? DAY_COLORS.adjusted
          : state === 'weekend'
            ? DAY_COLORS.weekend
            : DAY_COLORS.workday;

/** The one-line description a screen reader hears and the tooltip shows. */
export const useDayDescription = () => {
    const translate = useTranslate();
    const { dateLabel } = useCalendarText();
    return (date: string, special: CalendarDay | undefined, change: CalendarChange | undefined) => {
        const state = dayState(date, special, change);
        const name = special?.name ? ` ${special.name}` : '';
        const changed = isChangedDay(special, change) ? translate('app.calendar.changed_suffix') : '';
        return translate('app.calendar.day_description', {
            date: dateLabel(date),
            state: translate(`app.calendar.state.${state}`),
            name,
            changed,
        });
    };
};

export const Badge = ({ text, color }: { text: string; color: string }) => (
    <Box
        component="span"
        aria-hidden
        sx={{
            position: 'absolute',
            top: 1,
            right: 1,
            px: '2px',
            minWidth: 13,
            lineHeight: '13px',
            fontSize: 10,
            borderRadius: '3px',
            color: '#fff',
            bgcolor: color,
            textAlign: 'center',
        }}
    >
        {text}
    </Box>
);

const DayCell = ({
    date,
    special,
    change,
    today,
    canEdit,
    onSelect,
}: {
    date: string;
    special: CalendarDay | undefined;
    change: CalendarChange | undefined;
    today: boolean;
    canEdit: boolean;
    onSelect: (date: string) => void;
}) => {
    const translate = useTranslate();
    const describe = useDayDescription();
    const state = dayState(date, special, change);
    const colors = colorsOf(state);
    const changed = isChangedDay(special, change);
    const description = describe(date, special, change);
    const reason = change?.reason ?? special?.reason;
    const title = reason ? `${description}\n${translate('app.calendar.reason_line', { reason })}` : description;
    const secondLine =
        state === 'holiday' || state === 'rest'
            ? special?.name || translate('app.calendar.rest_short')
            : state === 'adjusted_workday'
              ? translate('app.calendar.adjusted_short')
              : '';
    const content = (
        <>
            {state === 'holiday' || state === 'rest' ? (
                <Badge text={translate('app.calendar.badge_rest')} color={TONE_COLORS.red} />
            ) : state === 'adjusted_workday' ? (
                <Badge text={translate('app.calendar.badge_work')} color={TONE_COLORS.orange} />
            ) : null}
            <Typography
                component="span"
                sx={{ fontSize: 14, lineHeight: '18px', fontWeight: today ? 700 : 500, color: colors.fg }}
            >
                {Number(date.slice(8))}
            </Typography>
            <Typography
                component="span"
                noWrap
                sx={{ fontSize: 10, lineHeight: '12px', height: 12, maxWidth: '100%', color: colors.fg }}
            >
                {secondLine}
            </Typography>
            {changed ? (
                <Box
                    component="span"
                    aria-hidden
                    sx={{ position: 'absolute', bottom: 2, left: 2, width: 6, height: 6, borderRadius: '50%', bgcolor: DAY_COLORS.changed }}
                />
            ) : null}
        </>
    );
    const cellSx = {
        position: 'relative',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        width: '100%',
        height: 40,
        borderRadius: 1,
        bgcolor: colors.bg,
        boxShadow: today ? 'inset 0 0 0 2px #1d4f91' : undefined,
        overflow: 'hidden',
    } as const;
    return (
        <Box component="td" sx={{ p: '1px' }} aria-label={canEdit ? undefined : description} title={title}>
            {canEdit ? (
                <ButtonBase
                    aria-label={description}
                    aria-haspopup="dialog"
                    onClick={() => onSelect(date)}
                    sx={{
                        ...cellSx,
                        '&:hover, &.Mui-focusVisible': { boxShadow: 'inset 0 0 0 2px #3c6db0' },
                    }}
                >
                    {content}
                </ButtonBase>
            ) : (
                <Box sx={cellSx}>{content}</Box>
            )}
        </Box>
    );
};

const Month = ({
    year,
    month,
    specials,
    changes,
    canEdit,
    onSelect,
}: {
    year: number;
    month: number;
    specials: Map<string, CalendarDay>;
    changes: Map<string, CalendarChange>;
    canEdit: boolean;
    onSelect: (date: string) => void;
}) => {
    const translate = useTranslate();
    const { weekdaysShort, monthTitle } = useCalendarText();
    const today = calendarDate();
    const titleId = `calendar-month-${year}-${month}`;
    return (
        <Box component="section" aria-labelledby={titleId} sx={{ border: '1px solid #e0e3e8', borderRadius: 1, p: 1, bgcolor: '#fff' }}>
            <Typography id={titleId} component="h3" sx={{ fontWeight: 600, fontSize: 15, mb: 0.5, textAlign: 'center' }}>
                {translate('app.calendar.month_short', { month, monthName: translate('app.calendar.month_names').split('|')[month - 1] })}
            </Typography>
            <Box component="table" aria-label={monthTitle(year, month)} sx={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
                <thead>
                    <tr>
                        {weekdaysShort.map((name, i) => (
                            <Box
                                component="th"
                                key={name}
                                scope="col"
                                sx={{ fontSize: 12, fontWeight: 500, py: 0.25, color: i >= 5 ? TONE_COLORS.red : 'text.secondary' }}
                            >
                                {name}
                            </Box>
                        ))}
                    </tr>
                </thead>
                <tbody>
                    {monthWeeks(year, month).map(week => (
                        <tr key={week.find(Boolean)}>
                            {week.map((date, i) =>
                                date ? (
                                    <DayCell
                                        key={date}
                                        date={date}
                                        special={specials.get(date)}
                                        change={changes.get(date)}
                                        today={date === today}
                                        canEdit={canEdit}
                                        onSelect={onSelect}
                                    />
                                ) : (
                                    <td key={`empty-${i}`} />
                                )
                            )}
                        </tr>
                    ))}
                </tbody>
            </Box>
        </Box>
    );
};

export const YearGrid = ({
    year,
    specials,
    changes,
    canEdit,
    onSelect,
}: {
    year: number;
    specials: Map<string, CalendarDay>;
    /** The legal office's latest change of each date of the year (not undone by "default"), imports included. */
    changes: Map<string, CalendarChange>;
    canEdit: boolean;
    onSelect: (date: string) => void;
}) => (
    <Box
        sx={{
            display: 'grid',
            gap: 1.5,
            gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)', xl: 'repeat(4, 1fr)' },
        }}
    >
        {Array.from({ length: 12 }, (_, i) => (
            <Month
                key={i}
                year={year}
                month={i + 1}
                specials={specials}
                changes={changes}
                canEdit={canEdit}
                onSelect={onSelect}
            />
        ))}
    </Box>
);

export const Legend = () => {
    const translate = useTranslate();
    const item = (label: string, swatch: ReactNode) => (
        <Box key={label} component="li" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            {swatch}
            <Typography variant="body2">{label}</Typography>
        </Box>
    );
    const box = (bg: string, extra?: ReactNode, outline?: string) => (
        <Box
            aria-hidden
            sx={{ position: 'relative', width: 26, height: 20, borderRadius: 0.5, bgcolor: bg, border: '1px solid #d5d9df', boxShadow: outline }}
        >
            {extra}
        </Box>
    );
    return (
        <Box
            component="ul"
            aria-label={translate('app.calendar.legend_title')}
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', p: 0, m: 0 }}
        >
            {item(
                translate('app.calendar.legend_holiday'),
                box(DAY_COLORS.holiday.bg, <Badge text={translate('app.calendar.badge_rest')} color={TONE_COLORS.red} />)
            )}
            {item(
                translate('app.calendar.legend_workday'),
                box(DAY_COLORS.adjusted.bg, <Badge text={translate('app.calendar.badge_work')} color={TONE_COLORS.orange} />)
            )}
            {item(translate('app.calendar.legend_weekend'), box(DAY_COLORS.weekend.bg))}
            {item(translate('app.calendar.legend_ordinary'), box(DAY_COLORS.workday.bg))}
            {item(
                translate('app.calendar.legend_changed'),
                box(
                    DAY_COLORS.workday.bg,
                    <Box sx={{ position: 'absolute', bottom: 2, left: 2, width: 6, height: 6, borderRadius: '50%', bgcolor: DAY_COLORS.changed }} />
                )
            )}
            {item(translate('app.calendar.legend_today'), box(DAY_COLORS.workday.bg, undefined, 'inset 0 0 0 2px #1d4f91'))}
        </Box>
    );
};
