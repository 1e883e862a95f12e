"""Every rule code by scope, readable without importing the rules.

The registry imports every rule, and the rules import libcst: about a fifth of
a second. The main process decides what to check (the selection, which files
need facts) before the file pass runs, and a run that checks a few files hands
them to a worker that imported the engine at launch (see
``adapters.preloaded_worker``); reading the codes here, it imports the rules
only for the project pass, while that worker checks the files. A test keeps
these tuples equal to the registry's.
"""

from __future__ import annotations

__all__ = ["CODES", "FILE_CODES", "PROJECT_CODES"]

# Rules run on every Python file by the file pass.
FILE_CODES: tuple[str, ...] = (
    "SP000",
    "SP001",
    "SP002",
    "SP101",
    "SP102",
    "SP103",
    "SP104",
    "SP105",
    "SP201",
    "SP202",
    "SP203",
    "SP204",
    "SP205",
    "SP301",
    "SP302",
    "SP303",
    "SP304",
    "SP305",
    "SP306",
    "SP307",
    "SP308",
    "SP309",
    "SP310",
    "SP401",
    "SP402",
    "SP403",
    "SP404",
    "SP405",
    "SP410",
    "SP501",
    "SP502",
    "SP503",
    "SP506",
    "SP601",
    "SP602",
    "SP603",
    "SP604",
    "SP606",
    "SP706",
    "SP709",
    "SP711",
    "SP712",
    "SP714",
    "SP809",
)
# Rules run once per project root on the collected facts.
PROJECT_CODES: tuple[str, ...] = (
    "SP406",
    "SP407",
    "SP408",
    "SP409",
    "SP504",
    "SP505",
    "SP507",
    "SP605",
    "SP701",
    "SP702",
    "SP703",
    "SP704",
    "SP705",
    "SP707",
    "SP708",
    "SP710",
    "SP713",
    "SP715",
    "SP801",
    "SP802",
    "SP803",
    "SP804",
    "SP805",
    "SP806",
    "SP807",
    "SP808",
    "SP810",
    "SP811",
    "SP901",
    "SP902",
    "SP903",
    "SP904",
    "SP905",
    "SP906",
    "SP907",
    "SP908",
    "SP909",
    "SP910",
    "SP911",
    "SP912",
    "SP920",
    "SP921",
    "SP930",
    "SP931",
    "SP932",
    "SP933",
    "SP934",
    "SP935",
)
# Every code, in code order: these two and the rules whose findings Ruff makes.
CODES: tuple[str, ...] = tuple(sorted((*FILE_CODES, *PROJECT_CODES, "SP812", "SP813")))
