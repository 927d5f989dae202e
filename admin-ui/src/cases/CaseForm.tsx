import { Box, Button, Stack, Typography } from '@mui/material';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import {
    ArrayInput,
    BooleanInput,
    CheckboxGroupInput,
    DateInput,
    FormDataConsumer,
    Labeled,
    Link,
    NumberInput,
    RadioButtonGroupInput,
    SaveButton,
    SelectField,
    SelectInput,
    SimpleFormIterator,
    TabbedForm,
    TextField,
    TextInput,
    Toolbar,
    minValue,
    required,
    useGetOne,
    useRecordContext,
    useTranslate,
    type TabbedFormProps,
    type Validator,
} from 'react-admin';
import caseCreateSchema from '../../../schemas/case-create.json';
import { categoryChoices } from '../agencies/enforcementSubject';
import { CategoriesField } from '../fields/CategoriesField';
import { useSessionUser } from '../providers/useSessionUser';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';
import { CaseOfficersInput } from './caseOfficers';
import {
    caseSourceChoices,
    discretionLevelChoices,
    partyKindChoices,
    penaltyTypeChoices,
    procedureChoices,
} from './caseVocabulary';
import { validCreditCode, validResidentId } from './partyValidation';

// Same rules as the API (schemas/case-create.json); the server also checks ID numbers, credit codes and
// the officers' certificates, and its field errors (parties.0.idNumber, officerIds …) land next to the inputs.
const schema = caseCreateSchema as unknown as ObjectSchema;
const partySchema = caseCreateSchema.properties.parties.items as unknown as ObjectSchema;
const basisSchema = {
    properties: { law: { minLength: 2, maxLength: 200 }, article: { maxLength: 200 } },
} as ObjectSchema;

// 行政处罚法 art. 42: at least two officers, one in the simple procedure.
const enoughOfficers: Validator = (value, values) => {
    const min = values?.procedure === 'simple' ? 1 : 2;
    const count = Array.isArray(value) ? value.length : 0;
    return count < min ? { message: 'app.cases.officers_min', args: { min } } : undefined;
};
const atLeastOneParty: Validator = value =>
    Array.isArray(value) && value.length > 0 ? undefined : 'app.cases.parties_required';

const validate = {
    category: [required()],
    procedure: [required()],
    source: [required()],
    cause: schemaValidators(schema, 'cause'),
    facts: schemaValidators(schema, 'facts'),
    law: [required(), ...schemaValidators(basisSchema, 'law')],
    article: schemaValidators(basisSchema, 'article'),
    amount: [minValue(0)],
    partyName: [required(), ...schemaValidators(partySchema, 'name')],
    idNumber: [validResidentId],
    phone: schemaValidators(partySchema, 'phone'),
    address: schemaValidators(partySchema, 'address'),
    creditCode: [validCreditCode],
    legalRepresentative: schemaValidators(partySchema, 'legalRepresentative'),
    parties: [atLeastOneParty],
    officerIds: [enoughOfficers],
};

const NextStep = ({ to }: { to: string }) => {
    const translate = useTranslate();
    return (
        <Box sx={{ mt: 2 }}>
            <Button component={Link} to={to} endIcon={<ArrowForwardIcon />} variant="outlined" size="small">
                {translate('app.cases.next_step')}
            </Button>
        </Box>
    );
};

/** 机关负责人交办: only the head of department refers a case (the API refuses anyone else). */
const HeadReferralInput = () => {
    const user = useSessionUser();
    return user?.roles.includes('dept_head') ? <BooleanInput source="headReferral" helperText={false} /> : null;
};

/** Whether the case is major is decided by the agency's catalog from the draft, not ticked by hand. */
const MajorHint = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary">
            {translate('app.cases.major_determined_helper')}
        </Typography>
    );
};

const SectionHeading = ({ text }: { text: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 0.5, fontWeight: 600 }}>
            {translate(text)}
        </Typography>
    );
};

/** Only the categories the agency may exercise (the API refuses others). */
const CategoryInput = ({ agencyId }: { agencyId?: string | null }) => {
    const { data: agency } = useGetOne('agencies', { id: agencyId ?? '' }, { enabled: !!agencyId });
    const allowed: string[] = Array.isArray(agency?.categories) ? agency.categories : [];
    const choices = allowed.length ? categoryChoices.filter(c => allowed.includes(c.id)) : categoryChoices;
    return (
        <SelectInput
            source="category"
            choices={choices}
            validate={validate.category}
            helperText="app.cases.category_helper"
        />
    );
};

/** What cannot change after filing (the number depends on it): shown, not editable. */
const FixedFacts = () => (
    <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
        <Labeled source="number">
            <TextField source="number" />
        </Labeled>
        <Labeled source="category">
            <CategoriesField source="category" />
        </Labeled>
        <Labeled source="procedure">
            <SelectField source="procedure" choices={procedureChoices} />
        </Labeled>
        <Labeled source="filedOn">
            <TextField source="filedOn" />
        </Labeled>
    </Stack>
);

const BasicTab = ({ isEdit, agencyId, next }: { isEdit: boolean; agencyId?: string | null; next?: string }) => (
    <Box sx={{ width: '100%', maxWidth: 860 }}>
        {isEdit ? (
            <FixedFacts />
        ) : (
            <>
                <CategoryInput agencyId={agencyId} />
                <RadioButtonGroupInput
                    source="procedure"
                    choices={procedureChoices}
                    validate={validate.procedure}
                    helperText="app.cases.procedure_helper"
                />
            </>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <SelectInput
                source="source"
                choices={caseSourceChoices}
                validate={validate.source}
                sx={{ minWidth: 200 }}
            />
            {isEdit ? null : <DateInput source="filedOn" helperText="app.cases.filed_on_helper" />}
        </Stack>
        <TextInput source="cause" validate={validate.cause} helperText="app.cases.cause_helper" />
        <TextInput source="facts" validate={validate.facts} multiline minRows={3} />
        <ArrayInput source="legalBasis" helperText="app.cases.legal_basis_helper">
            <SimpleFormIterator inline disableReordering>
                <TextInput source="law" label="app.cases.law" validate={validate.law} sx={{ minWidth: { sm: 320 } }} />
                <TextInput source="article" label="app.cases.article" validate={validate.article} />
            </SimpleFormIterator>
        </ArrayInput>
        <SectionHeading text="app.cases.discretion_title" />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <SelectInput source="discretion.level" choices={discretionLevelChoices} sx={{ minWidth: 200 }} />
            <TextInput source="discretion.standardRef" helperText="app.cases.standard_ref_helper" />
        </Stack>
        <TextInput source="discretion.reasoning" multiline minRows={2} />
        <SectionHeading text="app.cases.penalty_title" />
        <CheckboxGroupInput source="penaltyTypes" choices={penaltyTypeChoices} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <NumberInput
                source="fineAmount"
                validate={validate.amount}
                min={0}
                step={100}
                helperText="app.cases.yuan"
            />
            <NumberInput
                source="confiscationAmount"
                validate={validate.amount}
                min={0}
                step={100}
                helperText="app.cases.yuan"
            />
        </Stack>
        <TextInput source="draftDecision" multiline minRows={2} helperText="app.cases.draft_decision_helper" />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <BooleanInput source="beyondDiscretion" helperText={false} />
            <BooleanInput source="complex" helperText={false} />
            <HeadReferralInput />
        </Stack>
        <MajorHint />
        {next ? <NextStep to={next} /> : null}
    </Box>
);

const PartiesTab = ({ next, isEdit }: { next?: string; isEdit: boolean }) => (
    <Box sx={{ width: '100%', maxWidth: 860 }}>
        <ArrayInput source="parties" validate={validate.parties} helperText={false}>
            <SimpleFormIterator disableReordering fullWidth>
                <RadioButtonGroupInput
                    source="kind"
                    choices={partyKindChoices}
                    validate={required()}
                    defaultValue="person"
                    helperText={false}
                />
                <TextInput source="name" validate={validate.partyName} />
                <FormDataConsumer<Record<string, unknown>>>
                    {({ scopedFormData }) =>
                        scopedFormData?.kind === 'organization' ? (
                            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                                <TextInput
                                    source="creditCode"
                                    validate={validate.creditCode}
                                    helperText="app.cases.credit_code_helper"
                                    autoComplete="off"
                                />
                                <TextInput source="legalRepresentative" validate={validate.legalRepresentative} />
                            </Stack>
                        ) : (
                            <>
                                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                                    <TextInput
                                        source="idNumber"
                                        validate={validate.idNumber}
                                        helperText={isEdit ? 'app.cases.id_number_helper_edit' : 'app.cases.id_number_helper'}
                                        autoComplete="off"
                                    />
                                    <TextInput source="phone" validate={validate.phone} autoComplete="off" />
                                </Stack>
                                <TextInput source="address" validate={validate.address} />
                                <BooleanInput source="minor" helperText="app.cases.minor_helper" />
                            </>
                        )
                    }
                </FormDataConsumer>
            </SimpleFormIterator>
        </ArrayInput>
        {next ? <NextStep to={next} /> : null}
    </Box>
);

const OfficersTab = ({ agencyId }: { agencyId?: string | null }) => (
    <Box sx={{ width: '100%', maxWidth: 860 }}>
        <CaseOfficersInput
            agencyId={agencyId}
            validate={validate.officerIds}
            helperText="app.cases.officers_helper"
            required
        />
    </Box>
);

const FormToolbar = ({ isEdit }: { isEdit: boolean }) => (
    <Toolbar>
        <SaveButton alwaysEnable label={isEdit ? 'ra.action.save' : 'app.cases.file_case'} />
    </Toolbar>
);

/**
 * The filing wizard (立案) and the edit form: 基本信息 → 当事人 → 执法人员, as tabs whose headings turn red
 * when a field in them has an error (also the server's).
 */
export const CaseForm = ({ isEdit = false, ...props }: Omit<TabbedFormProps, 'children'> & { isEdit?: boolean }) => {
    const me = useSessionUser();
    const record = useRecordContext();
    const agencyId = isEdit ? (record?.agencyId as string | undefined) : me?.agencyId;
    const base = isEdit ? `/cases/${record?.id}` : '/cases/create';
    return (
        <TabbedForm toolbar={<FormToolbar isEdit={isEdit} />} {...props}>
            <TabbedForm.Tab label="app.cases.tab_basic">
                <BasicTab isEdit={isEdit} agencyId={agencyId} next={`${base}/parties`} />
            </TabbedForm.Tab>
            <TabbedForm.Tab label="app.cases.tab_parties" path="parties">
                <PartiesTab next={`${base}/officers`} isEdit={isEdit} />
            </TabbedForm.Tab>
            <TabbedForm.Tab label="app.cases.tab_officers" path="officers">
                <OfficersTab agencyId={agencyId} />
            </TabbedForm.Tab>
        </TabbedForm>
    );
};
