import { Box } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

export interface LegalBasis {
    law: string;
    article?: string;
}

/** 《中华人民共和国食品安全法》第一百二十二条, the way legal documents cite a provision. */
export const formatLegalBasis = (basis: LegalBasis): string => `《${basis.law}》${basis.article ?? ''}`;

/** Every legal basis on its own line; `compact` shows the first one and how many more there are. */
export const LegalBasisField = ({ compact = false, ...props }: FieldProps & { compact?: boolean }) => {
    const value = useFieldValue(props);
    const translate = useTranslate();
    const bases: LegalBasis[] = Array.isArray(value) ? value : [];
    if (!bases.length) return <span>—</span>;
    if (compact) {
        return (
            <Box component="span" sx={{ fontSize: 'body2.fontSize' }}>
                {formatLegalBasis(bases[0])}
                {bases.length > 1
                    ? ` ${translate('app.powers.more_bases', { total: bases.length, more: bases.length - 1 })}`
                    : ''}
            </Box>
        );
    }
    return (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {bases.map((basis, index) => (
                <li key={`${basis.law}-${index}`}>{formatLegalBasis(basis)}</li>
            ))}
        </Box>
    );
};
