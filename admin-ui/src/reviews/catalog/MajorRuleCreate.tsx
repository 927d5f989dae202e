import { Create } from 'react-admin';
import { MajorRuleForm } from './MajorRuleForm';

export const MajorRuleCreate = () => (
    <Create redirect="list">
        <MajorRuleForm />
    </Create>
);
