"""Answer accuracy on question sets: answers, declines and small talk, per language and class.

Usage: python benchmarks/eval_answers.py [-v] [--no-semantic] [FILE.yaml ...]
(default: tests/eval/tune.yaml, then ../shared/eval/dev.yaml when present). `-v` lists each failure.
The held-out file (tests/eval/heldout.yaml) is scored only when named, and its failures are never
listed: it is for reporting, never for tuning.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import AnswerEngine  # noqa: E402
from bot.evaluation import BODY_LIMIT, Report, evaluate, percent  # noqa: E402
from bot.loader import default_data_dir, load_store  # noqa: E402

HELD_OUT = "heldout.yaml"
ROUNDS = {"A": 1, "B": 1, "C": 1, "D": 2, "E": 2, "F": 3, "G": 3, "H": 4, "I": 4, "J": 5, "K": 5,
          "L": 6, "M": 6, "N": 6, "O": 6, "P": 7, "Q": 7, "R": 7, "S": 7, "T": 8, "U": 8, "V": 8, "W": 8,
          "X": 9, "Y": 9, "Z": 9, "AA": 9,
          "AB": 10, "AC": 10, "AD": 10, "AE": 10,
          "AF": 11, "AG": 11, "AH": 11, "AI": 11,
          "AJ": 12, "AK": 12, "AL": 12, "AM": 12,
          "AN": 13, "AO": 13, "AP": 13, "AQ": 13,
          "AR": 14, "AS": 14, "AT": 14, "AU": 14,
          "AV": 15, "AW": 15, "AX": 15, "AY": 15,
          "AZ": 16, "BA": 16, "BB": 16, "BC": 16,
          "BD": 17, "BE": 17, "BF": 17, "BG": 17,
          "BH": 18, "BI": 18, "BJ": 18, "BK": 18,
          "BL": 19, "BM": 19, "BN": 19, "BO": 19,
          "BP": 20, "BQ": 20, "BR": 20, "BS": 20,
          "BT": 21, "BU": 21, "BV": 21, "BW": 21,
          "BX": 22, "BY": 22, "BZ": 22, "CA": 22, "CB": 23, "CC": 23, "CD": 23, "CE": 23,
          "CF": 24, "CG": 24, "CH": 24, "CI": 24, "CJ": 25, "CK": 25, "CL": 25, "CM": 25,
          "CN": 26, "CO": 26, "CP": 26, "CQ": 26,
          "CR": 27, "CS": 27, "CT": 27, "CU": 27,
          "CV": 28, "CW": 28, "CX": 28, "CY": 28,
          "CZ": 29, "DA": 29, "DB": 29, "DC": 29,
          "DD": 30, "DE": 30, "DF": 30, "DG": 30,
          "DH": 31, "DI": 31, "DJ": 31, "DK": 31,
          "DL": 32, "DM": 32, "DN": 32, "DO": 32,
          "DP": 33, "DQ": 33, "DR": 33, "DS": 33,
          "DT": 34, "DU": 34, "DV": 34, "DW": 34,
          "DX": 35, "DY": 35, "DZ": 35, "EA": 35,
          "EB": 36, "EC": 36, "ED": 36, "EE": 36,
          "EF": 37, "EG": 37, "EH": 37, "EI": 37,
          "EJ": 38, "EK": 38, "EL": 38, "EM": 38,
          "EN": 39, "EO": 39, "EP": 39, "EQ": 39,
          "ER": 40, "ES": 40, "ET": 40, "EU": 40,
          "EV": 41, "EW": 41, "EX": 41, "EY": 41,
          "EZ": 42, "FA": 42, "FB": 42, "FC": 42,
          "FD": 43, "FE": 43, "FF": 43, "FG": 43,
          "FH": 44, "FI": 44, "FJ": 44, "FK": 44,
          "FL": 45, "FM": 45, "FN": 45, "FO": 45,
          "FP": 46, "FQ": 46, "FR": 46, "FS": 46,
          "FT": 47, "FU": 47, "FV": 47, "FW": 47,
          "FX": 48, "FY": 48, "FZ": 48, "GA": 48,
          "GB": 49, "GC": 49, "GD": 49, "GE": 49,
          "GF": 50, "GG": 50, "GH": 50, "GI": 50,
          "GJ": 51, "GK": 51, "GL": 51, "GM": 51,
          "GN": 52, "GO": 52, "GP": 52, "GQ": 52,
          "GT": 53, "GU": 53,
          "GX": 54, "GY": 55, "GW": 56, "GV": 57, "HC": 58, "HA": 59, "HB": 60,
          "HF": 62, "HD": 63, "HE": 64, "HG": 65, "HI": 66, "HH": 67, "HJ": 68, "HK": 69,
          "HM": 70, "HL": 71, "HN": 72, "HO": 73, "GZ": 61, "HR": 76, "HS": 77, "HQ": 75, "HP": 74,
          "HU": 79, "HV": 80, "HW": 81, "HT": 78, "HY": 83, "IC": 84, "IF": 87, "ID": 85, "IB": 82, "IE": 86,
          "IG": 88, "IH": 89, "IL": 93, "IK": 92, "II": 90, "IJ": 91, "IM": 94, "IN": 95, "IO": 96, "IQ": 98,
          "IR": 99, "IP": 97, "IU": 102, "IT": 101, "IS": 100, "IV": 103, "IW": 104, "IX": 105, "JA": 108,
          "JC": 110, "IZ": 107, "JD": 111, "JB": 109, "IY": 106, "JI": 116, "JJ": 117, "JK": 118, "JL": 119,
          "JN": 121, "JO": 122, "JP": 123, "JQ": 124, "JR": 125,
          "JS": 126, "JT": 127, "JU": 128, "JV": 129, "JW": 130, "JX": 131, "JY": 132, "JZ": 133,
          "KA": 134, "KB": 135, "KC": 136, "KD": 137,
          "KE": 138, "KF": 139, "KG": 140, "KH": 141,
          "KI": 142, "KJ": 143, "KK": 144, "KL": 145,
          "KM": 146, "KN": 147, "KO": 148, "KP": 149, "KQ": 150, "KS": 152, "KT": 153, "KR": 151,
          "KU": 154, "KX": 157, "KV": 155, "KW": 156,
          "LF": 165, "KY": 158, "LA": 160, "LB": 161, "LD": 163, "LE": 164, "KZ": 159, "LC": 162,
          "LG": 166, "LH": 167, "LI": 168, "LJ": 169,
          "LL": 171, "LM": 172, "LN": 173, "LO": 174, "LP": 175, "LQ": 176, "LK": 170, "LR": 177,
          "LT": 179, "LV": 181, "LU": 180, "LS": 178, "LZ": 185, "LW": 182, "LY": 184, "LX": 183,
          "ME": 190, "MA": 186, "MH": 193, "MB": 187, "MF": 191, "MG": 192, "MD": 189, "MC": 188, "MI": 194,
          "MN": 199, "MK": 196, "MQ": 202, "MM": 198, "ML": 197, "MO": 200, "MJ": 195, "MP": 201, "MU": 206,
          "MY": 210, "MS": 204, "MT": 205, "MX": 209, "MV": 207, "MW": 208, "MR": 203, "NE": 216, "NG": 218,
          "NB": 213, "NF": 217, "MZ": 211, "NA": 212, "NC": 214, "ND": 215, "NM": 224, "NJ": 221, "NL": 223,
          "NI": 220, "NK": 222, "NN": 225, "NH": 219, "NO": 226,
          "NT": 231, "NS": 230, "NV": 233, "NQ": 228, "NP": 227, "NR": 229, "NU": 232, "NW": 234,
          "OB": 239,
          "OD": 241,
          "OA": 238,
          "OE": 242,
          "OC": 240,
          "NY": 236,
          "NZ": 237,
          "NX": 235,
          "OI": 246,
          "OM": 250,
          "OJ": 247,
          "OF": 243,
          "OL": 249,
          "OK": 248,
          "OH": 245,
          "OG": 244,
          "OP": 253,
          "OO": 252,
          "OT": 257,
          "OU": 258,
          "OR": 255,
          "OS": 256,
          "OQ": 254,
          "ON": 251,
          "OZ": 263,
          "PC": 266,
          "PA": 264,
          "OX": 261,
          "OV": 259,
          "PB": 265,
          "OW": 260,
          "OY": 262,
          "PJ": 273,
          "PF": 269,
          "PI": 272,
          "PE": 268,
          "PH": 271,
          "PD": 267,
          "PG": 270,
          "PK": 274,
          "PQ": 280,
          "PN": 277,
          "PO": 278,
          "PM": 276,
          "PR": 281,
          "PL": 275,
          "PS": 282,
          "PP": 279,
          "PX": 287,
          "PZ": 289,
          "PU": 284,
          "PY": 288,
          "PT": 283,
          "PW": 286,
          "QA": 290,
          "PV": 285,
          "QF": 295,
          "QD": 293,
          "QG": 296,
          "QE": 294,
          "QH": 297,
          "QB": 291,
          "QC": 292,
          "QI": 298,
          "QP": 305,
          "QN": 303,
          "QK": 300,
          "QM": 302,
          "QQ": 306,
          "QL": 301,
          "QJ": 299,
          "QO": 304,
          "QT": 309,
          "QY": 314,
          "QU": 310,
          "QS": 308,
          "QR": 307,
          "QV": 311,
          "QX": 313,
          "QW": 312,
          "RF": 321,
          "QZ": 315,
          "RG": 322,
          "RC": 318,
          "RE": 320,
          "RD": 319,
          "RA": 316,
          "RB": 317,
          "RN": 329,
          "RO": 330,
          "RI": 324,
          "RH": 323,
          "RM": 328,
          "RJ": 325,
          "RK": 326,
          "RL": 327,
          "RP": 331,
          "RS": 334,
          "RW": 338,
          "RU": 336,
          "RR": 333,
          "RV": 337,
          "RT": 335,
          "RQ": 332,
          "SB": 343,
          "SC": 344,
          "SE": 346,
          "RY": 340,
          "RZ": 341,
          "SD": 345,
          "SA": 342,
          "RX": 339,
          "SI": 350,
          "SK": 352,
          "SM": 354,
          "SJ": 351,
          "SG": 348,
          "SF": 347,
          "SH": 349,
          "SL": 353,
          "SS": 360,
          "SN": 355,
          "SU": 362,
          "SO": 356,
          "SR": 359,
          "ST": 361,
          "SQ": 358,
          "SP": 357}
"""The writers of each round of tests/eval (the files' headers say the same)."""


def show(report: Report, path: Path, verbose: bool) -> None:
    print(f"== {path} ({len(report.outcomes)} judged replies)")
    for name, pair in (("answers", report.answers), ("declines", report.declines), ("smalltalk", report.smalltalk)):
        print(f"  {name:10s} {pair[0]:4d}/{pair[1]:<4d} {percent(pair):5.1f}%")
    print("  by language: " + ", ".join(f"{k} {percent(v):.1f}% ({v[0]}/{v[1]})" for k, v in report.by("lang").items()))
    print("  by class:    " + ", ".join(f"{k} {percent(v):.0f}% ({v[0]}/{v[1]})" for k, v in report.by("klass").items()))
    rounds = sorted({ROUNDS[o.writer] for o in report.outcomes if o.writer in ROUNDS})
    if rounds:
        parts = []
        for r in rounds:
            own = Report([o for o in report.outcomes if ROUNDS.get(o.writer) == r])
            parts.append(f"round {r} {percent(own.answers):.1f}% / {percent(own.declines):.1f}%")
        print("  by round (answers / declines): " + ", ".join(parts))
    print(f"  bodies of {BODY_LIMIT}+ characters: {report.long_bodies}")
    if verbose:
        for o in report.outcomes:
            if not o.ok:
                want = o.expect if isinstance(o.expect, str) else [g[:3] for g in o.expect]
                print(f"  ✗ {o.id} [{o.lang}/{o.klass}] {o.question}\n      want: {want}\n"
                      f"      got ({o.kind}): {o.body.replace(chr(10), ' | ')[:300]}")


def main(argv: list[str]) -> int:
    if "--no-semantic" in argv:
        os.environ["KZRU_SEMANTIC"] = "0"
    paths = [Path(a) for a in argv if not a.startswith("-")]
    if not paths:
        paths = [ROOT / "tests" / "eval" / "tune.yaml"]
        dev = ROOT.parent / "shared" / "eval" / "dev.yaml"
        if dev.is_file():
            paths.append(dev)
    engine = AnswerEngine(load_store(default_data_dir()))
    print(f"semantic signal: {'on' if engine.semantic is not None else 'off (lexical only)'}")
    for path in paths:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
        # Failures are listed only on request, and never for the held-out file: it is for reporting.
        verbose = "-v" in argv and path.name != HELD_OUT
        show(evaluate(engine, items), path, verbose=verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
