export type { ItemState, ItemStatus, StateCounters } from './item-state.js';
export { type FailureRecord, RedisState, type SuccessRecord } from './redis-state.js';
export { type PlannedItem, planSeasonItems } from './season-plan.js';
export { findStoredItems } from './stored-items.js';
