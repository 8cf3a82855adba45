import { checkGameId, compact } from './param-checks.js';
import { badRequest, jsonResult, type Route } from './route.js';

/** Dead since 2025-11: answers 200 `{}` for every game (REFERENCE §4.7). */
export const playByPlayV2: Route = {
  endpoint: 'playbyplayv2',
  fullTtl: '1800.000',
  dataSource: 'S3',
  keyParams: ['GameID'],
  handle(query) {
    const errors = compact([checkGameId(query)]);
    return errors.length > 0 ? badRequest(errors) : jsonResult('{}');
  },
};
