// One Powertools logger per process; the correlation id is appended per request by the middleware.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'jaunatne' });
