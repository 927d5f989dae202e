import { Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

// What the platform is for (DOMAIN.md §4–6), for users who land here for the first time.
export const ThreeSystemsCard = () => {
    const translate = useTranslate();
    return (
        <Card component="section" aria-labelledby="three-systems-title">
            <CardContent>
                <Typography id="three-systems-title" variant="h6" component="h2" gutterBottom>
                    {translate('app.dashboard.systems_title')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    {translate('app.dashboard.systems_intro')}
                </Typography>
                <List dense>
                    {['system_publicity', 'system_recording', 'system_legal_review'].map(key => (
                        <ListItem key={key} disableGutters>
                            <ListItemText primary={translate(`app.dashboard.${key}`)} />
                        </ListItem>
                    ))}
                </List>
            </CardContent>
        </Card>
    );
};
