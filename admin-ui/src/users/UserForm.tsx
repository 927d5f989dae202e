import { Box, TextField as MuiTextField } from '@mui/material';
import {
    AutocompleteInput,
    BooleanInput,
    CheckboxGroupInput,
    DeleteButton,
    FormDataConsumer,
    PasswordInput,
    ReferenceInput,
    required,
    SaveButton,
    SimpleForm,
    TextInput,
    Toolbar,
    useGetOne,
    useRecordContext,
    useTranslate,
    type SimpleFormProps,
} from 'react-admin';
import userCreateSchema from '../../../schemas/user-create.json';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';
import { assignableRoles, fitsAgencyKind, roleChoices, ROLES } from './roles';

// Same rules as the API (schemas/user-create.json, and the password rule of the user service).
const schema = userCreateSchema as ObjectSchema;
const passwordMixesLettersAndDigits = (value: unknown) =>
    typeof value === 'string' && value !== '' && !(/[A-Za-z]/.test(value) && /\d/.test(value))
        ? 'app.validation.password_mix'
        : undefined;
const validate = {
    username: schemaValidators(schema, 'username'),
    displayName: schemaValidators(schema, 'displayName'),
    newPassword: [...schemaValidators(schema, 'password'), passwordMixesLettersAndDigits],
    // On edit an empty password keeps the current one (the length validators ignore empty values).
    resetPassword: [
        ...schemaValidators(schema, 'password', { required: false }),
        passwordMixesLettersAndDigits,
    ],
    roles: [required('app.validation.roles_required')],
    agencyId: [required()],
    phone: schemaValidators(schema, 'phone'),
};

/**
 * A supervisor places a user in any agency. An agency administrator manages only their own agency's
 * users: the agency is fixed to theirs (the form value comes from the default values).
 */
const AgencyInput = () => {
    const me = useSessionUser();
    const translate = useTranslate();
    if (isCountyWide(me)) {
        return (
            <ReferenceInput source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
                <AutocompleteInput optionText="name" validate={validate.agencyId} />
            </ReferenceInput>
        );
    }
    return (
        <MuiTextField
            label={translate('resources.users.fields.agencyId')}
            value={me?.agencyName ?? ''}
            helperText={translate('app.users.agency_fixed_helper')}
            slotProps={{ input: { readOnly: true } }}
            disabled
        />
    );
};

// A new record's form keeps its save button enabled, so that pressing it shows what is missing.
const CreateToolbar = () => (
    <Toolbar>
        <SaveButton alwaysEnable />
    </Toolbar>
);

/**
 * The roles offered: those the signed-in user may grant and that fit the kind of the chosen agency,
 * plus any role already ticked (so that it can be unticked).
 */
const RolesInput = ({ agencyId, ticked }: { agencyId?: string; ticked: string[] }) => {
    const me = useSessionUser();
    const countyWide = isCountyWide(me);
    const { data: agency } = useGetOne(
        'agencies',
        { id: agencyId ?? '' },
        { enabled: countyWide && !!agencyId }
    );
    const kind = countyWide ? (agency?.kind as string | undefined) : me?.agencyKind;
    const allowed = assignableRoles(me?.roles ?? []);
    const choices = roleChoices(
        ROLES.filter(
            role => (allowed.includes(role) && fitsAgencyKind(role, kind)) || ticked.includes(role)
        )
    );
    return (
        <CheckboxGroupInput
            source="roles"
            choices={choices}
            validate={validate.roles}
            helperText="app.users.roles_helper"
        />
    );
};

const EditToolbar = () => {
    const record = useRecordContext();
    const me = useSessionUser();
    return (
        <Toolbar sx={{ justifyContent: 'space-between' }}>
            <SaveButton />
            {/* One cannot delete the account one is signed in with. */}
            {record && record.id !== me?.id ? <DeleteButton mutationMode="pessimistic" /> : null}
        </Toolbar>
    );
};

export const UserForm = ({
    isEdit = false,
    ...props
}: Omit<SimpleFormProps, 'children'> & { isEdit?: boolean }) => {
    return (
        <SimpleForm toolbar={isEdit ? <EditToolbar /> : <CreateToolbar />} {...props}>
            <Box sx={{ width: '100%', maxWidth: 640 }}>
                <TextInput
                    source="username"
                    validate={validate.username}
                    helperText="app.users.username_helper"
                    autoComplete="off"
                />
                <TextInput source="displayName" validate={validate.displayName} />
                <PasswordInput
                    source="password"
                    validate={isEdit ? validate.resetPassword : validate.newPassword}
                    helperText={isEdit ? 'app.users.password_helper_edit' : 'app.users.password_helper_create'}
                    autoComplete="new-password"
                />
                <AgencyInput />
                <FormDataConsumer<{ agencyId?: string; roles?: string[] }>>
                    {({ formData }) => (
                        <RolesInput agencyId={formData.agencyId} ticked={formData.roles ?? []} />
                    )}
                </FormDataConsumer>
                <TextInput source="phone" type="tel" validate={validate.phone} />
                <BooleanInput source="active" label="app.status.active" />
            </Box>
        </SimpleForm>
    );
};
