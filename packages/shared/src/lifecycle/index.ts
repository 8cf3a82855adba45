export { InFlight } from './in-flight.js';
export { type Release, Releasers } from './releasers.js';
export {
  createShutdown,
  onShutdownSignal,
  type Shutdown,
  type ShutdownOptions,
  type SignalShutdownOptions,
} from './shutdown.js';
