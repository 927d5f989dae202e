import { useId, useState } from 'react';
import { Box, Button, Tooltip } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import {
    Link,
    useCanAccess,
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { FormDialog, type DialogField } from '../dialogs/FormDialog';
import { describeFailures } from '../dialogs/refusals';
import { calendarDate } from '../fields/calendarDate';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { SubmitReviewDialog } from '../reviews/SubmitReviewDialog';
import { ACTIONS_WITH_REASON, UNDECIDED_STATUSES, type CaseAction, type CaseStatus } from './caseVocabulary';

export interface CaseActionOffer {
    action: CaseAction;
    allowed: boolean;
    reasons: string[];
}

// The API lists the offered actions without holding the not-yet-typed reason against them; the dialog
// asks for it.
const blockingReasons = (offer: CaseActionOffer): string[] => offer.reasons;

// Steps that end the case or cannot be undone are shown in warning colours.
const ENDING_ACTIONS: readonly CaseAction[] = ['withdraw', 'terminate'];

/** One step of the lifecycle: enabled when the API allows it now, otherwise disabled with the reasons. */
const TransitionButton = ({ offer, onOpen }: { offer: CaseActionOffer; onOpen: (action: CaseAction) => void }) => {
    const translate = useTranslate();
    const reasonsId = useId();
    const blocking = blockingReasons(offer);
    const allowed = offer.allowed || blocking.length === 0;
    const label = translate(`app.case_actions.${offer.action}`, { _: offer.action });
    const button = (
        <Button
            size="small"
            variant={allowed ? 'contained' : 'outlined'}
            color={ENDING_ACTIONS.includes(offer.action) ? 'error' : 'primary'}
            disabled={!allowed}
            onClick={() => onOpen(offer.action)}
            aria-describedby={allowed ? undefined : reasonsId}
            disableElevation
        >
            {label}
        </Button>
    );
    if (allowed) return button;
    return (
        <Tooltip
            title={
                <Box component="ul" sx={{ m: 0, pl: 2 }}>
                    {blocking.map(reason => (
                        <li key={reason}>{reason}</li>
                    ))}
                </Box>
            }
        >
            {/* A disabled button gets no pointer events: the wrapper carries the tooltip and keyboard focus. */}
            <Box component="span" tabIndex={0} sx={{ display: 'inline-flex', position: 'relative' }}>
                {button}
                <Box component="span" id={reasonsId} sx={visuallyHidden}>
                    {translate('app.cases.action_blocked', { reasons: blocking.join(translate('app.cases.reason_separator')) })}
                </Box>
            </Box>
        </Tooltip>
    );
};

// Read by screen readers, not shown (sx `width: 1` would mean 100 %).
const visuallyHidden = {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
} as const;

/** The dialog of one step: its legal date (default today) and, to end a case early, the reason. */
const TransitionDialog = ({ action, onClose }: { action: CaseAction | null; onClose: () => void }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    if (!record) return null;
    const fields: DialogField[] = [
        {
            name: 'date',
            type: 'date',
            required: true,
            label: action === 'request_hearing' ? 'app.cases.hearing_request_date' : 'app.cases.step_date',
            helperText:
                action === 'request_hearing' ? 'app.cases.hearing_request_date_helper' : 'app.cases.step_date_helper',
            defaultValue: calendarDate(),
        },
        ...(action && ACTIONS_WITH_REASON.includes(action)
            ? [
                  {
                      name: 'reason',
                      label: 'app.cases.end_reason',
                      multiline: true,
                      required: true,
                      minLength: 2,
                      maxLength: 2000,
                  },
              ]
            : []),
    ];
    const label = action ? translate(`app.case_actions.${action}`, { _: action }) : '';
    const reload = () => {
        onClose();
        refresh();
    };
    return (
        <FormDialog
            open={!!action}
            title={translate('app.cases.transition_title', { action: label, number: record.number })}
            intro={action ? translate(`app.case_action_hints.${action}`) : undefined}
            warning={action && ENDING_ACTIONS.includes(action) ? translate('app.cases.end_warning') : undefined}
            warningSeverity="error"
            fields={fields}
            submitLabel={label}
            submitColor={action && ENDING_ACTIONS.includes(action) ? 'error' : 'primary'}
            renderError={error => describeFailures(error, translate)}
            onSubmit={async values => {
                await dataProvider.postAction('cases', String(record.id), 'transitions', {
                    action,
                    version: record.version,
                    date: values.date,
                    ...(values.reason ? { reason: values.reason } : {}),
                });
                onClose();
                notify('app.cases.transition_done', { type: 'success', messageArgs: { action: label } });
                refresh();
            }}
            onClose={onClose}
            onReload={reload}
        />
    );
};

/**
 * The case's next steps as the API offers them to the caller (`actions` of GET /api/cases/:id: every step
 * whose status precondition holds, disabled with the reasons when another one does not), and the edit
 * button while the case is still undecided. 提交法制审核 goes through the legal review (POST /api/reviews),
 * which builds the package; the other steps through the case's transitions.
 */
export const CaseActionBar = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { canAccess: canTransition } = useCanAccess({ resource: 'cases', action: 'transition' });
    const { canAccess: canEdit } = useCanAccess({ resource: 'cases', action: 'edit' });
    const refresh = useRefresh();
    const [open, setOpen] = useState<CaseAction | null>(null);
    if (!record) return null;
    const offers = (canTransition ? (record.actions ?? []) : []) as CaseActionOffer[];
    const editable = canEdit && UNDECIDED_STATUSES.includes(record.status as CaseStatus);
    return (
        <Box
            role="toolbar"
            aria-label={translate('app.cases.actions_label')}
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'flex-end' }}
        >
            {offers.map(offer => (
                <TransitionButton key={offer.action} offer={offer} onOpen={setOpen} />
            ))}
            {editable ? (
                <Button size="small" component={Link} to={`/cases/${record.id}`} startIcon={<EditIcon />}>
                    {translate('ra.action.edit')}
                </Button>
            ) : null}
            <TransitionDialog action={open === 'submit_review' ? null : open} onClose={() => setOpen(null)} />
            <SubmitReviewDialog
                record={record}
                open={open === 'submit_review'}
                onClose={() => setOpen(null)}
                onReload={refresh}
            />
        </Box>
    );
};
