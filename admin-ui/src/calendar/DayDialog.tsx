// The supervisor changes one day: a rest day (holiday), a working day, an ordinary day or back to the
// announced schedule, always with a reason (POST /api/calendar/days; audited, a new calendar version).
import { Stack, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import daySchema from '../../../schemas/calendar-day.json';
import { FormDialog, type DialogField } from '../dialogs/FormDialog';
import { calendarApi, CHANGE_KINDS, type CalendarChange, type CalendarDay, type ChangeKind } from './calendarApi';
import { useCalendarText } from './calendarDates';
import { dayState, isChangedDay, isWorkingState } from './YearGrid';

// Limits of schemas/calendar-day.json, checked before the request as the API checks them.
const NAME_MAX = daySchema.properties.name.maxLength;
const REASON_MIN = daySchema.properties.reason.minLength;
const REASON_MAX = daySchema.properties.reason.maxLength;

export const DayDialog = ({
    date,
    open,
    special,
    change,
    calendarVersion,
    onClose,
    onSaved,
}: {
    date: string;
    open: boolean;
    special: CalendarDay | undefined;
    change: CalendarChange | undefined;
    calendarVersion: string;
    onClose: () => void;
    onSaved: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const { dateLabel } = useCalendarText();
    const state = dayState(date, special, change);
    const reason = change?.reason ?? special?.reason;
    const fields: DialogField[] = [
        {
            name: 'kind',
            label: 'app.calendar.day_dialog.kind',
            type: 'select',
            required: true,
            // The likely intent: a working day becomes a rest day, a rest day a working day.
            defaultValue: isWorkingState(state) ? 'holiday' : 'workday',
            choices: CHANGE_KINDS.map(kind => ({ id: kind, name: translate(`app.calendar.kinds.${kind}`) })),
        },
        {
            name: 'name',
            label: 'app.calendar.day_dialog.name',
            maxLength: NAME_MAX,
            helperText: 'app.calendar.day_dialog.name_helper',
        },
        {
            name: 'reason',
            label: 'app.calendar.day_dialog.reason',
            required: true,
            multiline: true,
            minLength: REASON_MIN,
            maxLength: REASON_MAX,
            helperText: 'app.calendar.day_dialog.reason_helper',
        },
    ];

    const submit = async (values: Record<string, string>) => {
        const result = await calendarApi.setDay({
            date,
            kind: values.kind as ChangeKind,
            ...(values.name ? { name: values.name } : {}),
            reason: values.reason,
        });
        notify('app.calendar.day_dialog.saved', {
            type: 'success',
            messageArgs: { date: dateLabel(date), version: result.version },
        });
        onSaved();
    };

    return (
        <FormDialog
            open={open}
            title={translate('app.calendar.day_dialog.title', { date: dateLabel(date) })}
            intro={
                <Stack spacing={0.5}>
                    <Typography variant="body2">
                        {translate('app.calendar.day_dialog.current', {
                            state: `${translate(`app.calendar.state.${state}`)}${special?.name ? ` ${special.name}` : ''}`,
                        })}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {isChangedDay(special, change)
                            ? translate('app.calendar.day_dialog.source_legal_office', {
                                  who: change?.byName ?? '',
                                  reason: reason ?? '',
                              })
                            : change?.importedYear
                              ? translate('app.calendar.day_dialog.source_import', {
                                    year: change.importedYear,
                                    reason: change.reason,
                                })
                              : translate('app.calendar.day_dialog.source_package', { version: calendarVersion })}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.calendar.day_dialog.effect')}
                    </Typography>
                </Stack>
            }
            fields={fields}
            submitLabel={translate('app.calendar.day_dialog.submit')}
            onSubmit={submit}
            onClose={onClose}
        />
    );
};
