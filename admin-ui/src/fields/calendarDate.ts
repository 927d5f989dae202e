const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date as the API writes it (YYYY-MM-DD), in the browser's time zone (China Standard Time). */
export const calendarDate = (date: Date = new Date()): string =>
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
