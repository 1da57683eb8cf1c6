// The AWS SDK for JavaScript v3 against fakeaws-server: it sets its clock
// offset (systemClockOffset) from every answer's Date, signs with the
// shifted time, and past 4 minutes of skew marks the error and resends
// (@aws-sdk/core AwsSdkSigV4Signer). Against a server whose own clock is
// pinned months away, with signatures checked, every call must go once,
// succeed or fail as asked, and leave the offset under the second a Date's
// whole seconds account for (as against AWS).
//
// Usage: node clock_skew.mjs <endpoint> <key id> <secret>
import { S3Client, CreateBucketCommand, PutObjectCommand, HeadObjectCommand, GetObjectCommand,
         ListObjectsV2Command } from "@aws-sdk/client-s3";
import { ForecastClient, DescribeForecastCommand, ListForecastsCommand } from "@aws-sdk/client-forecast";

const [endpoint, accessKeyId, secretAccessKey] = process.argv.slice(2);
const common = { endpoint, region: "us-east-1", credentials: { accessKeyId, secretAccessKey } };
const s3 = new S3Client({ ...common, forcePathStyle: true });
const forecast = new ForecastClient(common);
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

async function expectError(client, command, name) {
  try {
    await client.send(command);
    check(false, `${command.constructor.name} succeeded; expected ${name}`);
  } catch (e) {
    check(e.name === name, `${command.constructor.name}: ${e.name} (${e.message}); expected ${name}`);
  }
}

await s3.send(new CreateBucketCommand({ Bucket: "exports" }));
await expectError(s3, new HeadObjectCommand({ Bucket: "exports", Key: "missing.csv" }), "NotFound");
await expectError(s3, new GetObjectCommand({ Bucket: "exports", Key: "missing.csv" }), "NoSuchKey");
await expectError(forecast, new DescribeForecastCommand({
  ForecastArn: "arn:aws:forecast:us-east-1:123456789012:forecast/missing" }), "ResourceNotFoundException");
// After the errors: still signed with the right time, so still accepted.
await s3.send(new PutObjectCommand({ Bucket: "exports", Key: "a.csv", Body: "item_id,date\n" }));
const listed = await s3.send(new ListObjectsV2Command({ Bucket: "exports" }));
check(listed.KeyCount === 1, `ListObjectsV2 KeyCount ${listed.KeyCount}`);
await forecast.send(new ListForecastsCommand({}));

for (const [name, client] of [["S3", s3], ["Forecast", forecast]]) {
  const offset = client.config.systemClockOffset;
  check(Math.abs(offset) < 2000, `${name} client's systemClockOffset is ${offset} ms`);
}
if (failures.length) {
  console.log(failures.join("\n"));
  process.exit(1);
}
console.log(`7 calls; systemClockOffset ${s3.config.systemClockOffset} ms (S3), ` +
            `${forecast.config.systemClockOffset} ms (Forecast)`);
