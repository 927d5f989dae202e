// Types and calls of the working-day calendar API (api/src/calendar/calendar.routes.ts).
import { API_URL } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';

/** A special day of a year as GET /api/calendar/years/:year lists it. */
export interface CalendarDay {
    date: string;
    /** holiday: not a working day; workday: a working day (调休上班 when on a weekend). */
    kind: 'holiday' | 'workday';
    name?: string;
    /** package: the announced schedule shipped with the product; legal_office: changed by the 司法局. */
    source: 'package' | 'legal_office';
    reason?: string;
}

export interface CalendarYear {
    year: number;
    /** False when the calendar has no holiday data for the year. */
    known: boolean;
    calendarVersion: string;
    packageVersion?: string;
    days: CalendarDay[];
}

export interface CalendarYears {
    years: number[];
    calendarVersion: string;
    packageVersion?: string;
}

export type ChangeKind = 'holiday' | 'workday' | 'normal' | 'default';
export const CHANGE_KINDS: ChangeKind[] = ['holiday', 'workday', 'normal', 'default'];

export interface CalendarChange {
    id: string;
    version: number;
    date: string;
    kind: ChangeKind;
    name?: string;
    reason: string;
    importedYear?: number;
    byName?: string;
    at: string;
}

export interface WorkdayResult {
    date: string;
    calendarVersion: string;
    warnings: string[];
}

export interface WorkdaysBetweenResult {
    workdays: number;
    calendarVersion: string;
    warnings: string[];
}

export interface YearImport {
    holidays: Array<{ date: string; name?: string }>;
    workdays: Array<{ date: string; name?: string }>;
    reason: string;
}

/** react-query keys; invalidating `calendarKeys.all` refreshes the grid, the years and the history. */
export const calendarKeys = {
    all: ['calendar'] as const,
    years: ['calendar', 'years'] as const,
    year: (year: number) => ['calendar', 'year', year] as const,
    changes: ['calendar', 'changes'] as const,
};

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export interface RecomputeResult {
    calendarVersion: string;
    reviews: { checked: number; changed: Array<{ reviewId: string; caseNumber: string; before: string; after: string }> };
    hearingWindows: { checked: number; changed: Array<{ caseId: string; number: string; before: string; after: string }> };
}

export const calendarApi = {
    recomputeDeadlines: async () =>
        (await httpClient(`${API_URL}/calendar/recompute-deadlines`, { method: 'POST' })).json as RecomputeResult,
    years: async () => (await httpClient(`${API_URL}/calendar/years`)).json as CalendarYears,
    year: async (year: number) => (await httpClient(`${API_URL}/calendar/years/${year}`)).json as CalendarYear,
    changes: async () => (await httpClient(`${API_URL}/calendar/changes`)).json as CalendarChange[],
    setDay: async (body: { date: string; kind: ChangeKind; name?: string; reason: string }) =>
        (
            await httpClient(`${API_URL}/calendar/days`, { method: 'POST', body: JSON.stringify(body) })
        ).json as { version: string; date: string; workday: boolean },
    importYear: async (year: number, body: YearImport) =>
        (
            await httpClient(`${API_URL}/calendar/years/${year}`, { method: 'PUT', body: JSON.stringify(body) })
        ).json as CalendarYear,
    addWorkdays: async (from: string, days: string) =>
        (await httpClient(`${API_URL}/calendar/add-workdays?${query({ from, days })}`)).json as WorkdayResult,
    workdaysBetween: async (from: string, to: string) =>
        (await httpClient(`${API_URL}/calendar/workdays-between?${query({ from, to })}`))
            .json as WorkdaysBetweenResult,
};

/** The year of a `calendar_year_missing:YYYY` warning, or null for another warning. */
export const missingYearOf = (warning: string): number | null => {
    const match = /^calendar_year_missing:(\d{4})$/.exec(warning);
    return match ? Number(match[1]) : null;
};
