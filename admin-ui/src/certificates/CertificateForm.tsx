import { Box } from '@mui/material';
import {
    AutocompleteInput,
    DateInput,
    Labeled,
    ReferenceField,
    ReferenceInput,
    SaveButton,
    SimpleForm,
    TextInput,
    Toolbar,
    required,
    type SimpleFormProps,
    type Validator,
} from 'react-admin';
import certificateCreateSchema from '../../../schemas/certificate-create.json';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';

// Same rules as the API (schemas/certificate-create.json and certificate.service.ts: expiry after issue).
const schema = certificateCreateSchema as ObjectSchema;
const expiresAfterIssue: Validator = (value, values) =>
    typeof value === 'string' && typeof values?.issueDate === 'string' && value <= values.issueDate
        ? 'app.certificates.dates_order'
        : undefined;
const validate = {
    officerId: [required()],
    number: schemaValidators(schema, 'number'),
    issuer: schemaValidators(schema, 'issuer'),
    issueDate: [required()],
    expiryDate: [required(), expiresAfterIssue],
};

// Only officers on duty can be issued a certificate (the API refuses others).
const ACTIVE_OFFICERS = { status: 'active' };

const FormToolbar = () => (
    <Toolbar>
        <SaveButton alwaysEnable />
    </Toolbar>
);

export const CertificateForm = ({
    isEdit = false,
    ...props
}: Omit<SimpleFormProps, 'children'> & { isEdit?: boolean }) => (
    <SimpleForm toolbar={<FormToolbar />} {...props}>
        <Box sx={{ width: '100%', maxWidth: 640 }}>
            {isEdit ? (
                // A certificate belongs to its officer for good; a new officer gets a new certificate.
                <Labeled source="officerId">
                    <ReferenceField source="officerId" reference="officers" link={false} />
                </Labeled>
            ) : (
                <ReferenceInput
                    source="officerId"
                    reference="officers"
                    filter={ACTIVE_OFFICERS}
                    sort={{ field: 'name', order: 'ASC' }}
                    perPage={200}
                >
                    <AutocompleteInput
                        optionText={(officer: { name?: string; post?: string }) =>
                            officer.post ? `${officer.name}（${officer.post}）` : String(officer.name)
                        }
                        validate={validate.officerId}
                        helperText="app.certificates.issue_helper"
                    />
                </ReferenceInput>
            )}
            <TextInput source="number" validate={validate.number} autoComplete="off" />
            <TextInput source="issuer" validate={validate.issuer} />
            <DateInput source="issueDate" validate={validate.issueDate} />
            <DateInput source="expiryDate" validate={validate.expiryDate} helperText="app.certificates.expiry_helper" />
        </Box>
    </SimpleForm>
);
