"""Compares our SSDA903 findings with the DfE tool's, rule by rule, for the rules we implement.

    python compare.py OURS.csv DFE.csv DFE.err RULES.txt DEVIATIONS.md

A finding is (rule_code, child_id, table, row_index). For each of our rules it prints whether
the two agree; where they do not, the first differing findings. A rule listed in
docs/ssda903-deviations.md (a table row starting "| `CODE`") is a documented deviation: its
differences are shown but do not fail the run. So does a rule the DfE tool could not run
("failed CODE" in DFE.err). Our rule set must hold exactly the DfE's rules among those we
implement in any year (RULES.txt lists ours for this year, ALL.txt every rule we implement):
a rule declared for the wrong years fails the run, and so does a message that is not the DfE's
(RULES.txt holds CODE<tab>MESSAGE). Exit 1 when any rule disagrees.
"""
import csv
import re
import sys
from collections import defaultdict


def findings(path):
    by_rule = defaultdict(set)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            by_rule[row["rule_code"]].add((row["child_id"], row["table"], int(row["row_index"])))
    return by_rule


def main():
    ours_path, dfe_path, dfe_err, rules_path, all_path, deviations_path = sys.argv[1:7]
    ours, dfe = findings(ours_path), findings(dfe_path)
    # CODE<TAB>MESSAGE, and a third field for a rule no input can raise (411).
    ours_messages = dict(line.rstrip("\n").split("\t")[:2] for line in open(rules_path) if line.strip())
    rules = list(ours_messages)
    failed = {line.split()[1] for line in open(dfe_err) if line.startswith("failed ")}
    dfe_messages = dict(line[len("rule "):].rstrip("\n").split("\t", 1) for line in open(dfe_err) if line.startswith("rule "))
    dfe_rules = set(dfe_messages)
    implemented = {line.strip() for line in open(all_path) if line.strip()}
    wrong_years = sorted(set(rules) ^ (dfe_rules & implemented))
    for code in wrong_years:
        where = "ours runs it this year, the DfE's does not" if code in rules else "the DfE's runs it this year, ours does not"
        print(f"{code:>6}  WRONG YEARS: {where}")
    # Messages are compared with runs of white space made one space, as the DfE's are wrapped.
    wrong_messages = sorted(code for code in rules if code in dfe_messages
                            and " ".join(ours_messages[code].split()) != dfe_messages[code])
    for code in wrong_messages:
        print(f"{code:>6}  WRONG MESSAGE: ours {ours_messages[code]!r}, the DfE's {dfe_messages[code]!r}")
    deviations = set(re.findall(r"^\| `([^`]+)`", open(deviations_path).read(), re.M))

    agree = disagree = excused = 0
    for code in rules:
        mine, theirs = ours.get(code, set()), dfe.get(code, set())
        if code in failed:
            excused += 1
            print(f"{code:>6}  DfE tool failed to run it; ours found {len(mine)}")
            continue
        if mine == theirs:
            agree += 1
            print(f"{code:>6}  agree ({len(mine)} findings)")
            continue
        only_ours, only_theirs = sorted(mine - theirs, key=str), sorted(theirs - mine, key=str)
        label = "documented deviation" if code in deviations else "DISAGREE"
        if code in deviations:
            excused += 1
        else:
            disagree += 1
        print(f"{code:>6}  {label}: {len(mine & theirs)} shared, {len(only_ours)} only ours, "
              f"{len(only_theirs)} only DfE")
        for child, table, row in only_ours[:3]:
            print(f"          only ours: {table} row {row} (child {child})")
        for child, table, row in only_theirs[:3]:
            print(f"          only DfE:  {table} row {row} (child {child})")
    print(f"rules: {agree} agree, {disagree} disagree, {excused} excused (DfE failure or documented)")
    sys.exit(1 if disagree or wrong_years or wrong_messages else 0)


if __name__ == "__main__":
    main()
