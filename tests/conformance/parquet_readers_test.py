"""Our Parquet exports, read by two readers no one here wrote (issue 14):
hyparquet and DuckDB (@duckdb/node-api), installed from npm
(tests/conformance/parquet/package-lock.json) into <build>/parquet-readers
on first run. Through boto3 against fakeaws-server, an EC2_CAPACITY chain
with a forecast dimension (location) and a related time series runs each of
the four exports twice, Format CSV and Format PARQUET; every Parquet part must
hold, cell by cell, what the CSV part of the same number holds, in both
readers. Exits 77 (skipped) without node and npm or boto3, or when npm cannot
fetch the packages.

Run by ctest: parquet_readers_test.py <path to fakeaws-server>."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from server_harness import FakeawsServer, boto3_client, server_path_from_argv, skip

SERVER = server_path_from_argv()
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(os.path.dirname(os.path.dirname(SERVER)), "parquet-readers")
ROLE = "arn:aws:iam::123456789012:role/ForecastRole"
ARN = "arn:aws:forecast:us-east-1:123456789012:"


def install():
    if not shutil.which("node") or not shutil.which("npm"):
        skip("node and npm are needed for hyparquet and DuckDB")
    os.makedirs(WORK, exist_ok=True)
    for name in ("package.json", "package-lock.json", "compare.mjs"):
        shutil.copy(os.path.join(HERE, "parquet", name), WORK)
    if os.path.isdir(os.path.join(WORK, "node_modules", "hyparquet")) and \
            os.path.isdir(os.path.join(WORK, "node_modules", "@duckdb", "node-api")):
        return
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=WORK, capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        skip("npm ci failed: " + done.stderr[-500:])


def wait(describe, **key):
    for _ in range(200):
        answer = describe(**key)
        if answer["Status"] not in ("CREATE_PENDING", "CREATE_IN_PROGRESS"):
            if answer["Status"] != "ACTIVE":
                raise AssertionError("%s ended %s: %s" % (key, answer["Status"], answer.get("Message")))
            return answer
    raise AssertionError("%s never finished" % key)


def main():
    install()
    forecast = None
    server = FakeawsServer(SERVER)
    try:
        forecast = boto3_client("forecast", server.endpoint)
        s3 = boto3_client("s3", server.endpoint)
        s3.create_bucket(Bucket="training")
        s3.create_bucket(Bucket="exports")
        target, related = [], []
        for instance in ("m5.large", "c5.xlarge", "r5.2xlarge"):
            for location in ("us-east-1a", "eu-west-1b"):
                for day in range(1, 29):
                    date = "2025-12-%02d" % day
                    target.append("%s,%s,%s,%d" % (instance, location, date, 10 + day % 7 * 3 + len(location)))
                    related.append("%s,%s,%s,%s" % (instance, location, date, 0.096 + day / 1000))
        s3.put_object(Bucket="training", Key="tts.csv", Body="\n".join(target) + "\n")
        s3.put_object(Bucket="training", Key="rts.csv", Body="\n".join(related) + "\n")

        def schema(last, kind):
            return {"Attributes": [{"AttributeName": "instance_type", "AttributeType": "string"},
                                   {"AttributeName": "location", "AttributeType": "string"},
                                   {"AttributeName": "timestamp", "AttributeType": "timestamp"},
                                   {"AttributeName": last, "AttributeType": kind}]}
        for name, kind, last in (("tts", "TARGET_TIME_SERIES", "number_of_instances"),
                                 ("rts", "RELATED_TIME_SERIES", "price")):
            forecast.create_dataset(DatasetName=name, Domain="EC2_CAPACITY", DatasetType=kind, DataFrequency="D",
                                    Schema=schema(last, "float"))
        forecast.create_dataset_group(DatasetGroupName="dsg", Domain="EC2_CAPACITY",
                                      DatasetArns=[ARN + "dataset/tts", ARN + "dataset/rts"])
        for name in ("tts", "rts"):
            job = forecast.create_dataset_import_job(
                DatasetImportJobName="i", DatasetArn=ARN + "dataset/" + name, TimestampFormat="yyyy-MM-dd",
                DataSource={"S3Config": {"Path": "s3://training/%s.csv" % name, "RoleArn": ROLE}})
            wait(forecast.describe_dataset_import_job, DatasetImportJobArn=job["DatasetImportJobArn"])
        predictor = forecast.create_auto_predictor(
            PredictorName="p", ForecastHorizon=5, ForecastFrequency="D", ForecastDimensions=["location"],
            DataConfig={"DatasetGroupArn": ARN + "dataset-group/dsg"})["PredictorArn"]
        wait(forecast.describe_auto_predictor, PredictorArn=predictor)
        forecast_arn = forecast.create_forecast(ForecastName="f", PredictorArn=predictor)["ForecastArn"]
        wait(forecast.describe_forecast, ForecastArn=forecast_arn)
        explainability = forecast.create_explainability(
            ExplainabilityName="x", ResourceArn=predictor,
            ExplainabilityConfig={"TimeSeriesGranularity": "ALL", "TimePointGranularity": "ALL"})["ExplainabilityArn"]
        wait(forecast.describe_explainability, ExplainabilityArn=explainability)
        analysis = forecast.create_what_if_analysis(WhatIfAnalysisName="w", ForecastArn=forecast_arn)["WhatIfAnalysisArn"]
        wait(forecast.describe_what_if_analysis, WhatIfAnalysisArn=analysis)
        what_if = forecast.create_what_if_forecast(WhatIfForecastName="cheaper", WhatIfAnalysisArn=analysis)["WhatIfForecastArn"]
        wait(forecast.describe_what_if_forecast, WhatIfForecastArn=what_if)

        def destination(path):
            return {"S3Config": {"Path": "s3://exports/" + path, "RoleArn": ROLE}}
        for fmt in ("CSV", "PARQUET"):
            lower = fmt.lower()
            job = forecast.create_forecast_export_job(ForecastExportJobName="fc_" + lower, ForecastArn=forecast_arn,
                                                      Destination=destination("forecast/" + lower), Format=fmt)
            wait(forecast.describe_forecast_export_job, ForecastExportJobArn=job["ForecastExportJobArn"])
            job = forecast.create_predictor_backtest_export_job(
                PredictorBacktestExportJobName="bt_" + lower, PredictorArn=predictor,
                Destination=destination("backtest/" + lower), Format=fmt)
            wait(forecast.describe_predictor_backtest_export_job,
                 PredictorBacktestExportJobArn=job["PredictorBacktestExportJobArn"])
            job = forecast.create_explainability_export(ExplainabilityExportName="x_" + lower,
                                                        ExplainabilityArn=explainability,
                                                        Destination=destination("explainability/" + lower), Format=fmt)
            wait(forecast.describe_explainability_export, ExplainabilityExportArn=job["ExplainabilityExportArn"])
            job = forecast.create_what_if_forecast_export(WhatIfForecastExportName="w_" + lower,
                                                          WhatIfForecastArns=[what_if],
                                                          Destination=destination("what-if/" + lower), Format=fmt)
            wait(forecast.describe_what_if_forecast_export, WhatIfForecastExportArn=job["WhatIfForecastExportArn"])

        keys = [o["Key"] for o in s3.list_objects_v2(Bucket="exports").get("Contents", [])]
        with tempfile.TemporaryDirectory() as tmp:
            pairs = []
            for export in ("forecast", "backtest", "explainability", "what-if"):
                csv_keys = sorted(k for k in keys if k.startswith(export + "/csv/") and k.endswith(".csv"))
                parquet_keys = sorted(k for k in keys if k.startswith(export + "/parquet/") and k.endswith(".parquet"))
                if not csv_keys or len(csv_keys) != len(parquet_keys):
                    print("%s: %d CSV files, %d Parquet files" % (export, len(csv_keys), len(parquet_keys)))
                    return 1
                for csv_key, parquet_key in zip(csv_keys, parquet_keys):
                    # Same folder and part, other extension.
                    if csv_key.split("/")[2:-1] != parquet_key.split("/")[2:-1] or \
                            csv_key.rsplit("_part", 1)[1][:-4] != parquet_key.rsplit("_part", 1)[1][:-8]:
                        print("unmatched parts:", csv_key, parquet_key)
                        return 1
                    pair = {}
                    for kind, key in (("csv", csv_key), ("parquet", parquet_key)):
                        path = os.path.join(tmp, key.replace("/", "__"))
                        with open(path, "wb") as f:
                            f.write(s3.get_object(Bucket="exports", Key=key)["Body"].read())
                        pair[kind] = path
                    pairs.append(pair)
                    print(export, parquet_key)
            with open(os.path.join(tmp, "pairs.json"), "w") as f:
                json.dump(pairs, f)
            run = subprocess.run(["node", "--no-warnings", os.path.join(WORK, "compare.mjs"),
                                  os.path.join(tmp, "pairs.json")], capture_output=True, text=True, timeout=300)
            print(run.stdout, run.stderr, sep="")
            return run.returncode
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
