/**
 * The part of parquetjs-lite 0.8.7 (untyped CommonJS) that `bronze/parquet-writer.ts` uses,
 * including the writer's internal `rowBuffer`, which the writer fills column by column instead of
 * shredding row by row.
 */
declare module 'parquetjs-lite' {
  export type ParquetFieldType =
    | 'UTF8'
    | 'INT32'
    | 'INT64'
    | 'DOUBLE'
    | 'BOOLEAN'
    | 'TIMESTAMP_MILLIS'
    | 'DATE';

  export interface ParquetFieldOptions {
    type: ParquetFieldType;
    optional?: boolean;
    compression?: 'UNCOMPRESSED' | 'GZIP' | 'SNAPPY';
    encoding?: 'PLAIN';
    statistics?: boolean;
  }

  export interface ParquetField {
    readonly name: string;
    readonly path: readonly string[];
    readonly primitiveType: string;
    readonly originalType: string | undefined;
    readonly repetitionType: 'REQUIRED' | 'OPTIONAL' | 'REPEATED';
    readonly dLevelMax: number;
  }

  export class ParquetSchema {
    constructor(fields: Record<string, ParquetFieldOptions>);
    readonly fieldList: readonly ParquetField[];
  }

  /** The shape `shredRecord` builds: values per column, already converted to primitives. */
  export interface ShreddedColumn {
    values: unknown[];
    dlevels: number[];
    rlevels: number[];
    /** Native (not primitive) values, used only to compute min/max/distinct statistics. */
    distinct_values: Set<unknown>;
    count: number;
  }

  export interface RowBuffer {
    rowCount: number;
    pageRowCount: number;
    columnData: Record<string, ShreddedColumn>;
    pages: Record<string, unknown[]>;
  }

  export interface WriterOptions {
    useDataPageV2?: boolean;
    pageIndex?: boolean;
    rowGroupSize?: number;
    pageSize?: number;
  }

  export class ParquetEnvelopeWriter {
    constructor(
      schema: ParquetSchema,
      writeFn: (chunk: Buffer) => Promise<void> | void,
      closeFn: () => Promise<void> | void,
      fileOffset: number,
      opts: WriterOptions,
    );
  }

  export class ParquetWriter {
    constructor(schema: ParquetSchema, envelopeWriter: ParquetEnvelopeWriter, opts: WriterOptions);
    rowBuffer: RowBuffer | Record<string, never>;
    appendRow(row: Record<string, unknown>): Promise<void>;
    setMetadata(key: string, value: string): void;
    close(): Promise<void>;
  }

  /** The decoded Thrift footer, as far as tests read it. */
  export interface FileMetaData {
    readonly num_rows: unknown;
    readonly schema: ReadonlyArray<{
      readonly name: string;
      readonly type: number | null;
      readonly repetition_type: number | null;
      readonly converted_type: number | null;
    }>;
    readonly row_groups: ReadonlyArray<{
      readonly columns: ReadonlyArray<{
        readonly meta_data: { readonly codec: number; readonly path_in_schema: string[] };
      }>;
    }>;
  }

  export class ParquetEnvelopeReader {
    static openBuffer(buffer: Buffer): Promise<ParquetEnvelopeReader>;
    readFooter(): Promise<FileMetaData>;
    close(): Promise<void>;
  }

  const parquet: {
    ParquetEnvelopeReader: typeof ParquetEnvelopeReader;
    ParquetSchema: typeof ParquetSchema;
    ParquetEnvelopeWriter: typeof ParquetEnvelopeWriter;
    ParquetWriter: typeof ParquetWriter;
  };
  export default parquet;
}
