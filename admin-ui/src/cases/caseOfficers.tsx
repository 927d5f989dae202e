import { useMemo } from 'react';
import { Autocomplete, Box, Chip, TextField, Typography } from '@mui/material';
import {
    InputHelperText,
    useGetList,
    useGetMany,
    useInput,
    useTranslate,
    type Identifier,
    type RaRecord,
    type Validator,
} from 'react-admin';

/** An officer who may be assigned to a case, with what the API says about their certificate now. */
export interface CaseOfficerChoice {
    id: string;
    name: string;
    post?: string;
    /** Holds a certificate whose computed state is "valid" (certificate-validity.ts on the server). */
    valid: boolean;
    /** The certificate state shown when not valid (expired, revoked …; "none" without a certificate). */
    state: string;
    expiryDate?: string;
}

interface CertificateRecord extends RaRecord {
    officerId: string;
    state: string;
    expiryDate?: string;
}

const pickCertificate = (certificates: CertificateRecord[]): CertificateRecord | undefined =>
    certificates.find(c => c.state === 'valid') ??
    [...certificates].sort((a, b) => String(b.expiryDate ?? '').localeCompare(String(a.expiryDate ?? '')))[0];

/**
 * The active officers of an agency and the validity of their certificates (valid and expired certificates
 * of the agency, one request each): what 行政处罚法 art. 42 asks of the officers assigned to a case.
 */
export const useCaseOfficerChoices = (agencyId: string | null | undefined) => {
    const enabled = !!agencyId;
    const { data: officers, isPending: officersPending } = useGetList(
        'officers',
        {
            filter: { agencyId, status: 'active' },
            sort: { field: 'name', order: 'ASC' },
            pagination: { page: 1, perPage: 500 },
        },
        { enabled }
    );
    const { data: certificates, isPending: certificatesPending } = useGetList<CertificateRecord>(
        'certificates',
        {
            filter: { agencyId, status: ['valid', 'expired'] },
            sort: { field: 'expiryDate', order: 'DESC' },
            pagination: { page: 1, perPage: 1000 },
        },
        { enabled }
    );
    const choices = useMemo<CaseOfficerChoice[]>(
        () =>
            (officers ?? []).map(officer => {
                const certificate = pickCertificate(
                    (certificates ?? []).filter(c => String(c.officerId) === String(officer.id))
                );
                return {
                    id: String(officer.id),
                    name: String(officer.name),
                    post: officer.post ? String(officer.post) : undefined,
                    valid: certificate?.state === 'valid',
                    state: certificate?.state ?? 'none',
                    expiryDate: certificate?.expiryDate,
                };
            }),
        [officers, certificates]
    );
    return { choices, isPending: enabled && (officersPending || certificatesPending) };
};

/** 执法证有效（至 2027-03-01） or 无有效执法证（已过期）. */
export const CertificateValidityText = ({ choice }: { choice: CaseOfficerChoice }) => {
    const translate = useTranslate();
    return (
        <Typography variant="caption" sx={{ color: choice.valid ? 'success.dark' : 'error.main' }}>
            {choice.valid
                ? translate('app.cases.certificate_valid_until', { date: choice.expiryDate ?? '—' })
                : translate('app.cases.certificate_invalid', {
                      state: translate(`app.certificate_state.${choice.state}`, {
                          _: translate('app.cases.certificate_none'),
                      }),
                  })}
        </Typography>
    );
};

/**
 * 承办执法人员: several active officers of the agency. Officers without a valid certificate are listed
 * (so users see why) but cannot be chosen; officers already on the case stay shown even if they no longer
 * qualify, so that an edit does not silently drop them.
 */
export const CaseOfficersInput = ({
    agencyId,
    validate,
    helperText,
    source = 'officerIds',
    required = false,
}: {
    agencyId: string | null | undefined;
    validate?: Validator | Validator[];
    helperText?: string;
    source?: string;
    /** Shows the required marker (the validators decide). */
    required?: boolean;
}) => {
    const translate = useTranslate();
    const { field, fieldState, isRequired } = useInput<string[]>({ source, validate, defaultValue: [] });
    const { choices, isPending } = useCaseOfficerChoices(agencyId);
    const selected: string[] = Array.isArray(field.value) ? field.value.map(String) : [];
    // Assigned officers who are no longer active (left, suspended …) still have a name to show.
    const unknownIds = selected.filter(id => !choices.some(c => c.id === id));
    const { data: others } = useGetMany(
        'officers',
        { ids: unknownIds as Identifier[] },
        { enabled: !isPending && unknownIds.length > 0 }
    );
    const options: CaseOfficerChoice[] = [
        ...choices,
        ...(others ?? []).map(o => ({
            id: String(o.id),
            name: String(o.name),
            post: o.post,
            valid: false,
            state: 'officer_inactive',
        })),
    ];
    const value = selected.map(id => options.find(o => o.id === id) ?? { id, name: id, valid: false, state: 'none' });
    const label = translate(`resources.cases.fields.${source}`);
    const error = fieldState.error?.message;
    return (
        <>
            <Autocomplete<CaseOfficerChoice, true, false, false>
                multiple
                options={options}
                value={value}
                loading={isPending}
                filterSelectedOptions
                getOptionLabel={option => option.name}
                getOptionDisabled={option => !option.valid}
                isOptionEqualToValue={(option, v) => option.id === v.id}
                onChange={(_, next) => field.onChange(next.map(o => o.id))}
                onBlur={field.onBlur}
                renderOption={({ key, ...props }, option) => (
                    <Box component="li" key={key} {...props}>
                        <Box>
                            <Typography variant="body2">
                                {option.name}
                                {option.post ? `（${option.post}）` : ''}
                            </Typography>
                            <CertificateValidityText choice={option} />
                        </Box>
                    </Box>
                )}
                renderValue={(items, getItemProps) =>
                    items.map((option, index) => {
                        const { key, ...itemProps } = getItemProps({ index });
                        return (
                            <Chip
                                key={key}
                                size="small"
                                label={option.name}
                                color={option.valid ? 'default' : 'error'}
                                variant={option.valid ? 'filled' : 'outlined'}
                                {...itemProps}
                            />
                        );
                    })
                }
                renderInput={params => (
                    <TextField
                        {...params}
                        name={field.name}
                        inputRef={field.ref}
                        label={label}
                        // The marker only: a `required` attribute on the text input would make the browser
                        // refuse to submit, since the chosen officers are chips and the input stays empty.
                        InputLabelProps={{ ...params.InputLabelProps, required: isRequired || required }}
                        error={!!error}
                        helperText={<InputHelperText error={error} helperText={helperText} />}
                        margin="dense"
                    />
                )}
                sx={{ width: '100%', mb: 1 }}
            />
            {value.length && !isPending ? (
                <Box component="ul" aria-label={label} sx={{ listStyle: 'none', m: 0, p: 0 }}>
                    {value.map(choice => (
                        <Box
                            component="li"
                            key={choice.id}
                            sx={{ display: 'flex', gap: 1, alignItems: 'baseline', py: 0.25 }}
                        >
                            <Typography variant="body2">{choice.name}</Typography>
                            <CertificateValidityText choice={choice} />
                        </Box>
                    ))}
                </Box>
            ) : null}
        </>
    );
};
