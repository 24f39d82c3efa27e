import sys

from contentlint.cli import main

sys.exit(main())
