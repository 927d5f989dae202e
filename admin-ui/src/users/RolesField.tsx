import { Chip, Stack } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { ROLE_COLORS, type Role } from './roles';

export const RoleChip = ({ role }: { role: string }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            label={translate(`app.roles.${role}`, { _: role })}
            sx={{ bgcolor: ROLE_COLORS[role as Role] ?? 'grey.600', color: '#fff' }}
        />
    );
};

export const RoleChips = ({ roles }: { roles: readonly string[] }) => (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
        {roles.map(role => (
            <RoleChip key={role} role={role} />
        ))}
    </Stack>
);

export const RolesField = (props: FieldProps) => {
    const value = useFieldValue(props);
    return <RoleChips roles={Array.isArray(value) ? value : []} />;
};
