#!/usr/bin/env python3
"""The Forecast journey with an unmodified boto3 against fakeaws-server:
dataset group -> dataset -> import (CSV put in S3) -> auto predictor ->
forecast -> query -> export -> read the exported CSV. Asserts the exported
rows hold the imported items over the predictor's horizon.

Usage: forecast_journey.py <path to fakeaws-server>
Exits 77 (ctest's SKIP_RETURN_CODE) when the server answers S3 with 501
NotImplemented (a build without S3's wire).
"""
import csv
import io
import subprocess
import sys
import time

import boto3
import botocore.config
import botocore.exceptions

ROLE = "arn:aws:iam::123456789012:role/ForecastRole"
ITEMS = ["item_a", "item_b", "item_c"]
DAYS = 28
HORIZON = 7


def start_server(binary):
    proc = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline().strip()
    prefix = "fakeaws-server listening on "
    if not first.startswith(prefix):
        proc.kill()
        raise SystemExit("unexpected first line from fakeaws-server: %r" % first)
    return proc, first[len(prefix):]


def clients(endpoint):
    session = boto3.session.Session(aws_access_key_id="fakeaws", aws_secret_access_key="fakeaws",
                                    region_name="us-east-1")
    config = botocore.config.Config(retries={"max_attempts": 1})
    return (session.client("s3", endpoint_url=endpoint, config=config),
            session.client("forecast", endpoint_url=endpoint, config=config),
            session.client("forecastquery", endpoint_url=endpoint, config=config))


def wait_active(describe, **kwargs):
    # fakeaws-server's clock steps one second per request: polling finishes jobs.
    for _ in range(100):
        status = describe(**kwargs)["Status"]
        if status in ("ACTIVE", "CREATE_FAILED"):
            return status
        time.sleep(0.01)
    raise AssertionError("still not ACTIVE: %r" % (kwargs,))


def demand_csv():
    rows = []
    for i, item in enumerate(ITEMS):
        for d in range(DAYS):
            rows.append("%s,2025-12-%02d,%d" % (item, d + 1, 10 + (d % 7) * 2 + i))
    return "\n".join(rows) + "\n"


def journey(s3, forecast, query):
    s3.put_object(Bucket="training", Key="demand/demand.csv", Body=demand_csv().encode())

    ds = forecast.create_dataset(
        DatasetName="demand_ds", Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES", DataFrequency="D",
        Schema={"Attributes": [{"AttributeName": "item_id", "AttributeType": "string"},
                               {"AttributeName": "timestamp", "AttributeType": "timestamp"},
                               {"AttributeName": "target_value", "AttributeType": "float"}]})["DatasetArn"]
    dsg = forecast.create_dataset_group(DatasetGroupName="demand_dsg", Domain="CUSTOM",
                                        DatasetArns=[ds])["DatasetGroupArn"]
    assert wait_active(forecast.describe_dataset_group, DatasetGroupArn=dsg) == "ACTIVE"
    assert wait_active(forecast.describe_dataset, DatasetArn=ds) == "ACTIVE"

    job = forecast.create_dataset_import_job(
        DatasetImportJobName="demand_import", DatasetArn=ds, TimestampFormat="yyyy-MM-dd",
        DataSource={"S3Config": {"Path": "s3://training/demand/", "RoleArn": ROLE}})["DatasetImportJobArn"]
    assert wait_active(forecast.describe_dataset_import_job, DatasetImportJobArn=job) == "ACTIVE"
    stats = forecast.describe_dataset_import_job(DatasetImportJobArn=job)["FieldStatistics"]
    assert stats["item_id"]["CountDistinct"] == len(ITEMS), stats

    predictor = forecast.create_auto_predictor(
        PredictorName="demand_predictor", ForecastHorizon=HORIZON, ForecastFrequency="D",
        DataConfig={"DatasetGroupArn": dsg})["PredictorArn"]
    assert wait_active(forecast.describe_auto_predictor, PredictorArn=predictor) == "ACTIVE"
    metrics = forecast.get_accuracy_metrics(PredictorArn=predictor)["PredictorEvaluationResults"]
    assert metrics[0]["TestWindows"], metrics

    fc = forecast.create_forecast(ForecastName="demand_forecast", PredictorArn=predictor)["ForecastArn"]
    assert wait_active(forecast.describe_forecast, ForecastArn=fc) == "ACTIVE"
    predictions = query.query_forecast(ForecastArn=fc, Filters={"item_id": "item_b"})["Forecast"]["Predictions"]
    assert sorted(predictions) == ["p10", "p50", "p90"], predictions
    assert len(predictions["p50"]) == HORIZON, predictions

    export = forecast.create_forecast_export_job(
        ForecastExportJobName="demand_export", ForecastArn=fc,
        Destination={"S3Config": {"Path": "s3://exports/demand", "RoleArn": ROLE}})["ForecastExportJobArn"]
    assert wait_active(forecast.describe_forecast_export_job, ForecastExportJobArn=export) == "ACTIVE"

    rows = []
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="exports", Prefix="demand/").get("Contents", [])]
    assert keys, "the export wrote no objects"
    for key in keys:
        body = s3.get_object(Bucket="exports", Key=key)["Body"].read().decode()
        reader = csv.reader(io.StringIO(body))
        assert next(reader) == ["item_id", "date", "p10", "p50", "p90"], key
        rows.extend(reader)
    by_item = {}
    for item, date, p10, p50, p90 in rows:
        assert float(p10) <= float(p50) <= float(p90), (item, date)
        by_item.setdefault(item, []).append(date)
    assert sorted(by_item) == ITEMS, sorted(by_item)
    for item, dates in by_item.items():
        assert sorted(dates) == ["2025-12-%02dT00:00:00Z" % (DAYS + 1 + k) if DAYS + 1 + k <= 31
                                 else "2026-01-%02dT00:00:00Z" % (DAYS + 1 + k - 31) for k in range(HORIZON)], dates


def main():
    proc, endpoint = start_server(sys.argv[1])
    s3 = forecast = query = None
    try:
        s3, forecast, query = clients(endpoint)
        try:
            s3.create_bucket(Bucket="training")
            s3.create_bucket(Bucket="exports")
        except botocore.exceptions.ClientError as e:
            if e.response["ResponseMetadata"]["HTTPStatusCode"] == 501:
                print("SKIP: fakeaws-server does not serve S3 over the wire yet (501 NotImplemented)")
                return 77
            raise
        journey(s3, forecast, query)
        print("forecast journey: OK")
        return 0
    finally:
        # Close keep-alive connections first: the server drains them on SIGTERM.
        for client in (s3, forecast, query):
            if client is not None:
                client.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise SystemExit("fakeaws-server did not stop within 10 s of SIGTERM")


if __name__ == "__main__":
    sys.exit(main())
