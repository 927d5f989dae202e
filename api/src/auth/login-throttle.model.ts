import mongoose, { Schema } from 'mongoose';

// Failed sign-in counter per (lower-cased) username, also for names that do not exist, so an
// attacker learns nothing from the lock-out behaviour.
const loginThrottleSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    failures: { type: Number, required: true, default: 0 },
    lastFailureAt: { type: Date },
    lockedUntil: { type: Date },
  },
  { collection: 'login_throttles' },
);

loginThrottleSchema.index({ lastFailureAt: 1 });

export const LoginThrottleModel = mongoose.model('LoginThrottle', loginThrottleSchema);
