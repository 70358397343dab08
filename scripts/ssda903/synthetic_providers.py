"""Writes an Ofsted provider lookup (our `--providers` CSV) for the URNs of generated returns, for
scripts/ssda903-diff: both validators are given it, so the URN rules are compared on listings
that exercise them. Each URN's listing follows from its digits, so the same returns give the same
lookup: one URN in ten is on neither list, one in eleven is listed twice (as on both Ofsted lists),
registrations end now and then, and the listed postcode is usually the placement's.

    python synthetic_providers.py POSTCODES.csv DIR [DIR ...] > providers.csv

POSTCODES.csv is the lookup scripts/ssda903/postcodes.py wrote for the same returns: it gives
each listed postcode's upper-tier authority, as the DfE tool infers a provider's.
"""
import csv
import glob
import os
import sys

PROVIDER_CODES = ["PR1", "PR2", "PR4", "PR1,PR2", ""]
ENDED = ["30/09/2022", "31/12/2023", "30/06/2025", "31/01/2026"]


def main():
    postcodes_path, directories = sys.argv[1], sys.argv[2:]
    with open(postcodes_path, newline="") as f:
        authority = {row["postcode"]: row["utla"] for row in csv.DictReader(f)}
    placed = {}
    for directory in directories:
        for path in sorted(glob.glob(os.path.join(directory, "*.csv"))):
            with open(path, newline="", encoding="utf-8-sig") as f:
                reader = csv.DictReader(f)
                if "URN" not in (reader.fieldnames or []):
                    continue
                for row in reader:
                    urn = (row["URN"] or "").strip().upper()
                    if urn and urn != "XXXXXXX":
                        placed.setdefault(urn, (row["PL_POST"] or "").upper().replace(" ", ""))
    postcodes = sorted(authority)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["urn", "place_codes", "provider_codes", "reg_end", "postcode", "la_code"])
    for urn in sorted(placed):
        digits = "".join(c for c in urn if c.isdigit())
        number = int(digits) if digits else 0
        if number % 10 == 0:
            continue
        for listing in range(2 if number % 11 == 0 else 1):
            postcode = placed[urn] if (number + listing) % 3 and placed[urn] else (postcodes[number % len(postcodes)] if postcodes else "")
            out.writerow([urn, "K2", PROVIDER_CODES[(number + listing) % len(PROVIDER_CODES)],
                          ENDED[number % len(ENDED)] if number % 7 == 0 else "", postcode, authority.get(postcode, "")])


if __name__ == "__main__":
    main()
