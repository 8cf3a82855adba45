import { type ObjectMetadata, objectMetadata } from '../bronze/index.js';
import {
  type EndpointDefinition,
  NbaRequestError,
  type ParseContext,
  type ParsedRows,
} from '../nba/index.js';
import { type QualityReport, qualityMetadata, scoreItem } from '../quality/index.js';

/**
 * A 200 body turned into rows, the same way wherever it comes from (the worker's answer, a body
 * stored under `_raw/` for the planner's schedule or `planner rebuild`): decoded as JSON (a
 * body that is not JSON is `parse`), then parsed by its endpoint (which throws `parse` or
 * `empty` itself). Pure.
 */
export function parseBody(endpoint: EndpointDefinition, body: string, ctx: ParseContext): ParsedRows {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new NbaRequestError('parse', `${endpoint.endpoint} answered 200 with a body that is not JSON`, {
      cause,
    });
  }
  return endpoint.parse(json, ctx);
}

/**
 * What every file of an item carries on S3 (DESIGN §4, §7): its source endpoint, the quality of
 * everything the body gave (scored before any dataset is left out), and, when known, when the
 * body was fetched. Pure.
 */
export function itemMetadata(
  endpoint: EndpointDefinition,
  rows: ParsedRows,
  ingestedAt?: Date,
): { readonly metadata: ObjectMetadata; readonly quality: QualityReport } {
  const quality = scoreItem(rows);
  return {
    quality,
    metadata: {
      ...objectMetadata({ sourceEndpoint: endpoint.endpoint, ingestedAt: ingestedAt?.toISOString() }),
      ...qualityMetadata(quality),
    },
  };
}
