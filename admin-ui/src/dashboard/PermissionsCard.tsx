import {
    Button,
    Card,
    CardContent,
    List,
    ListItem,
    ListItemIcon,
    ListItemText,
    Typography,
} from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import { Link, useTranslate } from 'react-admin';
import { isCountyWide, type SessionUser } from '../providers/session';

// Where each permission leads in the console; permissions without a page yet are listed without a link.
const PERMISSION_PAGES: Record<string, string | undefined> = {
    'agencies:read': '/agencies',
    'agencies:write': '/agencies/create',
    'users:read': '/users',
    'users:write': '/users/create',
    'powers:read': '/powers',
    'powers:write': '/powers/create',
    'officers:read': '/officers',
    'officers:write': '/officers/create',
    'certificates:read': '/certificates',
    'certificates:write': '/certificates/create',
    'reports:read': '/reports/cleanup',
    'cases:read': '/cases',
    'cases:write': '/cases/create',
    'calendar:write': '/calendar',
    'reviews:read': '/reviews',
    'reviews:review': '/reviews',
    'catalog:write': '/major-rules',
};

export const PermissionsCard = ({ user }: { user: SessionUser }) => {
    const translate = useTranslate();
    // Permissions this console version has no words for yet are left out rather than shown as codes.
    const permissions = user.permissions
        .map(permission => ({ permission, label: translate(`app.permissions.${permission}`, { _: '' }) }))
        .filter(({ label }) => label !== '');
    return (
        <Card component="section" aria-labelledby="permissions-title">
            <CardContent>
                <Typography id="permissions-title" variant="h6" component="h2" gutterBottom>
                    {translate('app.dashboard.permissions_title')}
                </Typography>
                {permissions.length === 0 ? (
                    <Typography variant="body2">{translate('app.dashboard.permissions_empty')}</Typography>
                ) : (
                    <>
                        <List dense disablePadding>
                            {permissions.map(({ permission, label }) => {
                                const page = PERMISSION_PAGES[permission];
                                return (
                                    <ListItem
                                        key={permission}
                                        disableGutters
                                        secondaryAction={
                                            page ? (
                                                <Button
                                                    component={Link}
                                                    to={page}
                                                    size="small"
                                                    aria-label={`${translate('app.dashboard.open')}：${label}`}
                                                >
                                                    {translate('app.dashboard.open')}
                                                </Button>
                                            ) : undefined
                                        }
                                    >
                                        <ListItemIcon sx={{ minWidth: 36 }}>
                                            <CheckCircleOutlineIcon color="success" fontSize="small" />
                                        </ListItemIcon>
                                        <ListItemText primary={label} />
                                    </ListItem>
                                );
                            })}
                        </List>
                        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                            {isCountyWide(user)
                                ? translate('app.dashboard.permissions_scope_all')
                                : translate('app.dashboard.permissions_scope_own', {
                                      agency: user.agencyName ?? translate('app.dashboard.no_agency'),
                                  })}
                        </Typography>
                    </>
                )}
            </CardContent>
        </Card>
    );
};
