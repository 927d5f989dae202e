import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { StatusChip, type ChipTone } from './StatusChip';

/**
 * A status value as a coloured chip: the label is the translation of `<labelPrefix>.<value>`, the colour
 * comes from `tones` (grey for a value not listed).
 */
export const StatusField = ({
    tones,
    labelPrefix,
    ...props
}: FieldProps & { tones: Record<string, ChipTone>; labelPrefix: string }) => {
    const value = useFieldValue(props);
    const translate = useTranslate();
    if (value === undefined || value === null || value === '') return null;
    return (
        <StatusChip
            label={translate(`${labelPrefix}.${value}`, { _: String(value) })}
            tone={tones[String(value)] ?? 'grey'}
        />
    );
};
