import {
    BooleanInput,
    CheckboxGroupInput,
    DeleteButton,
    FormDataConsumer,
    required,
    SaveButton,
    SelectInput,
    SimpleForm,
    TextInput,
    Toolbar,
    useTranslate,
    type SimpleFormProps,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import agencyCreateSchema from '../../../schemas/agency-create.json';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';
import { agencyKindChoices } from './agencyKinds';
import { categoryChoices, subjectTypeChoices } from './enforcementSubject';

// Same rules as the API (schemas/agency-create.json); on edit the same fields stay required.
const schema = agencyCreateSchema as ObjectSchema;
const validate = {
    name: schemaValidators(schema, 'name'),
    shortName: schemaValidators(schema, 'shortName'),
    code: schemaValidators(schema, 'code'),
    kind: schemaValidators(schema, 'kind'),
    county: schemaValidators(schema, 'county'),
    address: schemaValidators(schema, 'address'),
    phone: schemaValidators(schema, 'phone'),
    contactPerson: schemaValidators(schema, 'contactPerson'),
    // An entrusted organisation acts in the name of its entrusting organ, which must be recorded.
    entrustingOrgan: [required(), ...schemaValidators(schema, 'entrustingOrgan')],
    creditCode: schemaValidators(schema, 'creditCode'),
    legalBasis: schemaValidators(schema, 'legalBasis'),
};

// Agency codes and credit codes are upper case; typing them in lower case is accepted and converted.
const parseUpperCase = (value: string) => (value === '' ? null : value.toUpperCase());

// A new record's form keeps its save button enabled, so that pressing it shows what is missing.
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

const SUBJECT_FIELDS = ['subjectType', 'entrustingOrgan', 'creditCode', 'legalBasis', 'categories'];

/**
 * Subject fields are not sent for the legal office (it is no enforcement subject), and the entrusting
 * organ only means something for an entrusted organisation: otherwise it is cleared.
 */
export const clearUnusedSubjectFields = (data: Record<string, unknown>) => {
    if (data.kind !== 'enforcement') {
        return Object.fromEntries(Object.entries(data).filter(([key]) => !SUBJECT_FIELDS.includes(key)));
    }
    return data.subjectType === 'entrusted_organization' ? data : { ...data, entrustingOrgan: null };
};

// 执法主体信息: only enforcement agencies are enforcement subjects (the legal office supervises them).
const EnforcementSubjectInputs = () => {
    const translate = useTranslate();
    return (
        <FormDataConsumer<{ kind?: string; subjectType?: string }>>
            {({ formData }) =>
                formData.kind === 'enforcement' ? (
                    <>
                        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
                            {translate('app.agencies.subject_title')}
                        </Typography>
                        <SelectInput source="subjectType" choices={subjectTypeChoices} validate={required()} />
                        {formData.subjectType === 'entrusted_organization' ? (
                            <TextInput
                                source="entrustingOrgan"
                                validate={validate.entrustingOrgan}
                                helperText="app.agencies.entrusting_organ_helper"
                            />
                        ) : null}
                        <TextInput
                            source="creditCode"
                            validate={validate.creditCode}
                            parse={parseUpperCase}
                            helperText="app.agencies.credit_code_helper"
                            autoComplete="off"
                        />
                        <TextInput
                            source="legalBasis"
                            validate={validate.legalBasis}
                            multiline
                            minRows={3}
                            helperText="app.agencies.legal_basis_helper"
                        />
                        <CheckboxGroupInput
                            source="categories"
                            choices={categoryChoices}
                            helperText="app.agencies.categories_helper"
                        />
                    </>
                ) : null
            }
        </FormDataConsumer>
    );
};

export const AgencyForm = ({
    isEdit = false,
    ...props
}: Omit<SimpleFormProps, 'children'> & { isEdit?: boolean }) => (
    <SimpleForm toolbar={isEdit ? <EditToolbar /> : <CreateToolbar />} {...props}>
        <Box sx={{ width: '100%', maxWidth: 640 }}>
            <TextInput source="name" validate={validate.name} />
            <TextInput source="shortName" validate={validate.shortName} />
            <TextInput
                source="code"
                validate={validate.code}
                parse={parseUpperCase}
                helperText="app.agencies.code_helper"
                autoComplete="off"
            />
            <SelectInput source="kind" choices={agencyKindChoices} validate={validate.kind} />
            <TextInput source="county" validate={validate.county} />
            <TextInput source="address" validate={validate.address} />
            <TextInput source="phone" type="tel" validate={validate.phone} />
            <TextInput source="contactPerson" validate={validate.contactPerson} />
            <BooleanInput source="active" label="app.status.active" />
            <EnforcementSubjectInputs />
        </Box>
    </SimpleForm>
);
