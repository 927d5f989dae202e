/**
 * sx for a SimpleShowLayout that lays its fields out in columns on wider screens instead of one long
 * column. Fields named in `wide` (long texts) span the whole row.
 */
export const showLayoutGrid = (wide: string[] = []) => ({
    '& .RaSimpleShowLayout-stack': {
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(3, minmax(0, 1fr))' },
        columnGap: 3,
        rowGap: 1.5,
    },
    '& .RaSimpleShowLayout-stack > *': { margin: 0 },
    ...Object.fromEntries(wide.map(field => [`& .ra-field-${field}`, { gridColumn: '1 / -1' }])),
});
