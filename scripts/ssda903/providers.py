"""Writes the Ofsted provider lookup our SSDA903 validator reads (`--providers`) from Ofsted's
spreadsheets, read by the DfE tool's own code (`lac_validator.ingress`), so both validators see
the same listings: the Children's Homes list and the Social Care Providers list, or the combined
list alone.

    python providers.py CHILDRENS_HOMES.xlsx SOCIAL_CARE_PROVIDERS.xlsx > providers.csv
    python providers.py COMBINED.xlsx > providers.csv

Columns: urn,place_codes,provider_codes,reg_end,postcode,la_code (la_code is the upper-tier
authority of the provider's postcode, as the DfE tool infers it).
"""
import csv
import logging
import sys

logging.disable(logging.CRITICAL)

from lac_validator.ingress import construct_provider_info_table, scpch_provider_info_table  # noqa: E402


def main():
    paths = sys.argv[1:]
    if len(paths) not in (1, 2):
        sys.exit(__doc__)
    contents = [{"file_content": open(path, "rb").read()} for path in paths]
    table = construct_provider_info_table(*contents) if len(contents) == 2 else scpch_provider_info_table(contents[0])
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["urn", "place_codes", "provider_codes", "reg_end", "postcode", "la_code"])
    for _, row in table.iterrows():
        def text(column):
            value = row.get(column)
            return "" if value is None or value != value else str(value)
        ended = row.get("REG_END")
        out.writerow([text("URN"), text("PLACE_CODES"), text("PROVIDER_CODES"),
                      "" if ended is None or ended != ended else ended.strftime("%d/%m/%Y"),
                      text("POSTCODE"), text("LA_CODE_INFERRED")])


if __name__ == "__main__":
    main()
