import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { RaRecord } from 'react-admin';
import { AgencyCreate } from './AgencyCreate';
import { AgencyEdit } from './AgencyEdit';
import { AgencyList } from './AgencyList';
import { AgencyShow } from './AgencyShow';

// 机关单位: the county legal office (司法局) and the enforcement agencies it supervises.
export default {
    list: AgencyList,
    show: AgencyShow,
    create: AgencyCreate,
    edit: AgencyEdit,
    icon: AccountBalanceIcon,
    recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
