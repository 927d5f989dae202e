import {
    DeleteButton,
    EditButton,
    Labeled,
    ReferenceField,
    SelectField,
    Show,
    SimpleShowLayout,
    TextField,
    TopToolbar,
    useCanAccess,
} from 'react-admin';
import { categoryChoices } from '../agencies/enforcementSubject';
import { ActiveField } from '../fields/ActiveField';
import { DateTimeField } from '../fields/DateTimeField';
import { showLayoutGrid } from '../fields/showLayoutGrid';
import { LegalBasisField } from './LegalBasisField';

const PowerShowActions = () => {
    const { canAccess: canEdit } = useCanAccess({ resource: 'powers', action: 'edit' });
    if (!canEdit) return null;
    return (
        <TopToolbar>
            <EditButton />
            <DeleteButton mutationMode="pessimistic" />
        </TopToolbar>
    );
};

const multiline = { whiteSpace: 'pre-wrap' } as const;

export const PowerShow = () => (
    <Show actions={<PowerShowActions />}>
        <SimpleShowLayout sx={showLayoutGrid(['name', 'legalBasis', 'procedure', 'discretionStandard', 'remedy'])}>
            <ReferenceField source="agencyId" reference="agencies" link="show" />
            <TextField source="code" emptyText="—" />
            <TextField source="name" />
            <SelectField source="category" choices={categoryChoices} />
            <Labeled source="legalBasis">
                <LegalBasisField source="legalBasis" />
            </Labeled>
            <TextField source="procedure" emptyText="—" sx={multiline} />
            <TextField source="timeLimit" emptyText="—" />
            <TextField source="discretionStandard" emptyText="—" sx={multiline} />
            <TextField source="remedy" emptyText="—" sx={multiline} />
            <ActiveField source="active" />
            <DateTimeField source="createdAt" />
            <DateTimeField source="updatedAt" />
        </SimpleShowLayout>
    </Show>
);
