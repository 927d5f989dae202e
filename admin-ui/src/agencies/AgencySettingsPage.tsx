import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
    ArrayInput,
    Form,
    HttpError,
    Loading,
    NumberInput,
    ResourceContextProvider,
    SaveButton,
    SelectArrayInput,
    SimpleFormIterator,
    TextInput,
    Title,
    maxValue,
    minValue,
    required,
    useCanAccess,
    useDataProvider,
    useGetOne,
    useNotify,
    useTranslate,
    type Validator,
} from 'react-admin';
import { useParams } from 'react-router';
import { useWatch } from 'react-hook-form';
import settingsUpdateSchema from '../../../schemas/agency-settings-update.json';
import { documentTypeChoices } from '../cases/caseVocabulary';
import { API_URL, type ConsoleDataProvider } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import { reviewSettingsOf, ReviewSettingsSection, type ReviewSettings } from '../reviews/ReviewSettingsSection';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';

interface AgencySettings extends Partial<ReviewSettings> {
    id: string;
    agencyId: string;
    caseAbbreviation?: string;
    caseNumberPattern: string;
    decisionDeadlineDays: number;
    decisionWarningDays: number;
    hearingRequestWorkdays: number;
    requiredDocuments: { simple: string[]; ordinary: string[] };
    version: number;
    updatedAt?: string;
}

/** One required-document entry in the form: the types of which any one will do ("a|b" in the API). */
interface RequiredEntry {
    types: string[];
}

interface SettingsForm extends ReviewSettings {
    caseAbbreviation: string;
    caseNumberPattern: string;
    decisionDeadlineDays: number;
    decisionWarningDays: number;
    hearingRequestWorkdays: number;
    requiredSimple: RequiredEntry[];
    requiredOrdinary: RequiredEntry[];
}

const schema = settingsUpdateSchema as unknown as ObjectSchema;
const patternHasSeq: Validator = value =>
    typeof value === 'string' && !value.includes('{seq') ? 'app.settings.pattern_needs_seq' : undefined;
const atLeastOneType: Validator = value =>
    Array.isArray(value) && value.length > 0 ? undefined : 'ra.validation.required';
const validate = {
    caseAbbreviation: schemaValidators(schema, 'caseAbbreviation'),
    caseNumberPattern: [required(), ...schemaValidators(schema, 'caseNumberPattern'), patternHasSeq],
    decisionDeadlineDays: [required(), minValue(1), maxValue(720)],
    decisionWarningDays: [required(), minValue(0), maxValue(90)],
    hearingRequestWorkdays: [required(), minValue(1), maxValue(30)],
    types: [atLeastOneType],
};

const toForm = (settings: AgencySettings): SettingsForm => ({
    caseAbbreviation: settings.caseAbbreviation ?? '',
    caseNumberPattern: settings.caseNumberPattern,
    decisionDeadlineDays: settings.decisionDeadlineDays,
    decisionWarningDays: settings.decisionWarningDays,
    hearingRequestWorkdays: settings.hearingRequestWorkdays,
    requiredSimple: settings.requiredDocuments.simple.map(entry => ({ types: entry.split('|') })),
    requiredOrdinary: settings.requiredDocuments.ordinary.map(entry => ({ types: entry.split('|') })),
    ...reviewSettingsOf(settings),
});

const entries = (list: RequiredEntry[] | undefined) =>
    (list ?? []).map(entry => (entry?.types ?? []).join('|')).filter(Boolean);

const toBody = (values: SettingsForm, version: number) => ({
    version,
    ...(values.caseAbbreviation?.trim() ? { caseAbbreviation: values.caseAbbreviation.trim() } : {}),
    caseNumberPattern: values.caseNumberPattern.trim(),
    decisionDeadlineDays: values.decisionDeadlineDays,
    decisionWarningDays: values.decisionWarningDays,
    hearingRequestWorkdays: values.hearingRequestWorkdays,
    requiredDocuments: { simple: entries(values.requiredSimple), ordinary: entries(values.requiredOrdinary) },
    reviewTimeLimitWorkdays: values.reviewTimeLimitWorkdays,
    reviewExtensionWorkdays: values.reviewExtensionWorkdays,
    reviewClockAfterReturn: values.reviewClockAfterReturn,
    reviewerUserIds: values.reviewerUserIds ?? [],
    leadReviewerUserIds: values.leadReviewerUserIds ?? [],
    opinionNumberPattern: values.opinionNumberPattern.trim(),
});

// The API names list entries `requiredDocuments.simple.0`; the form edits `requiredSimple.0.types`.
const toFormErrors = (errors: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
        Object.entries(errors).map(([path, message]) => {
            const match = /^requiredDocuments\.(simple|ordinary)(?:\.(\d+))?$/.exec(path);
            if (!match) return [path, message];
            const list = match[1] === 'simple' ? 'requiredSimple' : 'requiredOrdinary';
            return [match[2] !== undefined ? `${list}.${match[2]}.types` : list, message];
        })
    );

// Same placeholders as the API (api/src/cases/case-numbering.ts).
const CATEGORY_CHARS: Record<string, string> = { penalty: '罚' };
const previewNumber = (pattern: string, abbreviation: string): string =>
    pattern
        .replace(/\{abbr\}/g, () => abbreviation)
        .replace(/\{cat\}/g, CATEGORY_CHARS.penalty)
        .replace(/\{year\}/g, String(new Date().getFullYear()))
        .replace(/\{seq(?::(\d+))?\}/g, (_, width?: string) => '12'.padStart(width ? Number(width) : 0, '0'));

const NumberPreview = () => {
    const translate = useTranslate();
    const [pattern, abbreviation] = useWatch({ name: ['caseNumberPattern', 'caseAbbreviation'] }) as [string, string];
    if (!pattern) return null;
    return (
        <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.settings.preview', { number: previewNumber(pattern, abbreviation ?? '') })}
        </Typography>
    );
};

const RequiredDocumentsInput = ({ source, label }: { source: string; label: string }) => (
    <ArrayInput source={source} label={label} helperText="app.settings.required_documents_helper">
        <SimpleFormIterator inline disableReordering>
            <SelectArrayInput
                source="types"
                choices={documentTypeChoices}
                label="app.settings.required_entry"
                validate={validate.types}
                sx={{ minWidth: 320 }}
            />
        </SimpleFormIterator>
    </ArrayInput>
);

/**
 * 案件设置 of one enforcement agency: case number pattern, decision deadline and its warning, hearing
 * request period and the documents each procedure requires. Saved with the `version` read; a stale
 * version is refused (409) and the page offers to reload.
 */
export const AgencySettingsPage = () => {
    const { id } = useParams<{ id: string }>();
    const translate = useTranslate();
    const notify = useNotify();
    const queryClient = useQueryClient();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const { canAccess: canWrite, isPending: accessPending } = useCanAccess({ resource: 'settings', action: 'write' });
    const { data: agency } = useGetOne('agencies', { id: id ?? '' }, { enabled: !!id });
    const queryKey = ['agencies', 'settings', id];
    const {
        data: settings,
        isPending,
        error,
        refetch,
    } = useQuery({
        queryKey,
        queryFn: () => dataProvider.getDocument<AgencySettings>(`agencies/${id}/settings`).then(r => r.data),
        enabled: !!id,
    });
    const [stale, setStale] = useState(false);

    if (isPending || accessPending) return <Loading />;
    if (error || !settings) {
        return (
            <Alert severity="error" sx={{ mt: 2 }}>
                {translate((error as Error)?.message || 'ra.notification.http_error')}
            </Alert>
        );
    }

    const save = async (values: SettingsForm) => {
        try {
            const { json } = await httpClient(`${API_URL}/agencies/${id}/settings`, {
                method: 'PUT',
                body: JSON.stringify(toBody(values, settings.version)),
            });
            queryClient.setQueryData(queryKey, json);
            setStale(false);
            notify('app.settings.saved', { type: 'success' });
            return undefined;
        } catch (e) {
            const httpError = e as HttpError;
            if (httpError.status === 409) {
                setStale(true);
                return undefined;
            }
            const errors = (httpError.body as { errors?: Record<string, string> } | undefined)?.errors;
            if (errors && Object.keys(errors).length) return toFormErrors(errors);
            notify(httpError.message || 'ra.notification.http_error', { type: 'error' });
            return undefined;
        }
    };

    return (
        <Box sx={{ mt: 2, maxWidth: 900 }}>
            <Title title={translate('app.settings.title', { agency: agency?.name ?? '' })} />
            <Card>
                <CardContent>
                    <Typography variant="h6" component="h2">
                        {translate('app.settings.title', { agency: agency?.name ?? '' })}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                        {translate('app.settings.intro', { version: settings.version })}
                    </Typography>
                    {stale ? (
                        <Alert
                            severity="warning"
                            role="alert"
                            sx={{ mb: 2 }}
                            action={
                                <Button
                                    color="inherit"
                                    size="small"
                                    onClick={async () => {
                                        await refetch();
                                        setStale(false);
                                    }}
                                >
                                    {translate('app.cases.reload')}
                                </Button>
                            }
                        >
                            {translate('app.cases.stale')}
                        </Alert>
                    ) : null}
                    {!canWrite ? (
                        <Alert severity="info" sx={{ mb: 2 }}>
                            {translate('app.settings.read_only')}
                        </Alert>
                    ) : null}
                    {/* Inputs take their labels from the keys given; the resource names the form for react-admin. */}
                    <ResourceContextProvider value="agencies">
                        <Form
                            record={{ id: settings.id, ...toForm(settings) }}
                            onSubmit={(values: Record<string, unknown>) => save(values as unknown as SettingsForm)}
                            disabled={!canWrite}
                        >
                            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                                {translate('app.settings.numbering_title')}
                            </Typography>
                            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                                <TextInput
                                    source="caseAbbreviation"
                                    label="app.settings.case_abbreviation"
                                    validate={validate.caseAbbreviation}
                                    helperText="app.settings.case_abbreviation_helper"
                                    sx={{ maxWidth: 240 }}
                                />
                                <TextInput
                                    source="caseNumberPattern"
                                    label="app.settings.case_number_pattern"
                                    validate={validate.caseNumberPattern}
                                    helperText="app.settings.case_number_pattern_helper"
                                />
                            </Stack>
                            <NumberPreview />
                            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                                {translate('app.settings.deadlines_title')}
                            </Typography>
                            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                                <NumberInput
                                    source="decisionDeadlineDays"
                                    label="app.settings.decision_deadline_days"
                                    validate={validate.decisionDeadlineDays}
                                    helperText="app.settings.decision_deadline_days_helper"
                                    min={1}
                                    max={720}
                                />
                                <NumberInput
                                    source="decisionWarningDays"
                                    label="app.settings.decision_warning_days"
                                    validate={validate.decisionWarningDays}
                                    helperText="app.settings.decision_warning_days_helper"
                                    min={0}
                                    max={90}
                                />
                                <NumberInput
                                    source="hearingRequestWorkdays"
                                    label="app.settings.hearing_request_workdays"
                                    validate={validate.hearingRequestWorkdays}
                                    helperText="app.settings.hearing_request_workdays_helper"
                                    min={1}
                                    max={30}
                                />
                            </Stack>
                            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 1 }}>
                                {translate('app.settings.required_documents_title')}
                            </Typography>
                            <RequiredDocumentsInput source="requiredSimple" label="app.settings.required_simple" />
                            <RequiredDocumentsInput source="requiredOrdinary" label="app.settings.required_ordinary" />
                            <ReviewSettingsSection agencyId={settings.agencyId} />
                            {canWrite ? (
                                <Box sx={{ mt: 2 }}>
                                    <SaveButton alwaysEnable />
                                </Box>
                            ) : null}
                        </Form>
                    </ResourceContextProvider>
                </CardContent>
            </Card>
        </Box>
    );
};
