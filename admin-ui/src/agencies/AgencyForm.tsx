import {
    BooleanInput,
    DeleteButton,
    SaveButton,
    SelectInput,
    SimpleForm,
    TextInput,
    Toolbar,
    type SimpleFormProps,
} from 'react-admin';
import { Box } from '@mui/material';
import agencyCreateSchema from '../../../schemas/agency-create.json';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';
import { agencyKindChoices } from './agencyKinds';

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
};

// Agency codes are upper case; typing them in lower case is accepted and converted.
const parseCode = (value: string) => (value === '' ? null : value.toUpperCase());

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
                parse={parseCode}
                helperText="app.agencies.code_helper"
                autoComplete="off"
            />
            <SelectInput source="kind" choices={agencyKindChoices} validate={validate.kind} />
            <TextInput source="county" validate={validate.county} />
            <TextInput source="address" validate={validate.address} />
            <TextInput source="phone" type="tel" validate={validate.phone} />
            <BooleanInput source="active" label="app.status.active" />
        </Box>
    </SimpleForm>
);
