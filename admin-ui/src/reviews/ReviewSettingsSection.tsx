import { Alert, Stack, Typography } from '@mui/material';
import {
    AutocompleteArrayInput,
    NumberInput,
    RadioButtonGroupInput,
    ReferenceArrayInput,
    TextInput,
    maxValue,
    minValue,
    required,
    useCanAccess,
    useTranslate,
    type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import settingsUpdateSchema from '../../../schemas/agency-settings-update.json';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';

/** The review fields of the agency settings (schemas/agency-settings-update.json). */
export interface ReviewSettings {
    reviewTimeLimitWorkdays: number;
    reviewExtensionWorkdays: number;
    reviewClockAfterReturn: 'restart' | 'resume';
    reviewerUserIds: string[];
    leadReviewerUserIds: string[];
    opinionNumberPattern: string;
}

export const REVIEW_SETTING_DEFAULTS: ReviewSettings = {
    reviewTimeLimitWorkdays: 5,
    reviewExtensionWorkdays: 3,
    reviewClockAfterReturn: 'restart',
    reviewerUserIds: [],
    leadReviewerUserIds: [],
    opinionNumberPattern: '{abbr}法审〔{year}〕{seq}号',
};

/** The review settings as stored, with the defaults for an agency that never saved them. */
export const reviewSettingsOf = (settings: Partial<ReviewSettings>): ReviewSettings => ({
    reviewTimeLimitWorkdays: settings.reviewTimeLimitWorkdays ?? REVIEW_SETTING_DEFAULTS.reviewTimeLimitWorkdays,
    reviewExtensionWorkdays: settings.reviewExtensionWorkdays ?? REVIEW_SETTING_DEFAULTS.reviewExtensionWorkdays,
    reviewClockAfterReturn: settings.reviewClockAfterReturn ?? REVIEW_SETTING_DEFAULTS.reviewClockAfterReturn,
    reviewerUserIds: (settings.reviewerUserIds ?? []).map(String),
    leadReviewerUserIds: (settings.leadReviewerUserIds ?? []).map(String),
    opinionNumberPattern: settings.opinionNumberPattern ?? REVIEW_SETTING_DEFAULTS.opinionNumberPattern,
});

const schema = settingsUpdateSchema as unknown as ObjectSchema;
const patternHasSeq: Validator = value =>
    typeof value === 'string' && !value.includes('{seq') ? 'app.settings.pattern_needs_seq' : undefined;
const validate = {
    limit: [required(), minValue(1), maxValue(60)],
    extension: [required(), minValue(0), maxValue(30)],
    pattern: [required(), ...schemaValidators(schema, 'opinionNumberPattern'), patternHasSeq],
};

// Same placeholders as the API (api/src/cases/case-numbering.ts).
const previewOpinionNumber = (pattern: string, abbreviation: string): string =>
    pattern
        .replace(/\{abbr\}/g, () => abbreviation)
        .replace(/\{cat\}/g, '')
        .replace(/\{year\}/g, String(new Date().getFullYear()))
        .replace(/\{seq(?::(\d+))?\}/g, (_, width?: string) => '3'.padStart(width ? Number(width) : 0, '0'));

const OpinionNumberPreview = () => {
    const translate = useTranslate();
    const [pattern, abbreviation] = useWatch({ name: ['opinionNumberPattern', 'caseAbbreviation'] }) as [string, string];
    if (!pattern) return null;
    return (
        <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.settings.preview', { number: previewOpinionNumber(pattern, abbreviation ?? '') })}
        </Typography>
    );
};

/** Reviewers of the agency to pick from (user accounts with the reviewer role). */
const ReviewerPicker = ({ source, agencyId, label, helperText }: { source: string; agencyId: string; label: string; helperText: string }) => (
    <ReferenceArrayInput
        source={source}
        reference="users"
        filter={{ role: 'reviewer', agencyId }}
        sort={{ field: 'displayName', order: 'ASC' }}
        perPage={200}
    >
        <AutocompleteArrayInput optionText="displayName" label={label} helperText={helperText} fullWidth />
    </ReferenceArrayInput>
);

/**
 * 法制审核 part of the agency settings: time limit and extension in working days, whether the clock
 * restarts or resumes after a return for supplement, who may review and who leads (assigns), and the
 * opinion number pattern. A change applies to reviews submitted afterwards.
 */
export const ReviewSettingsSection = ({ agencyId }: { agencyId: string }) => {
    const translate = useTranslate();
    const { canAccess: canReadUsers } = useCanAccess({ resource: 'users', action: 'list' });
    return (
        <>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 2 }}>
                {translate('app.review_settings.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('app.review_settings.intro')}
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <NumberInput
                    source="reviewTimeLimitWorkdays"
                    label="app.review_settings.time_limit"
                    helperText="app.review_settings.time_limit_helper"
                    validate={validate.limit}
                    min={1}
                    max={60}
                />
                <NumberInput
                    source="reviewExtensionWorkdays"
                    label="app.review_settings.extension"
                    helperText="app.review_settings.extension_helper"
                    validate={validate.extension}
                    min={0}
                    max={30}
                />
            </Stack>
            <RadioButtonGroupInput
                source="reviewClockAfterReturn"
                label="app.review_settings.after_return"
                row={false}
                choices={[
                    { id: 'restart', name: 'app.review_settings.after_return_restart' },
                    { id: 'resume', name: 'app.review_settings.after_return_resume' },
                ]}
                helperText="app.review_settings.after_return_helper"
            />
            {canReadUsers ? (
                <>
                    <ReviewerPicker
                        source="reviewerUserIds"
                        agencyId={agencyId}
                        label="app.review_settings.reviewers"
                        helperText="app.review_settings.reviewers_helper"
                    />
                    <ReviewerPicker
                        source="leadReviewerUserIds"
                        agencyId={agencyId}
                        label="app.review_settings.lead_reviewers"
                        helperText="app.review_settings.lead_reviewers_helper"
                    />
                </>
            ) : (
                <Alert severity="info" sx={{ mb: 2 }}>
                    {translate('app.review_settings.reviewers_hidden')}
                </Alert>
            )}
            <TextInput
                source="opinionNumberPattern"
                label="app.review_settings.opinion_number_pattern"
                helperText="app.review_settings.opinion_number_pattern_helper"
                validate={validate.pattern}
                sx={{ maxWidth: 420 }}
            />
            <OpinionNumberPreview />
        </>
    );
};
