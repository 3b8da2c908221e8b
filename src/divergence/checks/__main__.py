"""`python -m divergence.checks`: the same as `divergence check`."""

from divergence.checks.cli import main

raise SystemExit(main())
