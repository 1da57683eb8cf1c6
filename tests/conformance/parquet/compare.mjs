// Reads each Parquet export file with hyparquet and with DuckDB and compares
// every cell with the CSV export of the same job (issue 14).
//   node compare.mjs pairs.json
// pairs.json: [{"csv": "<path>", "parquet": "<path>"}, ...], the n-th CSV
// part with the n-th Parquet part. Prints one line per file and reader;
// exits 1 on the first difference, naming the file, row and column.
import { readFileSync } from 'node:fs';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { DuckDBInstance } from '@duckdb/node-api';

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// A reader's value against the CSV's text: strings equal, numbers the same
// double, timestamps the same instant as "yyyy-MM-ddTHH:mm:ssZ", nulls empty.
function same(value, text) {
  if (value === null || value === undefined) return text === '';
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z') === text;
  if (typeof value === 'number') return text !== '' && Number(text) === value;
  if (typeof value === 'bigint') return BigInt(text) === value;
  if (typeof value === 'object' && 'micros' in value) {  // DuckDB TIMESTAMP WITH TIME ZONE
    return new Date(Number(value.micros / 1000n)).toISOString().replace('.000Z', 'Z') === text;
  }
  return String(value) === text;
}

function compare(reader, path, names, rows, csv) {
  const header = csv[0];
  if (JSON.stringify(names) !== JSON.stringify(header)) {
    throw new Error(`${reader} ${path}: columns ${JSON.stringify(names)}, CSV has ${JSON.stringify(header)}`);
  }
  if (rows.length !== csv.length - 1) throw new Error(`${reader} ${path}: ${rows.length} rows, CSV has ${csv.length - 1}`);
  let cells = 0;
  rows.forEach((row, r) => {
    header.forEach((name, c) => {
      if (!same(row[c], csv[r + 1][c])) {
        throw new Error(`${reader} ${path} row ${r + 1} column ${name}: ${String(row[c])} but CSV has ${csv[r + 1][c]}`);
      }
      ++cells;
    });
  });
  return cells;
}

const pairs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const duck = await (await DuckDBInstance.create(':memory:')).connect();
let total = 0;
for (const { csv: csvPath, parquet } of pairs) {
  const csv = parseCsv(readFileSync(csvPath, 'utf8'));

  const file = await asyncBufferFromFile(parquet);
  const metadata = await parquetMetadataAsync(file);
  const names = metadata.schema.slice(1).map((e) => e.name);
  const objects = await parquetReadObjects({ file });
  const hyRows = objects.map((o) => names.map((n) => o[n]));
  const hyCells = compare('hyparquet', parquet, names, hyRows, csv);

  const described = await duck.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${parquet}')`);
  const types = described.getRowObjects().map((r) => `${r.column_name}:${r.column_type}`);
  const result = await duck.runAndReadAll(`SELECT * FROM read_parquet('${parquet}')`);
  const duckCells = compare('duckdb', parquet, result.columnNames(), result.getRows(), csv);
  total += hyCells;
  console.log(`${parquet.split('/').pop()}: ${csv.length - 1} rows; hyparquet ${hyCells} cells, duckdb ${duckCells} cells equal the CSV; ${types.join(' ')}`);
}
console.log(`all ${pairs.length} Parquet files equal their CSV (${total} cells each reader)`);
