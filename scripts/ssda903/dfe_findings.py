"""Runs the DfE's SSDA903 validator (PyPI csc-validator-be-903) on a directory of CSV files (or one
XML file) and
prints its findings as rule_code,child_id,table,row_index: the same shape as ours, for
scripts/ssda903-diff.

    python dfe_findings.py DIR --year 2026 [--prev DIR] [--la E08000035] [--providers CSV]

Rules the DfE tool could not run (an exception) are listed on stderr as "failed CODE", every
rule of the rule set as "rule CODE<tab>MESSAGE", and the time the tool took as "seconds N" (elapsed) and "cpu_seconds N" (its CPU time).
"""
import argparse
import contextlib
import csv
import glob
import importlib
import logging
import os
import sys
import time

logging.disable(logging.CRITICAL)  # the tool logs every rule at INFO

from lac_validator.lac_validator import LacValidator  # noqa: E402
from lac_validator.utils import process_uploaded_files  # noqa: E402
from provider_info import load as load_providers  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--year", required=True, type=int)
    parser.add_argument("--prev")
    parser.add_argument("--la", default="E08000035")
    parser.add_argument("--providers", help="our Ofsted provider lookup, given to the DfE tool as its provider_info")
    args = parser.parse_args()

    files = {"This year": sorted(glob.glob(os.path.join(args.directory, "*.csv")) + glob.glob(os.path.join(args.directory, "*.xml")))}
    if args.prev:
        files["Prev year"] = sorted(glob.glob(os.path.join(args.prev, "*.csv")))
    ruleset = f"lac{args.year - 1}_{args.year % 100:02d}"
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry

    metadata = {"collectionYear": str(args.year), "localAuthority": args.la}
    if args.providers:
        metadata["provider_info"] = load_providers(args.providers)
    started, cpu_started = time.perf_counter(), time.process_time()
    # Some of the tool's rules print data frames; keep stdout for the findings.
    with contextlib.redirect_stdout(sys.stderr):
        validator = LacValidator(
            metadata=metadata,
            files=process_uploaded_files(files),
            registry=registry,
        )
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["rule_code", "child_id", "table", "row_index"])
    rows = []
    for table, frame in validator.ds_results.items():
        if table == "metadata" or table.endswith("_last"):
            continue
        for column in frame.columns:
            if not str(column).startswith("ERR_"):
                continue
            flagged = frame.index[frame[column].fillna(False).astype(bool)]
            for row in flagged:
                child = frame.at[row, "CHILD"]
                rows.append((column[4:], "" if child != child else str(child), table, int(row)))
    for row in sorted(rows, key=lambda r: (r[0], r[2], r[3])):
        out.writerow(row)
    for code in validator.fails:
        print(f"failed {code}", file=sys.stderr)
    for code, rule in registry.items():
        message = " ".join(str(rule.message).split())
        print(f"rule {code}\t{message}", file=sys.stderr)
    print(f"seconds {seconds:.2f}", file=sys.stderr)
    print(f"cpu_seconds {cpu_seconds:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
