import BadgeIcon from '@mui/icons-material/Badge';
import type { RaRecord } from 'react-admin';
import { OfficerCreate } from './OfficerCreate';
import { OfficerEdit } from './OfficerEdit';
import { OfficerList } from './OfficerList';
import { OfficerShow } from './OfficerShow';

// 执法人员: the people who enforce, each in one agency; a move to another agency is a transfer (调动, 换证).
export default {
    list: OfficerList,
    show: OfficerShow,
    create: OfficerCreate,
    edit: OfficerEdit,
    icon: BadgeIcon,
    recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
