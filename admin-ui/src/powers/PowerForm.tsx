import { Box, TextField as MuiTextField } from '@mui/material';
import {
    ArrayInput,
    BooleanInput,
    DeleteButton,
    Labeled,
    ReferenceField,
    required,
    SaveButton,
    SelectInput,
    SimpleForm,
    SimpleFormIterator,
    TextInput,
    Toolbar,
    useTranslate,
    type SimpleFormProps,
    type Validator,
} from 'react-admin';
import powerItemCreateSchema from '../../../schemas/power-item-create.json';
import { EnforcementAgencyInput } from '../agencies/EnforcementAgencyInput';
import { categoryChoices } from '../agencies/enforcementSubject';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';

// Same rules as the API (schemas/power-item-create.json).
const schema = powerItemCreateSchema as ObjectSchema;
const basisItem = (powerItemCreateSchema.properties.legalBasis.items as unknown) as ObjectSchema;
const atLeastOneBasis: Validator = value =>
    Array.isArray(value) && value.length > 0 ? undefined : 'ra.validation.required';
const validate = {
    code: schemaValidators(schema, 'code'),
    name: schemaValidators(schema, 'name'),
    category: schemaValidators(schema, 'category'),
    legalBasis: [atLeastOneBasis],
    law: schemaValidators(basisItem, 'law'),
    article: schemaValidators(basisItem, 'article'),
    procedure: schemaValidators(schema, 'procedure'),
    timeLimit: schemaValidators(schema, 'timeLimit'),
    discretionStandard: schemaValidators(schema, 'discretionStandard'),
    remedy: schemaValidators(schema, 'remedy'),
    agencyId: [required()],
};

/** A supervisor chooses the agency whose list gets the item; an agency administrator adds to their own. */
const AgencyInput = () => {
    const me = useSessionUser();
    const translate = useTranslate();
    if (isCountyWide(me)) return <EnforcementAgencyInput source="agencyId" validate={validate.agencyId} />;
    return (
        <MuiTextField
            label={translate('resources.powers.fields.agencyId')}
            value={me?.agencyName ?? ''}
            helperText={translate('app.powers.agency_fixed_helper')}
            slotProps={{ input: { readOnly: true } }}
            disabled
            fullWidth
            sx={{ mb: 1 }}
        />
    );
};

/**
 * An empty article input comes as null, which the API's schema refuses (an article is text or absent):
 * a legal basis without an article is sent as `{ law }`.
 */
export const cleanLegalBasis = (data: Record<string, unknown>) => ({
    ...data,
    legalBasis: Array.isArray(data.legalBasis)
        ? data.legalBasis.map(({ law, article }: { law?: string; article?: string | null }) => ({
              law: law?.trim(),
              ...(article?.trim() ? { article: article.trim() } : {}),
          }))
        : data.legalBasis,
});

const CreateToolbar = () => (
    <Toolbar>
        <SaveButton alwaysEnable />
    </Toolbar>
);

const EditToolbar = () => (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton />
        <DeleteButton mutationMode="pessimistic" />
    </Toolbar>
);

export const PowerForm = ({
    isEdit = false,
    ...props
}: Omit<SimpleFormProps, 'children'> & { isEdit?: boolean }) => (
    <SimpleForm toolbar={isEdit ? <EditToolbar /> : <CreateToolbar />} {...props}>
        <Box sx={{ width: '100%', maxWidth: 800 }}>
            {isEdit ? (
                // An item stays in its agency's list.
                <Labeled source="agencyId">
                    <ReferenceField source="agencyId" reference="agencies" link={false} />
                </Labeled>
            ) : (
                <AgencyInput />
            )}
            <TextInput source="code" validate={validate.code} autoComplete="off" />
            <TextInput source="name" validate={validate.name} multiline />
            <SelectInput source="category" choices={categoryChoices} validate={validate.category} />
            <ArrayInput source="legalBasis" validate={validate.legalBasis} helperText="app.powers.legal_basis_helper">
                <SimpleFormIterator inline disableReordering>
                    <TextInput
                        source="law"
                        label="resources.powers.fields.law"
                        validate={[required(), ...validate.law]}
                        sx={{ minWidth: { sm: 320 } }}
                    />
                    <TextInput source="article" label="resources.powers.fields.article" validate={validate.article} />
                </SimpleFormIterator>
            </ArrayInput>
            <TextInput source="procedure" validate={validate.procedure} multiline minRows={2} />
            <TextInput source="timeLimit" validate={validate.timeLimit} />
            <TextInput source="discretionStandard" validate={validate.discretionStandard} multiline minRows={2} />
            <TextInput source="remedy" validate={validate.remedy} multiline minRows={2} />
            <BooleanInput source="active" label="app.powers.active_label" />
        </Box>
    </SimpleForm>
);
