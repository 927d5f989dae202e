import { Chip, Stack } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** An array of plain strings (enforcement areas …) as small chips. */
export const StringChipsField = (props: FieldProps) => {
    const value = useFieldValue(props);
    const items: string[] = Array.isArray(value) ? value : [];
    if (!items.length) return <span>—</span>;
    return (
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
            {items.map(item => (
                <Chip key={item} size="small" label={item} />
            ))}
        </Stack>
    );
};
