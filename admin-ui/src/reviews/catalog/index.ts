import ListAltOutlinedIcon from '@mui/icons-material/ListAltOutlined';
import type { RaRecord } from 'react-admin';
import { MajorRuleCreate } from './MajorRuleCreate';
import { MajorRuleEdit } from './MajorRuleEdit';
import { MajorRuleList } from './MajorRuleList';

// 重大执法决定目录清单: per-agency rules that make a decision major (DOMAIN.md §6).
export default {
    list: MajorRuleList,
    create: MajorRuleCreate,
    edit: MajorRuleEdit,
    icon: ListAltOutlinedIcon,
    recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
