import { AutocompleteInput, ReferenceInput, useGetList, type Validator } from 'react-admin';

// Only enforcement agencies hold power lists, officers and certificates; the legal office does not.
const ENFORCEMENT_ONLY = { kind: 'enforcement' };

/** Chooses an enforcement agency (for county-wide users: supervisors). */
export const EnforcementAgencyInput = ({
    source = 'agencyId',
    label,
    validate,
    alwaysOn,
    helperText,
    sx,
}: {
    source?: string;
    label?: string;
    validate?: Validator | Validator[];
    alwaysOn?: boolean;
    helperText?: string | false;
    sx?: object;
}) => (
    <ReferenceInput
        source={source}
        reference="agencies"
        filter={ENFORCEMENT_ONLY}
        sort={{ field: 'name', order: 'ASC' }}
        perPage={200}
        alwaysOn={alwaysOn}
    >
        <AutocompleteInput
            optionText="name"
            label={label}
            validate={validate}
            helperText={helperText}
            sx={{ minWidth: 260, ...sx }}
        />
    </ReferenceInput>
);

/** The enforcement agencies as { id, name } choices for plain selects (dialogs). */
export const useEnforcementAgencyChoices = (enabled = true) => {
    const { data } = useGetList(
        'agencies',
        { filter: ENFORCEMENT_ONLY, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
        { enabled }
    );
    return (data ?? []).map(agency => ({ id: String(agency.id), name: String(agency.name) }));
};
