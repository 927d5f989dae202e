import { DeleteWithConfirmButton, Edit, SaveButton, Toolbar, useCanAccess } from 'react-admin';
import { MajorRuleForm } from './MajorRuleForm';

const MajorRuleToolbar = () => {
    const { canAccess: canDelete } = useCanAccess({ resource: 'major-rules', action: 'delete' });
    return (
        <Toolbar sx={{ justifyContent: 'space-between' }}>
            <SaveButton />
            {canDelete ? (
                <DeleteWithConfirmButton
                    confirmTitle="app.major_rules.delete_title"
                    confirmContent="app.major_rules.delete_content"
                    mutationMode="pessimistic"
                />
            ) : null}
        </Toolbar>
    );
};

export const MajorRuleEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list">
        <MajorRuleForm toolbar={<MajorRuleToolbar />} />
    </Edit>
);
