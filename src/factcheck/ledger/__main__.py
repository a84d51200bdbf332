"""`python -m factcheck.ledger [FOLDER]`: write the JSON Schemas of the ledger files (default `schemas/`)."""

import sys
from pathlib import Path

from .schema import ALL_FILES, schema_text

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")
folder.mkdir(exist_ok=True)
for kind in ALL_FILES:
    target = folder / f"{kind}.schema.json"
    target.write_text(schema_text(kind), encoding="utf-8")
    print(target)
