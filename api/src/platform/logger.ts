import pino from 'pino';
import { config } from '../config';

function level(): string {
  try {
    return config().logLevel;
  } catch {
    // A configuration error is reported by server.ts with a clear message; log at info until then.
    return 'info';
  }
}

// One logger for the process; request loggers are children carrying the request id.
export const logger = pino({
  level: level(),
  redact: { paths: ['req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
});
