import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import type { RaRecord } from 'react-admin';
import { CaseCreate } from './CaseCreate';
import { CaseEdit } from './CaseEdit';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

// 案件: the enforcement case from filing (立案) to archiving (归档), with its written records and timeline.
export default {
    list: CaseList,
    show: CaseShow,
    create: CaseCreate,
    edit: CaseEdit,
    icon: FolderOpenIcon,
    recordRepresentation: (record: RaRecord) => String(record.number ?? record.id),
};
