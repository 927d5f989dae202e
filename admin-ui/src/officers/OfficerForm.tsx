import { Box, TextField as MuiTextField } from '@mui/material';
import {
    AutocompleteInput,
    BooleanInput,
    FormDataConsumer,
    Labeled,
    ReferenceField,
    ReferenceInput,
    SaveButton,
    SelectInput,
    SimpleForm,
    TextArrayInput,
    TextInput,
    Toolbar,
    required,
    useCanAccess,
    useRecordContext,
    useTranslate,
    type SimpleFormProps,
} from 'react-admin';
import officerCreateSchema from '../../../schemas/officer-create.json';
import { EnforcementAgencyInput } from '../agencies/EnforcementAgencyInput';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { schemaValidators, type ObjectSchema } from '../validation/schemaValidation';
import { EDITABLE_OFFICER_STATUSES, officerStatusChoices } from './officerStatuses';

// Same rules as the API (schemas/officer-create.json).
const schema = officerCreateSchema as ObjectSchema;
const validate = {
    name: schemaValidators(schema, 'name'),
    post: schemaValidators(schema, 'post'),
    legalQualificationNumber: schemaValidators(schema, 'legalQualificationNumber'),
    agencyId: [required()],
};

// Officers are added to an agency; moving them to another one is a transfer (调动), not an edit.
const AgencyInput = ({ isEdit }: { isEdit: boolean }) => {
    const me = useSessionUser();
    const translate = useTranslate();
    if (isEdit) {
        return (
            <Labeled source="agencyId">
                <ReferenceField source="agencyId" reference="agencies" link={false} />
            </Labeled>
        );
    }
    if (isCountyWide(me)) return <EnforcementAgencyInput source="agencyId" validate={validate.agencyId} />;
    return (
        <MuiTextField
            label={translate('resources.officers.fields.agencyId')}
            value={me?.agencyName ?? ''}
            helperText={translate('app.officers.agency_fixed_helper')}
            slotProps={{ input: { readOnly: true } }}
            disabled
            fullWidth
            sx={{ mb: 1 }}
        />
    );
};

/** The officer's sign-in account: one of the accounts of the officer's agency (optional). */
const UserInput = ({ agencyId }: { agencyId?: string }) => {
    const { canAccess } = useCanAccess({ resource: 'users', action: 'list' });
    if (!canAccess || !agencyId) return null;
    return (
        <ReferenceInput
            source="userId"
            reference="users"
            filter={{ agencyId }}
            sort={{ field: 'username', order: 'ASC' }}
            perPage={200}
        >
            <AutocompleteInput
                optionText={(user: { displayName?: string; username?: string }) => `${user.displayName} (${user.username})`}
                helperText="app.officers.user_helper"
            />
        </ReferenceInput>
    );
};

const FormToolbar = () => (
    <Toolbar>
        <SaveButton alwaysEnable />
    </Toolbar>
);

export const OfficerForm = ({
    isEdit = false,
    ...props
}: Omit<SimpleFormProps, 'children'> & { isEdit?: boolean }) => {
    const record = useRecordContext();
    return (
        <SimpleForm toolbar={<FormToolbar />} {...props}>
            <Box sx={{ width: '100%', maxWidth: 640 }}>
                <TextInput source="name" validate={validate.name} />
                <AgencyInput isEdit={isEdit} />
                <TextInput source="post" validate={validate.post} />
                <TextArrayInput source="areas" helperText="app.officers.areas_helper" />
                <BooleanInput source="legalQualification" helperText="app.officers.legal_qualification_helper" />
                <FormDataConsumer<{ legalQualification?: boolean; agencyId?: string }>>
                    {({ formData }) => (
                        <>
                            {formData.legalQualification ? (
                                <TextInput source="legalQualificationNumber" validate={validate.legalQualificationNumber} />
                            ) : null}
                            <UserInput agencyId={formData.agencyId ?? record?.agencyId} />
                        </>
                    )}
                </FormDataConsumer>
                <SelectInput
                    source="status"
                    choices={officerStatusChoices(EDITABLE_OFFICER_STATUSES)}
                    validate={required()}
                    helperText="app.officers.status_helper"
                />
            </Box>
        </SimpleForm>
    );
};
