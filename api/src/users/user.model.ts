import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { ROLES } from '../platform/auth/permissions';
import { jsonPlugin } from '../platform/database/json-plugin';

const userSchema = new Schema(
  {
    username: { type: String, required: true, trim: true },
    /** Lower-cased username: sign-in and uniqueness ignore case. */
    usernameKey: { type: String, required: true, unique: true, private: true },
    displayName: { type: String, required: true, trim: true },
    roles: { type: [{ type: String, enum: ROLES }], required: true },
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    phone: { type: String, trim: true },
    active: { type: Boolean, required: true, default: true },
    passwordHash: { type: String, required: true, private: true },
    /** Bumped on password change or deactivation: older tokens stop working. */
    tokenVersion: { type: Number, required: true, default: 0, private: true },
    lastLoginAt: { type: Date },
  },
  { timestamps: true, collection: 'users' },
);
userSchema.index({ agencyId: 1, username: 1 });
userSchema.index({ roles: 1 });
userSchema.index({ createdAt: -1 });
userSchema.index({ lastLoginAt: -1 });
userSchema.index({ displayName: 1 });
userSchema.plugin(jsonPlugin);

export type User = InferSchemaType<typeof userSchema>;
export type UserDocument = HydratedDocument<User>;
export const UserModel = mongoose.model('User', userSchema);
