export { CONFIG_FIELDS, type Config, type ConfigField, configField } from './config-fields.js';
export { ConfigError, isRealNbaApi, loadConfig, loadConfigOrExit } from './load-config.js';
export {
  configSecrets,
  describeConfig,
  type LoadedVariable,
  MASK,
  maskUrl,
  maskVariable,
  redactSecrets,
} from './mask.js';
export {
  CONFIG_DESCRIPTIONS,
  CONFIG_SCHEMA,
  type ConfigVariable,
  isSeason,
  type VariableDescription,
} from './schema.js';
