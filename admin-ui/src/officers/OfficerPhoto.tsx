import { useRef, useState } from 'react';
import { Box, Button, CircularProgress, Typography } from '@mui/material';
import AddAPhotoOutlinedIcon from '@mui/icons-material/AddAPhotoOutlined';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ApiImage } from '../fields/ApiImage';
import { API_URL } from '../providers/dataProvider';
import { uploadFile } from '../providers/fileTransfer';

// Same limits as the API (officer.routes.ts: PHOTO_TYPES, 2 MB).
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

const photoFrame = { width: 150, height: 200, borderRadius: 1, border: 1, borderColor: 'divider', bgcolor: 'grey.100' };

/** The officer's photo (fetched with the auth header), or a placeholder. */
export const OfficerPhoto = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    if (!record.hasPhoto) {
        return (
            <Box sx={{ ...photoFrame, display: 'grid', placeItems: 'center', color: 'text.secondary', textAlign: 'center' }}>
                <Box>
                    <PersonOutlineIcon sx={{ fontSize: 48 }} aria-hidden />
                    <Typography variant="caption" component="p">
                        {translate('app.officers.no_photo')}
                    </Typography>
                </Box>
            </Box>
        );
    }
    return (
        <ApiImage
            url={`${API_URL}/officers/${record.id}/photo`}
            // A new upload changes updatedAt: fetch the new image.
            version={record.updatedAt}
            alt={translate('app.officers.photo_alt', { name: record.name })}
            failedText={translate('app.officers.photo_failed')}
            sx={{ ...photoFrame, objectFit: 'cover' }}
        />
    );
};

/** 上传照片: PUT /api/officers/:id/photo (multipart field "photo"), checked here first for type and size. */
export const UploadPhotoButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const input = useRef<HTMLInputElement>(null);
    const [uploading, setUploading] = useState(false);
    if (!record) return null;

    const upload = async (file: File) => {
        if (!PHOTO_TYPES.includes(file.type)) {
            notify('app.officers.photo_bad_type', { type: 'error' });
            return;
        }
        if (file.size > PHOTO_MAX_BYTES) {
            notify('app.officers.photo_too_large', { type: 'error' });
            return;
        }
        setUploading(true);
        try {
            await uploadFile({ url: `${API_URL}/officers/${record.id}/photo`, method: 'PUT', field: 'photo', file });
            notify('app.officers.photo_uploaded', { type: 'success' });
            refresh();
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setUploading(false);
        }
    };

    return (
        <Button
            component="label"
            size="small"
            startIcon={uploading ? <CircularProgress size={16} /> : <AddAPhotoOutlinedIcon />}
            disabled={uploading}
            title={translate('app.officers.photo_helper')}
        >
            {translate(record.hasPhoto ? 'app.officers.change_photo' : 'app.officers.upload_photo')}
            <input
                ref={input}
                type="file"
                hidden
                accept={PHOTO_TYPES.join(',')}
                onChange={event => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void upload(file);
                }}
            />
        </Button>
    );
};
