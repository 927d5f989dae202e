import { Chip, Stack } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** Enforcement categories (行政许可, 行政处罚 …) as outlined chips. */
export const CategoriesField = (props: FieldProps & { emptyText?: string }) => {
    const value = useFieldValue(props);
    const translate = useTranslate();
    const categories: string[] = Array.isArray(value) ? value : value ? [String(value)] : [];
    if (!categories.length) return <span>{props.emptyText ?? '—'}</span>;
    return (
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
            {categories.map(category => (
                <Chip
                    key={category}
                    size="small"
                    variant="outlined"
                    color="primary"
                    label={translate(`app.categories.${category}`, { _: category })}
                />
            ))}
        </Stack>
    );
};
