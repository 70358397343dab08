"""Our Ofsted provider lookup (`--providers`: urn,place_codes,provider_codes,reg_end,postcode,
la_code) as the DfE tool's `provider_info` table, which it builds from the Ofsted spreadsheets
(`lac_validator.ingress.construct_provider_info_table`), so both validators read the same listings.
"""
import pandas as pd


def load(path):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.DataFrame({
        "URN": frame["urn"],
        "PLACE_CODES": frame["place_codes"].replace("", None),
        "PROVIDER_CODES": frame["provider_codes"].replace("", None),
        "REG_END": pd.to_datetime(frame["reg_end"].replace("", None), format="%d/%m/%Y"),
        "POSTCODE": frame["postcode"].str.replace(" ", "").str.upper().replace("", None),
        "LA_CODE_INFERRED": frame["la_code"].replace("", None),
    })
