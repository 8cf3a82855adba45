import { BronzeStore } from '../bronze/index.js';
import type { Config } from '../config/index.js';

/** The Bronze store as every app builds it; credentials come from the SDK's default chain. */
export function createBronzeStore(config: Config): BronzeStore {
  return new BronzeStore({
    bucket: config.s3BucketName,
    region: config.awsRegion,
    endpoint: config.s3Endpoint,
    forcePathStyle: config.s3ForcePathStyle,
    uploadConcurrency: config.s3UploadConcurrency,
  });
}
