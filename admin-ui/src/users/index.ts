import PeopleIcon from '@mui/icons-material/People';
import type { RaRecord } from 'react-admin';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

// 用户账号: the people who sign in to the console, each in one agency with one or more roles.
export default {
    list: UserList,
    show: UserShow,
    create: UserCreate,
    edit: UserEdit,
    icon: PeopleIcon,
    recordRepresentation: (record: RaRecord) =>
        record.displayName ? `${record.displayName} (${record.username})` : String(record.username ?? record.id),
};
