// Writes the Parquet import goldens of tests/forecast/parquet_import_test.cc
// with DuckDB (@duckdb/node-api, the version in
// tests/conformance/parquet/package.json), a writer no one here wrote:
//
//   cp tests/conformance/parquet/package*.json <build>/parquet-readers/ && (cd <build>/parquet-readers && npm ci)
//   cp tests/forecast/parquet_import/make_goldens.mjs <build>/parquet-readers/   # ES modules resolve from the script
//   node <build>/parquet-readers/make_goldens.mjs tests/forecast/parquet_import
//
// Each file holds the same 60 rows of a CUSTOM target time series
// (item_id string, timestamp, target_value double) with some null targets,
// so the test can check that every layout reads the same.
// The last two use what fakeaws refuses (ZSTD, and GZIP), to check the
// CREATE_FAILED message. duckdb_selector.parquet names one series for a
// TimeSeriesSelector.
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';

const out = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
// 2 items x 30 days; every 7th target null. Enough repeats for DuckDB to
// choose dictionary encoding for item_id.
await db.run(`CREATE TABLE t AS
  SELECT 'item_' || (i // 30 + 1) AS item_id,
         TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (i % 30) DAY AS "timestamp",
         CASE WHEN i % 7 = 3 THEN NULL ELSE CAST(i AS DOUBLE) * 1.25 - 5.0 END AS target_value
  FROM range(60) r(i)`);
const files = {
  'duckdb_snappy.parquet': "COMPRESSION snappy",
  'duckdb_uncompressed.parquet': "COMPRESSION uncompressed",
  'duckdb_snappy_v2.parquet': "COMPRESSION snappy, PARQUET_VERSION v2",
  'duckdb_zstd.parquet': "COMPRESSION zstd",
  'duckdb_gzip.parquet': "COMPRESSION gzip",
};
for (const [name, options] of Object.entries(files)) {
  await db.run(`COPY t TO '${path.join(out, name)}' (FORMAT parquet, ${options})`);
}
// A TimeSeriesSelector's file of identifiers (resource_chain_test.cc): item_c only.
await db.run(`COPY (SELECT 'item_c' AS item_id) TO '${path.join(out, 'duckdb_selector.parquet')}'
  (FORMAT parquet, COMPRESSION snappy)`);
// What each file's column chunks use, for the README next to them.
for (const name of Object.keys(files)) {
  const reader = await db.runAndReadAll(
    `SELECT path_in_schema, type, compression, encodings FROM parquet_metadata('${path.join(out, name)}')`);
  for (const row of reader.getRowObjects()) console.log(name, JSON.stringify(row));
}
