import { Typography } from '@mui/material';
import {
    ReferenceField,
    useCanAccess,
    useFieldValue,
    type FieldProps,
} from 'react-admin';
import { useSessionUser } from '../providers/useSessionUser';

/**
 * The user's agency, linked to the agency page. Someone without `agencies:read` still sees the name of
 * their own agency (it comes with their session); other agencies are out of their scope anyway.
 */
export const UserAgencyField = (props: Partial<FieldProps>) => {
    const source = props.source ?? 'agencyId';
    const agencyId = useFieldValue({ ...props, source });
    const me = useSessionUser();
    const { canAccess, isPending } = useCanAccess({ resource: 'agencies', action: 'show' });
    if (isPending) return null;
    if (canAccess) {
        return <ReferenceField source={source} reference="agencies" link="show" />;
    }
    return (
        <Typography component="span" variant="body2">
            {agencyId != null && agencyId === me?.agencyId ? me?.agencyName : agencyId}
        </Typography>
    );
};
