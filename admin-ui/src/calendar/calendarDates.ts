// Calendar arithmetic on YYYY-MM-DD strings (no time zones involved), weeks starting on Monday as
// Chinese wall calendars do.
import { useTranslate } from 'react-admin';

const pad = (n: number) => String(n).padStart(2, '0');

export const isoDate = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

export const parseIsoDate = (date: string) => {
    const [year, month, day] = date.split('-').map(Number);
    return { year, month, day };
};

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (date: string): number => {
    const { year, month, day } = parseIsoDate(date);
    return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
};

export const isWeekend = (date: string): boolean => weekdayIndex(date) >= 5;

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The weeks of a month, Monday first; days of other months are null. */
export const monthWeeks = (year: number, month: number): Array<Array<string | null>> => {
    const cells: Array<string | null> = Array(weekdayIndex(isoDate(year, month, 1))).fill(null);
    for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(isoDate(year, month, day));
    while (cells.length % 7) cells.push(null);
    const weeks: Array<Array<string | null>> = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return weeks;
};

/** Dates and names in the console language: "2026年10月1日 星期四" / "Thursday, 1 October 2026". */
export const useCalendarText = () => {
    const translate = useTranslate();
    const weekdaysShort = translate('app.calendar.weekdays_short').split('|');
    const weekdaysLong = translate('app.calendar.weekdays_long').split('|');
    const monthNames = translate('app.calendar.month_names').split('|');
    return {
        weekdaysShort,
        monthTitle: (year: number, month: number) =>
            translate('app.calendar.month_title', { year, month, monthName: monthNames[month - 1] }),
        dateLabel: (date: string) => {
            const { year, month, day } = parseIsoDate(date);
            return translate('app.calendar.date_label', {
                year,
                month,
                day,
                monthName: monthNames[month - 1],
                weekday: weekdaysLong[weekdayIndex(date)],
            });
        },
    };
};
