"""Runs every worked example of our SSDA903 rules (written by `lineofsight-returns examples DIR`)
through the DfE tool, one rule at a time, and checks it flags the rows the example says.

    python dfe_examples.py DIR DEVIATIONS.md

Every example is given the examples' Ofsted provider lookup (DIR/providers.csv).
An example of a rule listed in docs/ssda903-deviations.md may differ (it shows where we differ
on purpose); a rule the DfE tool raises an exception on is reported. Exit 1 when any other
example differs. The last line is "N passed, N failed", counting examples.
"""
import contextlib
import csv
import glob
import importlib
import logging
import os
import re
import sys

logging.disable(logging.CRITICAL)

from lac_validator.lac_validator import LacValidator  # noqa: E402
from lac_validator.utils import process_uploaded_files  # noqa: E402
from provider_info import load as load_providers  # noqa: E402


def main():
    directory, deviations_path = sys.argv[1:3]
    deviations = set(re.findall(r"^\| `([^`]+)`", open(deviations_path).read(), re.M))
    passed = failed = excused = 0
    with open(os.path.join(directory, "examples.csv"), newline="") as f:
        examples = list(csv.DictReader(f))
    providers = load_providers(os.path.join(directory, "providers.csv"))
    for example in examples:
        code, year, table = example["rule_code"], int(example["year"]), example["table"]
        expected = [int(row) for row in example["rows"].split()]
        registry = importlib.import_module(f"lac_validator.rules.lac{year - 1}_{year % 100:02d}").registry
        # An example is CSV files, or one XML file for a rule that reads what only that form holds.
        folder = os.path.join(directory, example["folder"])
        files = {"This year": sorted(glob.glob(os.path.join(folder, "*.csv")) + glob.glob(os.path.join(folder, "*.xml")))}
        previous = sorted(glob.glob(os.path.join(directory, example["folder"], "prev", "*.csv")))
        if previous:
            files["Prev year"] = previous
        place = f"{example['folder']} {code} ({year})"
        try:
            with contextlib.redirect_stdout(sys.stderr):
                validator = LacValidator(
                    metadata={"collectionYear": str(year), "localAuthority": "E08000035", "provider_info": providers},
                    files=process_uploaded_files(files),
                    registry=registry,
                    selected_rules=[code],
                )
        except Exception as error:  # the tool itself fails on the rule's result (e.g. SW01STG1)
            excused += 1
            print(f"{place}: the DfE tool failed to run it ({type(error).__name__}: {error})")
            continue
        if code in validator.fails:
            excused += 1
            print(f"{place}: the DfE tool failed to run it")
            continue
        frame = validator.ds_results[table]
        column = f"ERR_{code}"
        found = sorted(int(r) for r in frame.index[frame[column].fillna(False).astype(bool)]) if column in frame else []
        if found == expected:
            passed += 1
        elif code in deviations:
            excused += 1
            print(f"{place}: documented deviation: DfE flags {found}, the example {expected}")
        else:
            failed += 1
            print(f"{place}: DISAGREE: DfE flags {found}, the example {expected}")
    print(f"examples: {excused} excused (DfE failure or documented deviation)")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
