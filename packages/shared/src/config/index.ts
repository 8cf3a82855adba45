export { CONFIG_DESCRIPTIONS, type VariableDescription } from './descriptions.js';
export { type Config, ConfigError, isRealNbaApi, loadConfig, loadConfigOrExit } from './load-config.js';
export {
  CONFIG_FIELDS,
  configSecrets,
  describeConfig,
  type LoadedVariable,
  MASK,
  maskUrl,
  maskVariable,
  redactSecrets,
} from './mask.js';
export { CONFIG_SCHEMA, type ConfigVariable, isSeason } from './schema.js';
