/**
 * Use cases that cross the NBA, quality and Bronze domains: from an API body to the rows and
 * metadata that are stored. The worker, the planner's schedule load and `planner rebuild` share
 * them, so a body is read the same way whichever of them reads it.
 */
export { itemMetadata, parseBody } from './store-item.js';
