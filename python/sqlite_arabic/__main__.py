"""python -m sqlite_arabic: the sqlite-arabic command."""
import sys

from .cli import main

sys.exit(main())
