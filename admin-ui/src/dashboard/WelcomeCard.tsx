import { Avatar, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { useTranslate } from 'react-admin';
import type { SessionUser } from '../providers/session';
import { RoleChips } from '../users/RolesField';

export const WelcomeCard = ({ user }: { user: SessionUser }) => {
    const translate = useTranslate();
    return (
        <Card component="section" aria-labelledby="welcome-title">
            <CardContent>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                    <Avatar sx={{ bgcolor: 'primary.main', width: 48, height: 48 }} aria-hidden>
                        {user.displayName.slice(0, 1)}
                    </Avatar>
                    <Box sx={{ minWidth: 0 }}>
                        <Typography id="welcome-title" variant="h5" component="h2">
                            {translate('app.dashboard.welcome', { name: user.displayName })}
                        </Typography>
                        <Typography variant="body2" color="text.secondary">
                            {translate('app.dashboard.username')}：{user.username}
                        </Typography>
                    </Box>
                </Stack>
                <Box component="dl" sx={{ mt: 2, mb: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1 }}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                        {translate('app.dashboard.agency')}
                    </Typography>
                    <Typography component="dd" variant="body1" sx={{ m: 0, display: 'flex', alignItems: 'center', gap: 0.5 }}>
                        <AccountBalanceIcon fontSize="small" color="action" aria-hidden />
                        {user.agencyName ?? translate('app.dashboard.no_agency')}
                    </Typography>
                    <Typography component="dt" variant="body2" color="text.secondary">
                        {translate('app.dashboard.roles')}
                    </Typography>
                    <Box component="dd" sx={{ m: 0 }}>
                        {user.roles.length > 0 ? (
                            <RoleChips roles={user.roles} />
                        ) : (
                            <Typography variant="body2">{translate('app.dashboard.no_roles')}</Typography>
                        )}
                    </Box>
                </Box>
            </CardContent>
        </Card>
    );
};
