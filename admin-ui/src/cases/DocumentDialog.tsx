import { useEffect, useMemo, useState } from 'react';
import { Autocomplete, MenuItem, Stack, TextField } from '@mui/material';
import {
    useDataProvider,
    useGetList,
    useNotify,
    useRefresh,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { FormDialog } from '../dialogs/FormDialog';
import { calendarDate } from '../fields/calendarDate';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { DOCUMENT_TYPES } from './caseVocabulary';
import { ScanFilePicker, scanProblem, uploadScan, type CaseDocumentRecord } from './documentScans';

interface Values {
    type: string;
    title: string;
    number: string;
    date: string;
    officerIds: string[];
    summary: string;
    reason: string;
}

const initialValues = (document: CaseDocumentRecord | undefined, caseOfficerIds: string[]): Values => ({
    type: document?.type ?? '',
    title: document?.title ?? '',
    number: document?.number ?? '',
    date: document?.date ?? calendarDate(),
    officerIds: document?.officerIds?.map(String) ?? caseOfficerIds,
    summary: document?.summary ?? '',
    reason: '',
});

/**
 * 添加文书 (no `document`) or 更正文书 (a new version of `document`, with a reason). The scan is optional and
 * sent after the record is saved, with a progress bar. Field errors of the API appear next to the inputs.
 */
export const DocumentDialog = ({
    open,
    onClose,
    caseRecord,
    document,
    officerNames,
}: {
    open: boolean;
    onClose: () => void;
    caseRecord: RaRecord;
    /** The version to correct; absent to add a new document. */
    document?: CaseDocumentRecord;
    /** Names of officers already mentioned on the case's documents (some may no longer be active). */
    officerNames: Record<string, string>;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const isCorrection = !!document;
    const caseOfficerIds = useMemo(
        () => ((caseRecord.officerIds ?? []) as string[]).map(String),
        [caseRecord.officerIds]
    );
    const [values, setValues] = useState<Values>(() => initialValues(document, caseOfficerIds));
    const [file, setFile] = useState<File | null>(null);
    const [progress, setProgress] = useState<number | null>(null);

    const { data: activeOfficers } = useGetList(
        'officers',
        {
            filter: { agencyId: caseRecord.agencyId, status: 'active' },
            sort: { field: 'name', order: 'ASC' },
            pagination: { page: 1, perPage: 500 },
        },
        { enabled: open }
    );
    const officerOptions = useMemo(() => {
        const names: Record<string, string> = { ...officerNames };
        for (const officer of activeOfficers ?? []) names[String(officer.id)] = String(officer.name);
        return Object.entries(names)
            .map(([id, name]) => ({ id, name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    }, [activeOfficers, officerNames]);

    useEffect(() => {
        if (open) {
            setValues(initialValues(document, caseOfficerIds));
            setFile(null);
            setProgress(null);
        }
    }, [open]);

    const set = <K extends keyof Values>(name: K, value: Values[K]) => setValues(v => ({ ...v, [name]: value }));

    const check = (): Record<string, string> => {
        const found: Record<string, string> = {};
        if (!isCorrection && !values.type) found.type = translate('ra.validation.required');
        if (!values.date) found.date = translate('ra.validation.required');
        if (isCorrection && values.reason.trim().length < 2)
            found.reason = translate('ra.validation.minLength', { min: 2 });
        if (file) {
            const problem = scanProblem(file);
            if (problem) found.file = translate(problem);
        }
        return found;
    };

    // A correction sends the reason and only what changed.
    const body = (): Record<string, unknown> => {
        const fields = {
            title: values.title.trim(),
            number: values.number.trim(),
            date: values.date,
            officerIds: values.officerIds,
            summary: values.summary.trim(),
        };
        if (!document) {
            return Object.fromEntries(
                Object.entries({ caseId: caseRecord.id, type: values.type, ...fields }).filter(([, v]) => v !== '')
            );
        }
        const changed = Object.entries(fields).filter(([key, value]) => {
            const before = document[key as keyof CaseDocumentRecord];
            if (Array.isArray(value))
                return (
                    JSON.stringify([...value].sort()) !==
                    JSON.stringify([...((before as string[]) ?? [])].map(String).sort())
                );
            return value !== (before ?? '') && value !== '';
        });
        return { reason: values.reason.trim(), ...Object.fromEntries(changed) };
    };

    // The scan goes once the record is saved; a refused record keeps the dialog open with the API's errors.
    const save = async () => {
        const saved = document
            ? (
                  await dataProvider.postAction<CaseDocumentRecord>(
                      'case-documents',
                      String(document.id),
                      'corrections',
                      body()
                  )
              ).data
            : ((await dataProvider.create('case-documents', { data: body() })).data as CaseDocumentRecord);
        if (file) {
            setProgress(0);
            try {
                await uploadScan(String(saved.id), file, setProgress);
            } catch (error) {
                // The record is saved; the scan can be attached again from the list.
                notify(translate('app.documents.saved_upload_failed', { error: (error as Error).message }), {
                    type: 'warning',
                });
                onClose();
                refresh();
                return;
            }
        }
        notify(isCorrection ? 'app.documents.corrected' : 'app.documents.added', { type: 'success' });
        onClose();
        refresh();
    };

    const typeLabel = (type: string) => translate(`app.document_types.${type}`, { _: type });
    const title = document
        ? translate('app.documents.correct_title', { type: typeLabel(document.type), version: document.version })
        : translate('app.documents.add_title');

    return (
        <FormDialog
            open={open}
            title={title}
            warning={isCorrection ? translate('app.documents.correct_hint') : undefined}
            warningSeverity="info"
            validate={check}
            submitLabel={translate(isCorrection ? 'app.documents.correct_submit' : 'app.documents.add_submit')}
            onSubmit={save}
            onClose={onClose}
        >
            {({ errors, setError, saving }) => (
                <>
                    {isCorrection ? (
                        <TextField
                            name="reason"
                            label={translate('app.documents.reason')}
                            value={values.reason}
                            onChange={e => set('reason', e.target.value)}
                            required
                            multiline
                            minRows={2}
                            autoFocus
                            error={!!errors.reason}
                            helperText={errors.reason ?? translate('app.documents.reason_helper')}
                            slotProps={{ htmlInput: { maxLength: 1000 } }}
                        />
                    ) : (
                        <TextField
                            name="type"
                            select
                            label={translate('resources.case-documents.fields.type')}
                            value={values.type}
                            onChange={e => {
                                const type = e.target.value;
                                // The title defaults to the type's name until the user writes another one.
                                setValues(v => ({
                                    ...v,
                                    type,
                                    title: !v.title || v.title === typeLabel(v.type) ? typeLabel(type) : v.title,
                                }));
                            }}
                            required
                            autoFocus
                            error={!!errors.type}
                            helperText={errors.type}
                        >
                            {DOCUMENT_TYPES.map(type => (
                                <MenuItem key={type} value={type}>
                                    {typeLabel(type)}
                                </MenuItem>
                            ))}
                        </TextField>
                    )}
                    <TextField
                        name="title"
                        label={translate('resources.case-documents.fields.title')}
                        value={values.title}
                        onChange={e => set('title', e.target.value)}
                        error={!!errors.title}
                        helperText={errors.title}
                        slotProps={{ htmlInput: { maxLength: 200 } }}
                    />
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                        <TextField
                            name="number"
                            label={translate('resources.case-documents.fields.number')}
                            value={values.number}
                            onChange={e => set('number', e.target.value)}
                            error={!!errors.number}
                            helperText={errors.number}
                            slotProps={{ htmlInput: { maxLength: 100 } }}
                            fullWidth
                            sx={{ flex: 2 }}
                        />
                        <TextField
                            name="date"
                            type="date"
                            label={translate('resources.case-documents.fields.date')}
                            value={values.date}
                            onChange={e => set('date', e.target.value)}
                            required
                            error={!!errors.date}
                            helperText={errors.date}
                            slotProps={{ inputLabel: { shrink: true } }}
                            fullWidth
                            sx={{ flex: 1 }}
                        />
                    </Stack>
                    <Autocomplete
                        multiple
                        options={officerOptions}
                        value={values.officerIds.map(
                            id => officerOptions.find(o => o.id === id) ?? { id, name: officerNames[id] ?? id }
                        )}
                        getOptionLabel={option => option.name}
                        isOptionEqualToValue={(option, value) => option.id === value.id}
                        filterSelectedOptions
                        onChange={(_, next) =>
                            set(
                                'officerIds',
                                next.map(o => o.id)
                            )
                        }
                        renderInput={params => (
                            <TextField
                                {...params}
                                name="officerIds"
                                label={translate('resources.case-documents.fields.officerIds')}
                                error={!!errors.officerIds}
                                helperText={errors.officerIds ?? translate('app.documents.officers_helper')}
                            />
                        )}
                    />
                    <TextField
                        name="summary"
                        label={translate('resources.case-documents.fields.summary')}
                        value={values.summary}
                        onChange={e => set('summary', e.target.value)}
                        multiline
                        minRows={3}
                        error={!!errors.summary}
                        helperText={errors.summary}
                        slotProps={{ htmlInput: { maxLength: 5000 } }}
                    />
                    <ScanFilePicker
                        file={file}
                        onChange={(chosen, problem) => {
                            setFile(chosen);
                            setError('file', problem);
                        }}
                        error={errors.file}
                        progress={progress}
                        disabled={saving}
                        label={isCorrection ? 'app.documents.choose_file_new_version' : 'app.documents.choose_file'}
                    />
                </>
            )}
        </FormDialog>
    );
};
