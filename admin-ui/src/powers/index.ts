import ChecklistIcon from '@mui/icons-material/Checklist';
import type { RaRecord } from 'react-admin';
import { PowerCreate } from './PowerCreate';
import { PowerEdit } from './PowerEdit';
import { PowerList } from './PowerList';
import { PowerShow } from './PowerShow';

// 权责清单 (执法事项清单): the enforcement powers of each agency, published once the agency is announced.
export default {
    list: PowerList,
    show: PowerShow,
    create: PowerCreate,
    edit: PowerEdit,
    icon: ChecklistIcon,
    recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
