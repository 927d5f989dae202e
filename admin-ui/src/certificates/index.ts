import CardMembershipIcon from '@mui/icons-material/CardMembership';
import type { RaRecord } from 'react-admin';
import { CertificateCreate } from './CertificateCreate';
import { CertificateEdit } from './CertificateEdit';
import { CertificateList } from './CertificateList';
import { CertificateShow } from './CertificateShow';

// 行政执法证: issued to officers; valid only while in force, in date, and held by an officer on duty in an
// announced agency (computed by the API as `state`). Each has a QR code for the public check (扫码亮证).
export default {
    list: CertificateList,
    show: CertificateShow,
    create: CertificateCreate,
    edit: CertificateEdit,
    icon: CardMembershipIcon,
    recordRepresentation: (record: RaRecord) => String(record.number ?? record.id),
};
export { CertificatePrint } from './CertificatePrint';
