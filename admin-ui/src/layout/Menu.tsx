import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/** The resources the user may list, then the pages that are not resources (reports). */
export const Menu = () => {
    const { canAccess: canReadReports } = useCanAccess({ resource: 'reports', action: 'list' });
    return (
        <RaMenu>
            <RaMenu.DashboardItem />
            <RaMenu.ResourceItems />
            {canReadReports ? (
                <RaMenu.Item
                    to="/reports/cleanup"
                    primaryText="app.menu.cleanup_report"
                    leftIcon={<FactCheckOutlinedIcon />}
                />
            ) : null}
        </RaMenu>
    );
};
